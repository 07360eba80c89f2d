import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';
import { iconFile } from '../../src/cli/icon-files';
import { PUBLIC_DIR } from '../../src/cli/icons';
import type { Language } from '../../src/knowledge/types';
import { expect, expectPainted, pointOfText, tabIdOf, test } from './fixtures';

const ASSETS = fileURLToPath(new URL('../../assets/', import.meta.url));
/** The stores' screenshot size (the Chrome Web Store's; addons.mozilla.org takes it too). */
const STORE_SIZE = { width: 1280, height: 800 };
/** A toolbar popup: Chrome caps its height at 600 px; ours is 400 px wide (src/popup/popup.css). */
const POPUP_SIZE = { width: 400, height: 600 };

/** Writes a screenshot under assets/, only when asked (UPDATE_SCREENSHOTS=1). */
function keep(file: string, png: Buffer): void {
  if (!process.env.UPDATE_SCREENSHOTS) return;
  mkdirSync(dirname(`${ASSETS}${file}`), { recursive: true });
  writeFileSync(`${ASSETS}${file}`, png);
}

const decode = (png: Buffer) => PNG.sync.read(png);

test.describe('toolbar icon', () => {
  test("Chromium's extensions page shows Backstory's icon, and every icon the manifest declares loads from the extension at its size", async ({ page, extensionId }) => {
    await page.goto('chrome://extensions');
    const item = page.locator(`extensions-item#${extensionId}`);
    await expect(item).toBeVisible();
    // The icon Chromium itself shows for the extension (the manifest's 48 px one, else its grey puzzle piece).
    const src = await item.locator('img#icon').getAttribute('src');
    expect(src).toMatch(/^data:image\/png;base64,/);
    const shown = decode(Buffer.from(src!.split(',')[1]!, 'base64'));
    const ours = decode(readFileSync(`${PUBLIC_DIR}/${iconFile(48)}`));
    expect([shown.width, shown.height]).toEqual([48, 48]);
    expect(Buffer.compare(shown.data, ours.data), 'the extensions page shows icon/48.png').toBe(0);
    keep('screenshots/extensions-page.png', await item.screenshot({ animations: 'disabled' }));

    // The toolbar button's icons and the others, as the browser loads them from the extension's origin.
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    const loaded = await page.evaluate(async () => {
      const manifest = chrome.runtime.getManifest();
      const declared = [
        ...Object.entries(manifest.icons ?? {}).map(([size, path]) => ({ where: 'icons', size: Number(size), path })),
        ...Object.entries((manifest.action?.default_icon ?? {}) as Record<string, string>).map(([size, path]) => ({ where: 'action', size: Number(size), path })),
      ];
      return Promise.all(
        declared.map(
          ({ where, size, path }) =>
            new Promise<string>((resolve) => {
              const image = new Image();
              image.onload = () => resolve(`${where} ${size}: ${image.naturalWidth}×${image.naturalHeight}`);
              image.onerror = () => resolve(`${where} ${size}: ${path} failed to load`);
              image.src = chrome.runtime.getURL(path);
            }),
        ),
      );
    });
    expect(loaded).toEqual(['16', '32', '48', '96', '128'].map((size) => `icons ${size}: ${size}×${size}`).concat('action 16: 16×16', 'action 32: 32×32'));
  });
});

test("the loaded extension's version is package.json's, the one place a release sets it", async ({ serviceWorker }) => {
  const { version } = JSON.parse(readFileSync(`${ASSETS}../package.json`, 'utf8')) as { version: string };
  expect(await serviceWorker.evaluate(() => chrome.runtime.getManifest().version)).toBe(version);
});

test.describe('privacy policy', () => {
  test('the options page links to the policy shipped in the extension, which opens offline, in English and French', async ({ page, extensionId, serviceWorker }) => {
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await page.getByRole('link', { name: 'Privacy policy' }).click();
    await expect(page).toHaveURL(`chrome-extension://${extensionId}/privacy.html`);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Backstory privacy policy');
    await expect(page.getByRole('heading', { level: 2 })).toHaveText(['What Backstory reads', 'What Backstory stores, and where', 'What Backstory sends', 'Permissions, and why', 'How to remove everything', 'Changes to this policy']);
    await expect(page.getByText('It makes no network request at all.')).toBeVisible();
    expect(requests.filter((url) => !url.startsWith(`chrome-extension://${extensionId}/`)), 'everything came from the extension').toEqual([]);

    await serviceWorker.evaluate(() => chrome.storage.local.set({ settings: { language: 'fr' } }));
    await page.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(page.getByRole('link', { name: 'Politique de confidentialité' })).toHaveAttribute('href', '/privacy.html');
  });
});

