import type { Page } from 'puppeteer-core';
import { afterEach, describe, expect, test } from 'vitest';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';
import { MENTION_HIGHLIGHT } from '../../src/page/highlight-styles';
import type { HighlightStyle } from '../../src/settings/settings';
import { expectPainted, firefoxSession, openExtensionPage, tabIdOf, waitUntil } from './harness';
import { colouredPixels } from '../pixels';

const article = knowledgeBase.articles[0]!;
const entity = (id: string) => knowledgeBase.entities.find((e) => e.id === id)!;

const session = firefoxSession();

afterEach(async () => {
  const extension = await openExtensionPage(session.firefox.browser, 'options.html');
  await extension.evaluate(() => browser.storage.local.clear());
  for (const open of await session.firefox.browser.pages()) await open.close();
});

async function openNewsPage(): Promise<Page> {
  const page = await session.firefox.browser.newPage();
  await page.goto(`${session.origin}/cloud-rivals.html`);
  await expectPainted(page, (t) => t.includes('Huawei') && t.includes('Aliyun'), 'mentions painted');
  return page;
}

/** Texts of the elements matching `selector` in an extension page. */
const textsOf = (page: Page, selector: string) => page.$$eval(selector, (elements) => elements.map((element) => element.textContent?.trim() ?? ''));

describe('the popup in Firefox', () => {
  test('lists this page’s mentions, with counts that add up to what is painted, and carries the summary in both languages', async () => {
    const page = await openNewsPage();
    const painted = await expectPainted(page, (t) => t.includes('Jack Ma'), 'Jack Ma painted');
    const options = await openExtensionPage(session.firefox.browser, 'options.html');
    const tabId = await tabIdOf(options, page.url());
    const popup = await openExtensionPage(session.firefox.browser, `popup.html?tab=${tabId}`);

    await waitUntil(async () => (await popup.$$('.page-list button[data-entity]')).length > 0, 'the page list');
    const listed = await popup.$$eval('.page-list button[data-entity]', (buttons) => buttons.map((b) => b.getAttribute('data-entity')));
    for (const id of ['alibaba-cloud', 'huawei', 'zte', 'jack-ma', 'aws']) expect(listed).toContain(id);
    const counts = await popup.$$eval('.page-list button[data-entity] .count', (spans) => spans.map((span) => Number(span.textContent)));
    expect(counts.reduce((sum, count) => sum + count, 0)).toBe(painted.length);

    expect(await textsOf(popup, 'h1')).toEqual([article.title]);
    expect(await textsOf(popup, '[data-testid="summary"]')).toEqual([article.summary.en]);
    const french = await popup.$$('::-p-text(Français)');
    await french[0]!.click();
    await waitUntil(async () => (await textsOf(popup, '[data-testid="summary"]'))[0] === article.summary.fr, 'the French summary');
  });

  test('a search tolerates a typo and opens the entity’s details', async () => {
    const popup = await openExtensionPage(session.firefox.browser, 'popup.html');
    await popup.type('input[type="search"]', 'huawey');
    await waitUntil(async () => (await popup.$$('#search-results button[data-entity="huawei"]')).length > 0, 'Huawei found');
    await popup.click('#search-results button[data-entity="huawei"]');
    await waitUntil(async () => (await popup.$$eval('article', (articles) => articles.map((a) => a.textContent ?? ''))).some((text) => text.includes(entity('huawei').description.en.slice(0, 30))), 'Huawei’s details');
  });
});

describe('options in Firefox, applied live to an open tab', () => {
  test('turning off every topic of an entity removes its highlights at once, and leaves the others', async () => {
    const page = await openNewsPage();
    const options = await openExtensionPage(session.firefox.browser, 'options.html');
    for (const topic of entity('huawei').topics) await options.click(`input[data-topic="${topic}"]`);
    await expectPainted(page, (t) => !t.includes('Huawei') && t.includes('Aliyun'), 'Huawei unpainted, Aliyun still painted');
  });

  test('each highlight style is visible by its pixels, and "none" paints nothing', async () => {
    const page = await openNewsPage();
    const options = await openExtensionPage(session.firefox.browser, 'options.html');
    // Firefox cannot underline highlighted text: options offers no underline, and says why.
    expect(await textsOf(options, '.style-note')).toHaveLength(1);
    expect(await options.$$eval('input[name="highlight-style"]', (inputs) => inputs.map((input) => (input as HTMLInputElement).value))).toEqual(['tint', 'background', 'none']);
    expect(await textsOf(options, 'input[value="tint"]:checked + .sample')).toEqual(['Light tint']);

    const pixels: Partial<Record<HighlightStyle, number>> = {};
    for (const style of ['background', 'none', 'tint'] as const) {
      await options.click(`input[name="highlight-style"][value="${style}"]`);
      const name = MENTION_HIGHLIGHT[style];
      await waitUntil(
        () => page.evaluate((wanted, all) => all.every((other) => (CSS.highlights.has(other) ? other === wanted : true)) && (wanted === null || CSS.highlights.has(wanted)), name, Object.values(MENTION_HIGHLIGHT).filter(Boolean) as string[]),
        `the ${style} style applied`,
      );
      await new Promise((resolve) => setTimeout(resolve, 100)); // the next frame, painted
      pixels[style] = colouredPixels(await (await page.$('p:nth-of-type(3)'))!.screenshot());
    }
    expect(pixels.none).toBe(0);
    expect(pixels.tint).toBeGreaterThan(500);
    expect(pixels.background).toBeGreaterThan(500);
    expect(pixels.background, 'the two styles look different').not.toBe(pixels.tint);
  });
});
