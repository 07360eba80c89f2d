import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from '@playwright/test';
import { expect, expectPainted, pointOfText, tabIdOf, test } from './fixtures';

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
        await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
        await expect(popup.locator('html')).toHaveAttribute('lang', language);
        await expect(popup.getByRole('button', { name: /Alibaba Cloud/ })).toBeVisible();
        expect(await violations(popup)).toEqual([]);
      });

      test('the options page has no axe violations', async ({ page, extensionId }) => {
        await page.goto(`chrome-extension://${extensionId}/options.html`);
        await expect(page.locator('html')).toHaveAttribute('lang', language);
        await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
        expect(await violations(page)).toEqual([]);
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
