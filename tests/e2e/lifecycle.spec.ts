import { browserWithExtension, expect, expectPainted, pointOfText, test as shared } from './fixtures';

/**
 * This test reloads the extension, which does not come back under Playwright: it gets a browser of its
 * own (a different worker fixture puts it in a worker of its own) so that later tests keep theirs.
 */
const test = shared.extend({ extensionContext: [browserWithExtension, { scope: 'worker' }] });

test('a reloaded extension’s old content script removes everything it added', async ({ page, origin, serviceWorker }) => {
  await page.goto(`${origin}/cloud-rivals.html`);
  await expectPainted(page, (t) => t.includes('Aliyun'), 'mentions painted');
  const { x, y } = await pointOfText(page, 'Aliyun');
  await page.mouse.move(x, y);
  await expect(page.getByRole('dialog', { name: 'Alibaba Cloud' })).toBeVisible();
  await expect(page.locator('backstory-ui')).toHaveCount(1);

  // The worker dies with the reload, so the evaluation may never answer.
  void serviceWorker.evaluate(() => chrome.runtime.reload()).catch(() => {});

  // The orphaned script notices within a few seconds and cleans up.
  await expect
    .poll(() => page.evaluate(() => ({
      highlights: CSS.highlights.has('backstory-mention') || CSS.highlights.has('backstory-active'),
      sheets: document.adoptedStyleSheets.length,
      host: document.querySelectorAll('backstory-ui').length,
    })), { timeout: 10_000 })
    .toEqual({ highlights: false, sheets: 0, host: 0 });

  // The page itself keeps working.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cloud rivals regroup as trade tensions bite');
  // Chromium does not bring a reloaded unpacked extension back under Playwright, so a fresh script's
  // take-over after reload is not checked here; WXT's start-up event makes an older instance stop if one is left.
});
