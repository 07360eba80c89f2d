import type { BrowserContext, CDPSession, Page } from '@playwright/test';
import { CHROMIUM_ARGS } from '../../src/cli/chromium';
import { EXTENSION_DIR, expect, expectPainted, extensionErrorsIn, launchFreshChromium, pointOfText, test as shared } from './fixtures';

/**
 * Installing, updating and removing Backstory while tabs are open, the way a browser does it: the
 * extension is loaded (and loaded again, which is an update) through the DevTools protocol into a
 * running browser. `runtime.reload()` is no use here: under Playwright the reloaded extension never
 * comes back. Each test gets a browser of its own, with no extension loaded at start.
 */
interface Installer {
  browser: BrowserContext;
  /** Installs the built extension, or updates it when it is installed already; returns its id. */
  install(): Promise<string>;
  uninstall(id: string): Promise<void>;
}

const test = shared.extend<{ installer: Installer }>({
  installer: async ({}, use) => {
    // Loading an extension over the protocol needs extensions enabled, which Playwright turns off by default.
    const browser = await launchFreshChromium([...CHROMIUM_ARGS, '--enable-unsafe-extension-debugging'], ['--disable-extensions']);
    const cdp: CDPSession = await browser.browser()!.newBrowserCDPSession();
    await use({
      browser,
      install: async () => ((await cdp.send('Extensions.loadUnpacked' as never, { path: EXTENSION_DIR } as never)) as { id: string }).id,
      uninstall: async (id) => {
        await cdp.send('Extensions.uninstall' as never, { id } as never);
      },
    });
    await browser.close();
  },
});

/** What Backstory has put into the page, read from the page's own world. */
function traces(page: Page) {
  return page.evaluate(() => ({
    mentions: CSS.highlights.get('backstory-mention')?.size ?? 0,
    sheets: document.adoptedStyleSheets.length,
    hosts: document.querySelectorAll('backstory-ui').length,
  }));
}

/**
 * Opens the demo page, installs Backstory with it open, and hovers "Aliyun" until its card shows.
 * Returns the page, the extension's id, the errors it raises in the page as they come, and where Aliyun is.
 */
async function installOverOpenPage(installer: Installer, origin: string) {
  const page = await installer.browser.newPage();
  await page.goto(`${origin}/cloud-rivals.html`);
  expect(await traces(page)).toEqual({ mentions: 0, sheets: 0, hosts: 0 });
  const id = await installer.install();
  const errors = extensionErrorsIn(page, id);
  await expectPainted(page, (texts) => texts.includes('Aliyun') && texts.includes('Huawei'), 'the open tab painted after install');
  const aliyun = await pointOfText(page, 'Aliyun');
  await page.mouse.move(aliyun.x, aliyun.y);
  await expect(page.getByRole('dialog', { name: 'Alibaba Cloud' })).toBeVisible();
  return { page, id, errors, aliyun };
}

test('installing Backstory paints the tabs that were already open', async ({ installer, origin }) => {
  const { errors } = await installOverOpenPage(installer, origin);
  expect(errors).toEqual([]);
});

test('an update takes over open tabs: the old script removes its highlights and card, the new one paints once', async ({ installer, origin }) => {
  const { page, id, errors, aliyun } = await installOverOpenPage(installer, origin);
  const before = await traces(page);
  // The old version's highlight, kept by the page so that we can tell the new one from it.
  await page.evaluate(() => ((window as unknown as { oldHighlight: unknown }).oldHighlight = CSS.highlights.get('backstory-mention')));
  await page.mouse.move(1, 1);

  expect(await installer.install()).toBe(id);

  // The new script paints with a highlight of its own; the old one's card host and stylesheet are gone.
  await expect
    .poll(() => page.evaluate(() => {
      const current = CSS.highlights.get('backstory-mention');
      return current !== undefined && current !== (window as unknown as { oldHighlight: unknown }).oldHighlight;
    }), { message: 'a new script paints', timeout: 10_000 })
    .toBe(true);
  await expect.poll(() => traces(page), { timeout: 10_000 }).toEqual({ mentions: before.mentions, sheets: 1, hosts: 0 });
  await page.mouse.move(aliyun.x, aliyun.y);
  await expect(page.getByRole('dialog', { name: 'Alibaba Cloud' })).toBeVisible();
  expect((await traces(page)).hosts).toBe(1);
  expect(errors).toEqual([]);
});

test('removing Backstory: the orphaned script removes everything it added and the page keeps working', async ({ installer, origin }) => {
  const { page, id, errors } = await installOverOpenPage(installer, origin);

  await installer.uninstall(id);

  // Nothing tells the old script; it notices within a few seconds that its extension is gone.
  await expect.poll(() => traces(page), { timeout: 10_000 }).toEqual({ mentions: 0, sheets: 0, hosts: 0 });
  expect(await page.evaluate(() => CSS.highlights.has('backstory-active'))).toBe(false);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cloud rivals regroup as trade tensions bite');
  expect(errors).toEqual([]);
});