/** What each language's screenshots show: a demo page in that language, and its settings. */
const STORE_PAGES: Record<Language, string> = { en: '/cloud-rivals.html', fr: '/article.html' };

/** The page's screenshot with the popup's laid over its top right corner, where the toolbar would open it. */
function withPopup(pagePng: Buffer, popupPng: Buffer): Buffer {
  const canvas = decode(pagePng);
  const popup = decode(popupPng);
  const [left, top] = [canvas.width - popup.width - 24, 8];
  // A grey frame one pixel wide, as the browser draws around a popup.
  for (let y = top - 1; y <= top + popup.height; y++) {
    for (let x = left - 1; x <= left + popup.width; x++) canvas.data.set([160, 160, 160, 255], (y * canvas.width + x) * 4);
  }
  PNG.bitblt(popup, canvas, 0, 0, popup.width, popup.height, left, top);
  return PNG.sync.write(canvas);
}

function expectStoreSize(png: Buffer, what: string): void {
  const { width, height } = decode(png);
  expect({ what, width, height }).toEqual({ what, ...STORE_SIZE });
}

for (const language of ['en', 'fr'] as const) {
  test(`store screenshots (${language}), 1280×800: a page with highlights, an open card, the popup, the options`, async ({ page, context, origin, extensionId, serviceWorker }) => {
    await serviceWorker.evaluate((lang) => chrome.storage.local.set({ settings: { language: lang } }), language);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize(STORE_SIZE);
    await page.goto(`${origin}${STORE_PAGES[language]}`);
    await expectPainted(page, (texts) => texts.includes('Aliyun') && texts.includes('Huawei'), 'mentions painted');
    const highlighted = await page.screenshot({ animations: 'disabled' });
    expectStoreSize(highlighted, 'highlighted page');

    const { x, y } = await pointOfText(page, 'Aliyun');
    await page.mouse.move(x, y);
    const card = page.getByRole('dialog', { name: 'Alibaba Cloud' });
    await expect(card).toBeVisible();
    await page.waitForTimeout(300); // past the fade-in
    const box = (await card.boundingBox())!;
    expect(box.x >= 0 && box.y >= 0 && box.x + box.width <= STORE_SIZE.width && box.y + box.height <= STORE_SIZE.height, `the card fits the 1280×800 page: ${JSON.stringify(box)}`).toBe(true);
    const withCard = await page.screenshot({ animations: 'disabled' });
    expectStoreSize(withCard, 'open card');
    await page.keyboard.press('Escape');
    await expect(card).toBeHidden();

    await page.bringToFront();
    const tabId = await tabIdOf(serviceWorker, page.url());
    const popup = await context.newPage();
    await popup.emulateMedia({ colorScheme: 'light' });
    await popup.setViewportSize(POPUP_SIZE);
    await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
    await expect(popup.locator('html')).toHaveAttribute('lang', language);
    await expect(popup.getByRole('button', { name: /Alibaba Cloud/ })).toBeVisible();
    const withPopupOpen = withPopup(await page.screenshot({ animations: 'disabled' }), await popup.screenshot({ animations: 'disabled' }));
    expectStoreSize(withPopupOpen, 'popup over the page');
    await popup.close();

    const options = await context.newPage();
    await options.emulateMedia({ colorScheme: 'light' });
    await options.setViewportSize(STORE_SIZE);
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.locator('html')).toHaveAttribute('lang', language);
    await expect(options.getByRole('heading', { level: 1 })).toBeVisible();
    const optionsPage = await options.screenshot({ animations: 'disabled' });
    expectStoreSize(optionsPage, 'options');

    const shots: Array<[string, Buffer]> = [['1-highlights', highlighted], ['2-card', withCard], ['3-popup', withPopupOpen], ['4-options', optionsPage]];
    for (const [name, png] of shots) keep(`store/screenshots/${language}/${name}.png`, png);
  });
}
