import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, expectPainted, pointOfText, tabIdOf, test } from './fixtures';

const SCREENSHOTS = fileURLToPath(new URL('../../assets/screenshots/', import.meta.url));

/** README screenshots of the extension pages, in English, written only when asked (UPDATE_SCREENSHOTS=1). */
async function saveScreenshot(page: Page, name: string, language: string): Promise<void> {
  if (!process.env.UPDATE_SCREENSHOTS || language !== 'en') return;
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}`, fullPage: true, animations: 'disabled' });
}

/** An article the reader added, as stored. */
const ADDED_PACK = {
  id: 'added-a11y',
  addedAt: '2026-12-01T09:00:00.000Z',
  topics: [],
  article: { title: 'Tencent opens in Frankfurt', language: 'en', source: 'https://news.example/tencent', summary: ['Tencent Holdings opens in Frankfurt.'] },
  entities: [{ id: 'tencent-holdings', name: 'Tencent Holdings', type: 'company', known: false, aliases: ['Tencent'], evidence: ['Tencent Holdings opens in Frankfurt.'] }],
};

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** axe-core's violations for a page or a part of it (evaluated through the debugger, so the pages' CSP does not apply). */
async function violations(page: Page, include?: string[][]): Promise<string[]> {
  await page.evaluate(axeSource);
  const found = await page.evaluate(
    async (context) => {
      const axe = (window as unknown as { axe: { run: (c: unknown, o: unknown) => Promise<{ violations: Violation[] }> } }).axe;
      const result = await axe.run(context ? { include: context } : document, { resultTypes: ['violations'] });
      return result.violations;
    },
    include ?? null,
  );
  return found.map((v) => `${v.id} (${v.impact}): ${v.help} at ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

for (const colorScheme of ['light', 'dark'] as const) {
  for (const language of ['en', 'fr'] as const) {
    test.describe(`accessibility, ${colorScheme} theme, ${language}`, () => {
      test.beforeEach(async ({ page, serviceWorker }) => {
        await serviceWorker.evaluate((lang) => chrome.storage.local.set({ settings: { language: lang } }), language);
        await page.emulateMedia({ colorScheme });
      });

      test('the popup has no axe violations', async ({ page, context, origin, extensionId, serviceWorker }) => {
        await page.goto(`${origin}/cloud-rivals.html`);
        await expectPainted(page, (t) => t.includes('Aliyun'), 'mentions painted');
        await page.bringToFront();
        const tabId = await tabIdOf(serviceWorker, page.url());
        const popup = await context.newPage();
        await popup.emulateMedia({ colorScheme });
        await popup.setViewportSize({ width: 420, height: 760 }); // the size of a toolbar popup
        await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
        await expect(popup.locator('html')).toHaveAttribute('lang', language);
        await expect(popup.getByRole('button', { name: /Alibaba Cloud/ })).toBeVisible();
        expect(await violations(popup)).toEqual([]);
        await saveScreenshot(popup, `popup-${colorScheme}.png`, language);
      });

      test('the options page has no axe violations, an added article listed', async ({ page, extensionId, serviceWorker }) => {
        await serviceWorker.evaluate((pack) => chrome.storage.local.set({ packs: [pack], 'packs$': { v: 1 } }), ADDED_PACK);
        await page.goto(`chrome-extension://${extensionId}/options.html`);
        await expect(page.getByRole('button', { name: new RegExp(ADDED_PACK.article.title) })).toHaveCount(2);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        expect(await violations(page)).toEqual([]);
        await saveScreenshot(page, `options-${colorScheme}.png`, language);
      });

      test('the review of an article to add has no axe violations', async ({ page, context, origin, extensionId, serviceWorker }) => {
        await page.goto(`${origin}/cloud-rivals.html`);
        await expectPainted(page, (t) => t.includes('Aliyun'), 'mentions painted');
        await page.bringToFront();
        const tabId = await tabIdOf(serviceWorker, page.url());
        const review = await context.newPage();
        await review.emulateMedia({ colorScheme });
        await review.goto(`chrome-extension://${extensionId}/add-article.html?tab=${tabId}`);
        await expect(review.locator('html')).toHaveAttribute('lang', language);
        await expect(review.getByRole('checkbox').first()).toBeVisible();
        expect(await violations(review)).toEqual([]);
        await saveScreenshot(review, `add-article-${colorScheme}.png`, language);
      });

      test('an open card has no axe violations', async ({ page, origin }) => {
        await page.goto(`${origin}/cloud-rivals.html`);
        await expectPainted(page, (t) => t.includes('Aliyun'), 'mentions painted');
        const { x, y } = await pointOfText(page, 'Aliyun');
        await page.mouse.move(x, y);
        await expect(page.getByRole('dialog', { name: 'Alibaba Cloud' })).toBeVisible();
        expect(await violations(page, [['backstory-ui', '[role="dialog"]']])).toEqual([]);
      });
    });
  }
}
