import { describe, expect, test } from 'vitest';
import { colouredPixels } from '../pixels';
import { expectPainted, firefoxSession } from './harness';

const session = firefoxSession();

describe('a news page in Firefox', () => {
  test('the companies are painted, visibly, and the look-alikes are not', async () => {
    const page = await session.firefox.browser.newPage();
    await page.goto(`${session.origin}/cloud-rivals.html`);
    const texts = await expectPainted(page, (t) => t.includes('Aliyun') && t.includes('Jack Ma'), 'mentions painted');
    for (const name of ['Alibaba', 'Alibaba Cloud', 'Aliyun', 'Amazon Web Services', 'AWS', 'Microsoft Azure', 'Google Cloud', 'Huawei', 'ZTE', 'Trump administration', 'The Information']) {
      expect(texts, name).toContain(name);
    }
    const count = (name: string) => texts.filter((text) => text === name).length;
    expect(count('Alibaba')).toBe(4);
    expect(count('AWS')).toBe(2);
    expect(count('Azure')).toBe(0);
    expect(texts.some((text) => /Amazon$|Commissioner|thieves/.test(text))).toBe(false);

    // Visible: a paragraph's mentions colour its pixels (it has no link, which would too); the look-alikes' paragraph has none.
    const painted = await page.$('p:nth-of-type(3)');
    const lookAlikes = await page.$('h2 + p');
    expect(colouredPixels(await painted!.screenshot())).toBeGreaterThan(500);
    expect(colouredPixels(await lookAlikes!.screenshot())).toBe(0);
    await page.close();
  });
});
