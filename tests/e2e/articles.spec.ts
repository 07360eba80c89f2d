import { readFileSync } from 'node:fs';
import type { BrowserContext, Locator, Page } from '@playwright/test';
import type { StoredPack } from '../../src/knowledge/pack';
import { expect, expectPainted, launchWithExtension, openPopupFor, paintedTexts, pointOfText, test } from './fixtures';

/** A pack as `npm run --silent pack` prints it: an article naming Tencent (new to Backstory) and Alibaba Cloud (known). */
const TENCENT_PACK = {
  article: {
    title: 'Tencent Cloud opens its first European region',
    language: 'en',
    source: 'https://news.example/tencent-europe',
    summary: ['Tencent Holdings will open a cloud region in Frankfurt next year.', 'Alibaba Cloud opened one there in 2016.'],
  },
  entities: [
    { id: 'alibaba-cloud', name: 'Alibaba Cloud', type: 'company', known: true, aliases: [], evidence: ['Alibaba Cloud opened one there in 2016.'] },
    { id: 'tencent-holdings', name: 'Tencent Holdings', type: 'company', known: false, aliases: ['Tencent'], evidence: ['Tencent Holdings will open a cloud region in Frankfurt next year.'] },
  ],
};
const PAGE = `<!doctype html><html lang="en"><head><title>Cloud in Europe</title></head><body>
<p id="tencent">Tencent Holdings is coming to Frankfurt, where Tencent will compete with Alibaba Cloud.</p></body></html>`;

const json = (value: unknown) => Buffer.from(JSON.stringify(value));
const dialog = (page: Page, name: string) => page.getByRole('dialog', { name, exact: true });

/** Rests the pointer on `text` in `page` (brought to the front) and waits for the card named `name`. */
async function hoverCard(page: Page, text: string, name: string): Promise<Locator> {
  await page.bringToFront();
  const { x, y } = await pointOfText(page, text);
  await page.mouse.move(x, y);
  const card = dialog(page, name);
  await expect(card).toBeVisible();
  return card;
}

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByRole('heading', { name: 'Articles' })).toBeVisible();
  return options;
}

async function importFile(options: Page, name: string, content: Buffer): Promise<void> {
  await options.getByLabel('Import', { exact: true }).setInputFiles({ name, mimeType: 'application/json', buffer: content });
}

async function openNewsPage(context: BrowserContext, origin: string): Promise<Page> {
  const page = await context.newPage();
  await page.route(`${origin}/cloud-in-europe.html`, (route) => route.fulfill({ contentType: 'text/html', body: PAGE }));
  await page.goto(`${origin}/cloud-in-europe.html`);
  await expectPainted(page, (texts) => texts.includes('Alibaba Cloud'), 'the bundled entity painted');
  return page;
}

/** A news article (a fixture of the pack builder's), naming four companies Backstory knows and many it does not. */
const NEWS_ARTICLE = readFileSync(new URL('../fixtures/packs/en-01-tencent-cloud-europe.html', import.meta.url), 'utf8');
const NEWS_TITLE = 'Tencent steps up European cloud push with Frankfurt data centre deal';

