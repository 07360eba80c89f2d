import type { Request } from '@playwright/test';
import { expect, expectPainted, pointOfText, tabIdOf, test } from './fixtures';

test('a full session makes no network request but the test’s own page loads', async ({ page, context, origin, extensionId, serviceWorker }) => {
  const requests: Array<{ url: string; type: string; navigation: boolean }> = [];
  const record = (request: Request) => requests.push({ url: request.url(), type: request.resourceType(), navigation: request.isNavigationRequest() });
  context.on('request', record);

  // Pages with mentions, hovering, a card and its chips.
  await page.goto(`${origin}/cloud-rivals.html`);
  await expectPainted(page, (t) => t.includes('Aliyun'), 'mentions painted');
  const { x, y } = await pointOfText(page, 'Aliyun');
  await page.mouse.move(x, y);
  const card = page.getByRole('dialog', { name: 'Alibaba Cloud' });
  await expect(card).toBeVisible();
  await card.getByRole('button', { name: /Alibaba Group/ }).first().click();
  await expect(page.getByRole('dialog', { name: 'Alibaba Group' })).toBeVisible();
  await page.goto(`${origin}/article.html`);
  await expectPainted(page, (t) => t.includes('Aliyun'), 'article painted');

  // The popup for that tab, with a search.
  await page.bringToFront();
  const tabId = await tabIdOf(serviceWorker, page.url());
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.getByRole('searchbox').fill('huawey');
  await popup.getByRole('list', { name: 'Results' }).getByRole('button').first().click();
  await expect(popup.getByRole('article', { name: 'Huawei' })).toBeVisible();

  // The options, with a change applied to the open tab.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.locator('input[data-topic="cloud-computing"]').uncheck();
  await options.locator('input[data-topic="cloud-computing"]').check();
  await page.waitForTimeout(500);
  context.off('request', record);

  const outside = requests.filter(({ url }) => !url.startsWith(origin) && !url.startsWith(`chrome-extension://${extensionId}/`));
  expect(outside).toEqual([]);
  // On our test server, only the documents the test itself opened.
  const toServer = requests.filter(({ url }) => url.startsWith(origin));
  expect(toServer.filter((request) => !(request.navigation && request.type === 'document'))).toEqual([]);
  expect(toServer.map(({ url }) => new URL(url).pathname)).toEqual(['/cloud-rivals.html', '/article.html']);
});

// scripting runs the card's script in frames with mentions, and starts the content script in open tabs on install.
// (Firefox's build asks for the same: tests/unit/manifest.test.ts.)
test('asks only for storage, plus scripting on the pages its content script already reads', async ({ serviceWorker }) => {
  const manifest = await serviceWorker.evaluate(() => chrome.runtime.getManifest());
  expect(manifest.permissions).toEqual(['storage', 'scripting']);
  const contentScriptPages = manifest.content_scripts!.flatMap((script) => script.matches ?? []);
  expect(contentScriptPages).toEqual(['http://*/*', 'https://*/*']);
  // Host access is never wider than the content script's own pages.
  expect(manifest.host_permissions).toEqual(contentScriptPages);
  expect(manifest.optional_permissions ?? []).toEqual([]);
});
