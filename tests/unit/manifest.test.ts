import { existsSync, readFileSync } from 'node:fs';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { PUBLIC_DIR } from '../../src/cli/icons';
import config from '../../wxt.config';

/** The manifest wxt.config.ts asks WXT for, per browser (WXT moves host_permissions into permissions for MV2). */
async function manifestFor(browser: 'chrome' | 'firefox') {
  const manifest = config.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config.ts: manifest is expected to be a function of the browser');
  const env = { browser, manifestVersion: browser === 'firefox' ? 2 : 3, mode: 'production', command: 'build' } as const;
  return await manifest(env as Parameters<typeof manifest>[0]);
}

describe('permissions asked for', () => {
  // The end-to-end privacy tests check the built manifests, in Chromium and in Firefox.
  it.each(['chrome', 'firefox'] as const)('%s: storage, and scripting on the http and https pages only', async (browser) => {
    const manifest = await manifestFor(browser);
    expect(manifest.permissions).toEqual(['storage', 'scripting']);
    expect(manifest.host_permissions).toEqual(['http://*/*', 'https://*/*']);
    expect(manifest.optional_permissions).toBeUndefined();
  });
});

/** Every icon file a manifest declares, with its declared size. */
function declaredIcons(manifest: Awaited<ReturnType<typeof manifestFor>>): Array<{ file: string; size: number; where: string }> {
  const set = (where: string, icons: Record<number, string> | string | undefined) =>
    typeof icons === 'object' ? Object.entries(icons).map(([size, file]) => ({ file, size: Number(size), where })) : [];
  const button = manifest.action ?? manifest.browser_action;
  return [
    ...set('icons', manifest.icons),
    ...set('toolbar', button?.default_icon),
    ...(button?.theme_icons ?? []).flatMap(({ light, dark, size }) => [
      { file: light, size, where: 'theme_icons.light' },
      { file: dark, size, where: 'theme_icons.dark' },
    ]),
  ];
}

describe('icons declared', () => {
  it.each(['chrome', 'firefox'] as const)('%s: the extension and its toolbar button have icons whose files exist at their declared sizes', async (browser) => {
    const manifest = await manifestFor(browser);
    const icons = declaredIcons(manifest);
    expect(Object.keys(manifest.icons ?? {})).toEqual(['16', '32', '48', '96', '128']);
    expect(icons.filter((icon) => icon.where === 'toolbar').map((icon) => icon.size)).toEqual([16, 32]);
    for (const { file, size, where } of icons) {
      const path = `${PUBLIC_DIR}/${file}`;
      expect(existsSync(path), `${where} ${size}: ${file} is not in assets/public (npm run icons)`).toBe(true);
      // The size is in the PNG's header (IHDR): the decoder reads it, and fails on a file that is no PNG.
      const { width, height } = PNG.sync.read(readFileSync(path));
      expect({ file, width, height }).toEqual({ file, width: size, height: size });
    }
  });

  it('the toolbar button is MV3 action in Chrome, browser_action with light and dark theme icons in Firefox', async () => {
    const chrome = await manifestFor('chrome');
    const firefox = await manifestFor('firefox');
    expect(chrome.action?.default_icon).toBeDefined();
    expect(chrome.browser_action).toBeUndefined();
    expect(chrome.action?.theme_icons).toBeUndefined();
    expect(firefox.action).toBeUndefined();
    expect(firefox.browser_action?.theme_icons?.map((icon) => [icon.size, icon.dark, icon.light])).toEqual([
      [16, 'icon/16.png', 'icon/16-light.png'],
      [32, 'icon/32.png', 'icon/32-light.png'],
    ]);
  });
});

describe('minimum versions', () => {
  it('Chrome: 128, the first with caretPositionFromPoint (the code path the tests run); nothing for Firefox there', async () => {
    expect((await manifestFor('chrome')).minimum_chrome_version).toBe('128');
    expect((await manifestFor('firefox')).minimum_chrome_version).toBeUndefined();
  });

  it('Firefox: 140, the first with the CSS Custom Highlight API; nothing for Chrome there', async () => {
    expect((await manifestFor('firefox')).browser_specific_settings?.gecko?.strict_min_version).toBe('140.0');
    expect((await manifestFor('chrome')).browser_specific_settings).toBeUndefined();
  });
});
