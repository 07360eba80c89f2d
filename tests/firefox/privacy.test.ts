import { afterAll, expect, test } from 'vitest';
import { EXTENSION_ORIGIN, expectCard, expectPainted, firefoxSession, openExtensionPage, pointOfText, tabIdOf, waitUntil } from './harness';
import { proxyPrefs, startRecordingProxy, type RecordingProxy } from './recording-proxy';

/**
 * Firefox's own services, which it calls whatever add-ons are installed (its remote settings, even
 * with their server preference changed, and its captive-portal check): not requests of ours.
 */
const FIREFOX_OWN_HOSTS = ['firefox.settings.services.mozilla.com', 'detectportal.firefox.com'];

let proxy: RecordingProxy;
const session = firefoxSession({
  launch: async (origin) => {
    proxy = await startRecordingProxy(origin);
    return { prefs: proxyPrefs(proxy.port) };
  },
});
afterAll(() => proxy?.close());

test('a full session makes no network request but the test’s own page loads', async () => {
  const { firefox, origin } = session;
  const recordedBefore = proxy.requests.length;
  // Pages with mentions, hovering, a card and a related entity's card.
  const page = await firefox.browser.newPage();
  await page.goto(`${origin}/cloud-rivals.html`);
  await expectPainted(page, (t) => t.includes('Aliyun'), 'mentions painted');
  const { x, y } = await pointOfText(page, 'Aliyun');
  await page.mouse.move(x, y);
  await expectCard(page, 'Alibaba Cloud');
  await page.evaluate(() => {
    const root = document.querySelector('backstory-ui')!.shadowRoot!;
    [...root.querySelectorAll('button')].find((button) => /Alibaba Group/.test(button.textContent ?? ''))!.click();
  });
  await expectCard(page, 'Alibaba Group');
  await page.goto(`${origin}/article.html`);
  await expectPainted(page, (t) => t.includes('Aliyun'), 'article painted');

  // The popup for that tab, with a search; the options, with a change applied to the open tab.
  const options = await openExtensionPage(firefox.browser, 'options.html');
  const popup = await openExtensionPage(firefox.browser, `popup.html?tab=${await tabIdOf(options, page.url())}`);
  await popup.type('input[type="search"]', 'huawey');
  await waitUntil(async () => (await popup.$$('#search-results button[data-entity="huawei"]')).length > 0, 'Huawei found');
  await popup.click('#search-results button[data-entity="huawei"]');
  await options.bringToFront();
  const cloudOff = () => options.evaluate(async () => ((await browser.storage.local.get('settings')).settings as { disabledTopics?: string[] } | undefined)?.disabledTopics?.includes('cloud-computing') ?? false);
  await options.click('input[data-topic="cloud-computing"]');
  await waitUntil(cloudOff, 'cloud computing off');
  await options.click('input[data-topic="cloud-computing"]');
  await waitUntil(async () => !(await cloudOff()), 'cloud computing on again');
  await new Promise((resolve) => setTimeout(resolve, 500)); // the open tab repaints

  const recorded = proxy.requests.slice(recordedBefore);
  const ours = recorded.filter((address) => !FIREFOX_OWN_HOSTS.some((host) => address.startsWith(`${host}:`) || address.startsWith(`http://${host}/`)));
  expect(ours).toEqual([`${origin}/cloud-rivals.html`, `${origin}/article.html`]);
});

test('asks only for storage, plus scripting on the pages its content script reads; its styles come with that script', async () => {
  const extension = await openExtensionPage(session.firefox.browser, 'options.html');
  const manifest = await extension.evaluate(() => browser.runtime.getManifest());
  // Manifest V2: the host patterns are listed with the permissions.
  expect(manifest.permissions).toEqual(['storage', 'scripting', 'http://*/*', 'https://*/*']);
  expect(manifest.optional_permissions ?? []).toEqual([]);
  expect(manifest.content_scripts).toEqual([expect.objectContaining({ matches: ['http://*/*', 'https://*/*'], css: [`${EXTENSION_ORIGIN}/highlights.css`], js: [`${EXTENSION_ORIGIN}/content-scripts/mentions.js`] })]);
  await extension.close();
});
