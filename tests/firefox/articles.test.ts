import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterEach, describe, expect, test } from 'vitest';
import type { StoredPack } from '../../src/knowledge/pack';
import { cardIn, EXTENSION_ORIGIN, expectCard, expectPainted, firefoxSession, openExtensionPage, paintedTexts, pointOfText, tabIdOf, waitUntil } from './harness';

/** A pack as `npm run --silent pack` prints it: Tencent (new to Backstory) and Alibaba Cloud (known). */
const TENCENT_PACK = {
  article: { title: 'Tencent Cloud opens its first European region', language: 'en', source: 'https://news.example/tencent-europe', summary: ['Tencent Holdings will open a cloud region in Frankfurt next year.'] },
  entities: [
    { id: 'alibaba-cloud', name: 'Alibaba Cloud', type: 'company', known: true, aliases: [], evidence: ['Alibaba Cloud opened one there in 2016.'] },
    { id: 'tencent-holdings', name: 'Tencent Holdings', type: 'company', known: false, aliases: ['Tencent'], evidence: ['Tencent Holdings will open a cloud region in Frankfurt next year.'] },
  ],
};
const PAGE = `<!doctype html><html lang="en"><head><title>Cloud in Europe</title></head><body>
<p>Tencent Holdings is coming to Frankfurt, where Tencent will compete with Alibaba Cloud.</p></body></html>`;
const NEWS_ARTICLE = readFileSync(new URL('../fixtures/packs/en-01-tencent-cloud-europe.html', import.meta.url), 'utf8');

const session = firefoxSession({ pages: { '/cloud-in-europe.html': PAGE, '/tencent-europe.html': NEWS_ARTICLE } });
const files = mkdtempSync(join(tmpdir(), 'backstory-packs-'));

afterEach(async () => {
  const extension = await openExtensionPage(session.firefox.browser, 'options.html');
  await extension.evaluate(() => browser.storage.local.clear());
  for (const open of await session.firefox.browser.pages()) await open.close();
});

async function openPage(path: string, painted: string): Promise<Page> {
  const page = await session.firefox.browser.newPage();
  await page.goto(`${session.origin}${path}`);
  await expectPainted(page, (texts) => texts.includes(painted), `${painted} painted`);
  return page;
}

async function importFile(options: Page, name: string, content: string): Promise<void> {
  const path = join(files, name);
  writeFileSync(path, content);
  const input = (await options.$('input[type="file"]')) as ElementHandle<HTMLInputElement>;
  await input.uploadFile(path);
}

const textOf = (page: Page, selector: string) => page.$eval(selector, (element) => element.textContent ?? '');
const storedPacks = (page: Page) => page.evaluate(async () => ((await browser.storage.local.get('packs')).packs ?? []) as StoredPack[]);

describe('articles the reader adds, in Firefox', () => {
  test('a pack imported in options lights up its new entity, with its card, in an open tab; a bad file is refused; deleting takes it away', async () => {
    const page = await openPage('/cloud-in-europe.html', 'Alibaba Cloud');
    const options = await openExtensionPage(session.firefox.browser, 'options.html');
    await importFile(options, 'tencent.json', JSON.stringify(TENCENT_PACK));
    await waitUntil(async () => (await textOf(options, '[role="status"]')) === `Imported “${TENCENT_PACK.article.title}”.`, 'the import confirmed');
    await expectPainted(page, (texts) => texts.includes('Tencent Holdings') && texts.includes('Tencent'), 'the new entity painted in the open tab');

    await page.bringToFront();
    const { x, y } = await pointOfText(page, 'Tencent Holdings');
    await page.mouse.move(x, y);
    await expectCard(page, 'Tencent Holdings');
    const card = await page.evaluate(() => document.querySelector('backstory-ui')!.shadowRoot!.querySelector('[role="dialog"]')!.textContent);
    expect(card).toContain('Named in an article you added.');
    await page.keyboard.press('Escape');
    await waitUntil(async () => (await cardIn(page)) === null, 'the card closed');

    const before = await storedPacks(options);
    await importFile(options, 'broken.json', JSON.stringify({ ...TENCENT_PACK, entities: [{ ...TENCENT_PACK.entities[1], type: 'planet' }] }));
    await waitUntil(async () => (await textOf(options, '[role="alert"]')).startsWith('broken.json was not imported: entities[0].type:'), 'the bad file refused');
    expect(await storedPacks(options)).toEqual(before);

    const remove = (await options.$(`::-p-aria(Delete ${TENCENT_PACK.article.title})`))!;
    await remove.click();
    await expectPainted(page, (texts) => !texts.includes('Tencent Holdings') && texts.includes('Alibaba Cloud'), 'the new entity gone, the bundled one still painted');
  });

  test('"Add this article" reads the page in its tab and saves the names checked: another open tab highlights them', async () => {
    const other = await openPage('/cloud-in-europe.html', 'Alibaba Cloud');
    const news = await openPage('/tencent-europe.html', 'Alibaba Cloud');
    const options = await openExtensionPage(session.firefox.browser, 'options.html');
    const tabId = await tabIdOf(options, news.url());
    const popup = await openExtensionPage(session.firefox.browser, `popup.html?tab=${tabId}`);
    await waitUntil(async () => (await popup.$('::-p-aria(Add this article)')) !== null, 'the Add this article button');
    await (await popup.$('::-p-aria(Add this article)'))!.click();

    // The button opens the review in a tab of its own. Puppeteer does not see tabs an extension opens in Firefox:
    // the test checks that tab is there, then drives the same review in a tab of its own.
    const reviewUrl = `${EXTENSION_ORIGIN}/add-article.html?tab=${tabId}`;
    let tabs: string[] = [];
    await waitUntil(async () => (tabs = await options.evaluate(async () => (await browser.tabs.query({})).map((tab) => tab.url ?? ''))).includes(reviewUrl), () => `the review tab opened (${reviewUrl} among ${tabs.join(', ')})`);
    const review = await openExtensionPage(session.firefox.browser, `add-article.html?tab=${tabId}`);
    const tencent = '::-p-aria([name="Tencent Holdings"][role="checkbox"])';
    await waitUntil(async () => (await review.$(tencent)) !== null, 'the proposed names');
    expect(await textOf(review, 'h2')).toBe('Tencent steps up European cloud push with Frankfurt data centre deal');
    expect(await review.$eval(tencent, (box) => (box as HTMLInputElement).checked)).toBe(false);
    await (await review.$(tencent))!.click();
    await (await review.$('::-p-aria([name="Save"][role="button"])'))!.click();
    await waitUntil(async () => (await textOf(review, '[role="status"]')).startsWith('Saved.'), 'the article saved');

    const [stored] = await storedPacks(options);
    expect(stored!.entities.filter((entity) => !entity.known).map((entity) => entity.name)).toEqual(['Tencent Holdings']);
    await expectPainted(other, (texts) => texts.includes('Tencent Holdings'), 'the checked name painted in the other tab');
    expect(await paintedTexts(news)).not.toContain('Canalys');
  });
});