test.describe('articles the reader adds', () => {
  test('"Add this article" reads the page, proposes its names unchecked, and saves those checked: an open tab highlights them, with their card', async ({ context, extensionId, origin, serviceWorker }) => {
    const other = await openNewsPage(context, origin);
    const news = await context.newPage();
    await news.route(`${origin}/tencent-europe.html`, (route) => route.fulfill({ contentType: 'text/html', body: NEWS_ARTICLE }));
    await news.goto(`${origin}/tencent-europe.html`);
    await expectPainted(news, (texts) => texts.includes('Alibaba Cloud'), 'the bundled entities painted');
    const popup = await openPopupFor(news, context, extensionId, serviceWorker);
    const opening = context.waitForEvent('page');
    await popup.getByRole('button', { name: 'Add this article' }).click();
    const review = await opening;

    await expect(review.getByRole('heading', { level: 2 })).toHaveText(NEWS_TITLE);
    const known = review.getByRole('region', { name: 'Already known to Backstory' }).getByRole('listitem');
    await expect(known.first()).toBeVisible();
    for (const name of ['Amazon Web Services (AWS)', 'Microsoft Azure', 'Google Cloud', 'Alibaba Cloud']) await expect(known.filter({ hasText: name })).toHaveCount(1);
    const summary = review.getByRole('region', { name: 'Summary, in the article’s own sentences' }).getByRole('listitem');
    expect(await summary.count()).toBeGreaterThanOrEqual(3);
    for (const sentence of await summary.allTextContents()) expect(NEWS_ARTICLE.replace(/\s+/g, ' ')).toContain(sentence);
    const tencent = review.getByRole('checkbox', { name: 'Tencent Holdings' });
    const canalys = review.getByRole('checkbox', { name: 'Canalys' });
    await expect(tencent).not.toBeChecked();
    await expect(canalys).not.toBeChecked();
    await expect(review.getByRole('textbox', { name: 'Other names of Tencent Holdings, separated by commas' })).toHaveValue('Tencent');
    await tencent.check();
    await review.getByRole('checkbox', { name: 'Cloud computing' }).check();
    await review.getByRole('button', { name: 'Save' }).click();
    await expect(review.getByRole('status')).toContainText('Saved. Your open tabs now show its names:');

    const [stored] = (await serviceWorker.evaluate(() => chrome.storage.local.get('packs'))).packs as StoredPack[];
    expect(stored!.entities.filter((entity) => !entity.known).map((entity) => entity.name)).toEqual(['Tencent Holdings']);
    expect(stored).toMatchObject({ topics: ['cloud-computing'], article: { title: NEWS_TITLE, source: news.url() } });

    // The other tab, open all along, highlights the checked name and not the unchecked one, with a card of its own.
    await expectPainted(other, (texts) => texts.includes('Tencent Holdings'), 'the checked name painted in the other tab');
    const card = await hoverCard(other, 'Tencent Holdings', 'Tencent Holdings');
    await expect(card).toContainText('Tencent Holdings said on Tuesday it would open a second data centre region in Germany next year');
    await expect(card).toContainText(NEWS_TITLE);
    expect(await paintedTexts(news)).not.toContain('Canalys');

    // The article's own page now opens the popup on its summary.
    const again = await openPopupFor(news, context, extensionId, serviceWorker);
    await expect(again.getByText('In your articles')).toBeVisible();
    await expect(again.getByRole('heading', { level: 1 })).toHaveText(NEWS_TITLE);
    await expect(again.getByTestId('summary')).toContainText((await summary.allTextContents())[0]!);
  });

  test('a pack imported in options lights up its new entity, with its own card, in a tab already open; deleting it takes the highlights away', async ({ context, extensionId, origin }) => {
    const page = await openNewsPage(context, origin);
    expect(await paintedTexts(page)).not.toContain('Tencent Holdings');
    const options = await openOptions(context, extensionId);
    await importFile(options, 'tencent.json', json(TENCENT_PACK));
    await expect(options.getByRole('status')).toHaveText(`Imported “${TENCENT_PACK.article.title}”.`);
    await expect(options.getByRole('listitem').filter({ hasText: TENCENT_PACK.article.title })).toBeVisible();

    // The open tab, not reloaded, has the new names.
    await expectPainted(page, (texts) => texts.includes('Tencent Holdings') && texts.includes('Tencent'), 'the new entity painted in the open tab');
    const card = await hoverCard(page, 'Tencent Holdings', 'Tencent Holdings');
    await expect(card).toContainText('Named in an article you added.');
    await expect(card).toContainText('Tencent Holdings will open a cloud region in Frankfurt next year.');
    await expect(card).toContainText('news.example');
    await page.keyboard.press('Escape');

    // A bundled entity's card compares the two articles, the one added first.
    const alibabaCard = await hoverCard(page, 'Alibaba Cloud', 'Alibaba Cloud');
    const headings = alibabaCard.getByRole('heading', { level: 3 }).filter({ hasText: 'In the article' });
    await expect(headings).toHaveCount(2);
    await expect(headings.first()).toContainText(TENCENT_PACK.article.title);
    await expect(alibabaCard).toContainText('Alibaba Cloud opened one there in 2016.');
    await page.keyboard.press('Escape');

    await options.bringToFront();
    await options.getByRole('button', { name: `Delete ${TENCENT_PACK.article.title}` }).click();
    await expect(options.getByRole('status')).toHaveText(`Deleted “${TENCENT_PACK.article.title}”.`);
    await expectPainted(page, (texts) => !texts.includes('Tencent Holdings') && !texts.includes('Tencent') && texts.includes('Alibaba Cloud'), 'the new entity gone, the bundled one still painted');
  });

  test('a bad pack file is refused with an alert that says what is wrong, and nothing is lost', async ({ context, extensionId, origin, serviceWorker }) => {
    const page = await openNewsPage(context, origin);
    const options = await openOptions(context, extensionId);
    await importFile(options, 'tencent.json', json(TENCENT_PACK));
    await expectPainted(page, (texts) => texts.includes('Tencent Holdings'), 'the first pack in force');
    const stored = async () => (await serviceWorker.evaluate(() => chrome.storage.local.get('packs'))).packs as StoredPack[];
    const before = await stored();

    const broken = { ...TENCENT_PACK, entities: [{ ...TENCENT_PACK.entities[1], type: 'planet' }] };
    await importFile(options, 'broken.json', json(broken));
    await expect(options.getByRole('alert')).toContainText('broken.json was not imported: entities[0].type:');
    await importFile(options, 'not-json.json', Buffer.from('{ "article": '));
    await expect(options.getByRole('alert')).toContainText('not-json.json was not imported: it is not a JSON file');

    expect(await stored()).toEqual(before);
    await expect(options.getByRole('listitem').filter({ hasText: TENCENT_PACK.article.title })).toBeVisible();
    expect(await paintedTexts(page)).toContain('Tencent Holdings');
  });

  test('an exported pack imported into a fresh profile brings the same article back', async ({ context, extensionId, origin }) => {
    const options = await openOptions(context, extensionId);
    await importFile(options, 'tencent.json', json(TENCENT_PACK));
    const downloading = options.waitForEvent('download');
    await options.getByRole('button', { name: `Export ${TENCENT_PACK.article.title}` }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toBe('tencent-cloud-opens-its-first-european-region.backstory.json');
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8')) as StoredPack;
    expect(exported).toMatchObject({ ...TENCENT_PACK, id: expect.stringMatching(/^added-/), topics: [] });

    const fresh = await launchWithExtension();
    try {
      const worker = fresh.serviceWorkers()[0] ?? (await fresh.waitForEvent('serviceworker'));
      const freshOptions = await openOptions(fresh, new URL(worker.url()).host);
      await importFile(freshOptions, 'exported.json', readFileSync((await download.path())!));
      await expect(freshOptions.getByRole('status')).toHaveText(`Imported “${TENCENT_PACK.article.title}”.`);
      expect((await freshOptions.evaluate(() => chrome.storage.local.get('packs'))).packs).toEqual([exported]);
      const page = await openNewsPage(fresh, origin);
      await expectPainted(page, (texts) => texts.includes('Tencent Holdings'), 'the imported entity painted in the fresh profile');
    } finally {
      await fresh.close();
    }
  });
});
