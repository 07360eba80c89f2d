import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { demoPages } from '../../src/cli/demo-pages';
import { serveStatic, type StaticServer } from '../../src/cli/static-server';
import { colouredPixels } from '../pixels';
import { expectPainted, extensionErrors, launchFirefox, waitUntil, type FirefoxWithExtension } from './harness';
import { fileURLToPath } from 'node:url';

const PAGES = fileURLToPath(new URL('../e2e/pages', import.meta.url));

let firefox: FirefoxWithExtension;
let server: StaticServer;

beforeAll(async () => {
  server = await serveStatic(PAGES, demoPages());
  firefox = await launchFirefox();
});
afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('a news page in Firefox', () => {
  test('the companies are painted, visibly, and the look-alikes are not', async () => {
    const page = await firefox.browser.newPage();
    await page.goto(`${server.origin}/cloud-rivals.html`);
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
    expect(extensionErrors(firefox.output)).toEqual([]);
    await page.close();
  });
});
