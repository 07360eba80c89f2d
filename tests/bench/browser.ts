import { chromium, type Browser, type BrowserContext } from '@playwright/test';
import { CHROMIUM_ARGS, ensureChromium } from '../../src/cli/chromium';

export const CHROMIUM = ensureChromium();

/** The project's flags for this network-less machine, plus `gc()` for quieter timings. */
const ARGS = [...CHROMIUM_ARGS, '--js-flags=--expose-gc'];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

/** A fresh profile, with the extension in `extensionDir` loaded when given. */
export function launchWithExtension(extensionDir: string | undefined): Promise<BrowserContext> {
  const extension = extensionDir ? [`--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`] : [];
  return chromium.launchPersistentContext('', { executablePath: CHROMIUM, headless: true, args: [...extension, ...ARGS] });
}

/** The bench must never reach past this machine: every request elsewhere is aborted. */
export async function keepLocal(context: BrowserContext): Promise<void> {
  await context.route(
    (url) => url.hostname !== '127.0.0.1' && (url.protocol === 'http:' || url.protocol === 'https:' || url.protocol === 'ws:' || url.protocol === 'wss:'),
    (route) => route.abort(),
  );
}
