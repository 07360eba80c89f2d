import { describe, expect, it } from 'vitest';
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
