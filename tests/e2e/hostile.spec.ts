import type { Page } from '@playwright/test';
import { expect, expectPainted, extensionErrorsIn, pageReportOf, tabIdOf, test } from './fixtures';
import { withoutLongTasks } from './tracing';

/** The page's heartbeat keeps beating: its timers run and its main thread is free. */
async function expectAlive(page: Page): Promise<void> {
  const before = await page.evaluate(() => (window as unknown as { __heartbeat: number }).__heartbeat);
  await expect.poll(() => page.evaluate(() => (window as unknown as { __heartbeat: number }).__heartbeat)).toBeGreaterThan(before + 3);
}

test.describe('hostile pages', () => {
  let extensionErrors: string[] = [];
  test.beforeEach(async ({ page, extensionId }) => {
    extensionErrors = extensionErrorsIn(page, extensionId);
  });
  test.afterEach(async ({ page }) => {
    await expectAlive(page);
    expect(extensionErrors).toEqual([]);
  });

  test('200,000 text nodes', async ({ page, origin, extensionId }) => {
    await withoutLongTasks(page, extensionId, async () => {
      await page.goto(`${origin}/hostile/many-nodes.html`);
      await expectPainted(page, (t) => t.filter((x) => x === 'Huawei').length === 20, 'all 20 mentions painted');
    });
  });

  test('a mutation storm', async ({ page, origin, extensionId }) => {
    await withoutLongTasks(page, extensionId, async () => {
      await page.goto(`${origin}/hostile/mutation-storm.html`);
      await expectPainted(page, (t) => t.includes('ZTE'), 'stable mention painted');
      await page.waitForFunction(() => (window as unknown as { __stormDone: boolean }).__stormDone, undefined, { timeout: 10_000 });
    });
    // After the storm, what is painted matches what is on the page.
    const onPage = await page.evaluate(() => [...document.querySelectorAll('#storm p')].filter((p) => p.textContent!.startsWith('Huawei')).length);
    await expectPainted(page, (t) => t.filter((x) => x === 'Huawei').length === onPage, `${onPage} Huawei painted after the storm`);
  });

  test('5,000 levels of nesting', async ({ page, origin, extensionId }) => {
    await withoutLongTasks(page, extensionId, async () => {
      await page.goto(`${origin}/hostile/deep-nesting.html`);
      await expectPainted(page, (t) => t.includes('Alibaba Cloud'), 'the deepest mention painted');
    });
  });

  test('a page that overrides built-in prototypes and window.CSS in its own world', async ({ page, origin, serviceWorker }) => {
    await page.goto(`${origin}/hostile/overridden-prototypes.html`);
    // The page broke its own CSS object, so ask the content script (isolated world) what it painted.
    await page.bringToFront();
    const tabId = await tabIdOf(serviceWorker, page.url());
    await expect
      .poll(async () => {
        // Until the content script is up, nobody answers: that is a "not yet", not a failure.
        const report = await pageReportOf(serviceWorker, tabId).catch(() => ({ entities: [] }));
        return report.entities.map((e) => e.entityId).sort();
      })
      .toEqual(['huawei', 'jack-ma']);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Overrides');
  });

  test('* { all: unset !important }', async ({ page, origin }) => {
    await page.goto(`${origin}/hostile/all-unset.html`);
    await expectPainted(page, (t) => t.includes('Microsoft Azure') && t.includes('Google Cloud'), 'mentions painted');
  });

  test('nested open shadow roots and frames', async ({ page, origin }) => {
    await page.goto(`${origin}/hostile/nested-roots.html`);
    await expectPainted(page, (t) => t.includes('Huawei') && t.includes('Jack Ma'), 'both shadow levels painted');
    expect(await page.evaluate(() => CSS.highlights.get('backstory-mention')!.size)).toBe(2); // not the closed root's Alibaba
    for (const [depth, name] of [[1, 'AWS'], [2, 'ZTE']] as const) {
      const frame = page.frames().find((f) => f.parentFrame() !== null && (depth === 1 ? f.parentFrame() === page.mainFrame() : f.parentFrame() !== page.mainFrame()))!;
      await expect.poll(() => frame.evaluate(() => CSS.highlights.get('backstory-mention')?.size ?? 0), { message: name }).toBe(1);
    }
  });

  test('synthetic events and messages pretending to be the extension', async ({ page, origin, extensionId }) => {
    await withoutLongTasks(page, extensionId, async () => {
      await page.goto(`${origin}/hostile/impostor.html`);
      await page.waitForFunction(() => (window as unknown as { __impostorDone: boolean }).__impostorDone, undefined, { timeout: 10_000 });
    });
    // Still painting, no card opened by fake pointers, nothing moved by fake messages.
    await expectPainted(page, (t) => t.includes('Alibaba Cloud') && t.includes('AWS'), 'mentions still painted');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await page.evaluate(() => scrollY)).toBe(0);
  });
});
