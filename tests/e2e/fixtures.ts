import { test as base, chromium, expect, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extensionArgs, findChromium } from '../../src/cli/chromium';
import { demoPages } from '../../src/cli/demo-pages';
import type { PageReport } from '../../src/messaging/protocol';
import { serveStatic } from '../../src/cli/static-server';
import { MENTION_HIGHLIGHT_NAMES, paintedTextsInPage } from '../page-probes';

export { pointOfText } from '../../src/cli/page-points';

export const EXTENSION_DIR = process.env.BACKSTORY_EXTENSION_DIR ?? fileURLToPath(new URL('../../.output/chrome-mv3', import.meta.url));
const PAGES_DIR = fileURLToPath(new URL('./pages', import.meta.url));

interface WorkerFixtures {
  origin: string;
  extensionContext: BrowserContext;
  extensionId: string;
}

interface TestFixtures {
  /** The extension's live service worker (a test may reload the extension, which starts a new one). */
  serviceWorker: Worker;
  context: BrowserContext;
  page: Page;
}

export interface LaunchOptions {
  /** A browser without the CSS Custom Highlight API, where Backstory falls back to wrapping mentions (see below). */
  withoutHighlightApi?: boolean;
  /** A browser whose extension world gets no idle callback once mentions are painted (see below). */
  noIdleAfterPaint?: boolean;
  /** The extension without its card script, which the background then fails to run (see below). */
  withoutCardScript?: boolean;
}

/** Deletes the Custom Highlight API from the JavaScript world it runs in (a test harness file, not Backstory's). */
const REMOVE_HIGHLIGHT_API = `delete CSS.highlights;
delete globalThis.Highlight;
delete globalThis.HighlightRegistry;
`;

/**
 * A copy of the built extension in a browser without the Custom Highlight API.
 * Chromium has no switch for that API any more (`--disable-blink-features=HighlightAPI`
 * changes nothing in Chromium 156, whose binary names no such feature), so the copy
 * gets one more content script, first at `document_start`, that deletes `CSS.highlights`
 * and `Highlight` in the page's world and in the extension's own isolated world (which
 * Backstory's script shares). Backstory's built files are used unchanged.
 */
function extensionWithoutHighlightApi(): string {
  return extensionWithFirstScript('remove-highlight-api', REMOVE_HIGHLIGHT_API, ['ISOLATED', 'MAIN']);
}

/** Idle callbacks asked for once the page has painted mentions never come (the scan before that gets its own). */
const NO_IDLE_AFTER_PAINT = `const requestIdle = globalThis.requestIdleCallback;
globalThis.requestIdleCallback = (callback, options) => (CSS.highlights.get('backstory-mention')?.size ? 1 : requestIdle(callback, options));
`;

/**
 * A copy of the built extension whose isolated world gets no idle callback after the first
 * paint with a mention, so the card's script is not loaded in idle time: only when the
 * keyboard command or the popup needs a card (card-loading.spec.ts).
 */
function extensionWithoutIdleAfterPaint(): string {
  return extensionWithFirstScript('no-idle-after-paint', NO_IDLE_AFTER_PAINT, ['ISOLATED']);
}

/** A copy of the built extension whose card script is missing: every attempt to run it fails (card-loading.spec.ts). */
function extensionWithoutCardScript(): string {
  const dir = mkdtempSync(join(tmpdir(), 'backstory-no-card-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  rmSync(join(dir, 'card.js'));
  return dir;
}

/** A copy of the built extension with one more content script, `code`, first at `document_start` in each of `worlds`. */
function extensionWithFirstScript(name: string, code: string, worlds: Array<'ISOLATED' | 'MAIN'>): string {
  const dir = mkdtempSync(join(tmpdir(), `backstory-${name}-`));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as { content_scripts: Array<Record<string, unknown>> };
  // One file per world: a file listed in both entries ran in one world only.
  for (const world of worlds) {
    const file = `${name}.${world.toLowerCase()}.js`;
    writeFileSync(join(dir, file), code);
    manifest.content_scripts.unshift({ matches: ['http://*/*', 'https://*/*'], all_frames: true, match_about_blank: true, run_at: 'document_start', world, js: [file] });
  }
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify(manifest));
  return dir;
}

/** A fresh headless Chromium profile with these flags (and without these of Playwright's defaults). */
export async function launchFreshChromium(args: string[], ignoreDefaultArgs: string[] = []): Promise<BrowserContext> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error('No Chromium: run the tests through `npm test`, which installs one');
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'backstory-e2e-')), {
    executablePath,
    headless: true,
    args,
    ignoreDefaultArgs,
    viewport: { width: 1200, height: 900 },
  });
}

/** A fresh Chromium profile with the built extension loaded. */
export function launchWithExtension(options: LaunchOptions = {}): Promise<BrowserContext> {
  const dir = options.withoutHighlightApi
    ? extensionWithoutHighlightApi()
    : options.noIdleAfterPaint
      ? extensionWithoutIdleAfterPaint()
      : options.withoutCardScript
        ? extensionWithoutCardScript()
        : EXTENSION_DIR;
  return launchFreshChromium(extensionArgs(dir));
}

/** The `extensionContext` fixture: a browser for the worker, closed after its last test. */
export async function browserWithExtension({}, use: (context: BrowserContext) => Promise<void>): Promise<void> {
  const context = await launchWithExtension();
  await use(context);
  await context.close();
}

/** The same fixture with a browser that lacks the Custom Highlight API (the fallback's tests). */
export async function browserWithoutHighlightApi({}, use: (context: BrowserContext) => Promise<void>): Promise<void> {
  const context = await launchWithExtension({ withoutHighlightApi: true });
  await use(context);
  await context.close();
}

/** The same fixture with a browser launched with `options` (card-loading.spec.ts). */
export function browserWith(options: LaunchOptions) {
  return async ({}, use: (context: BrowserContext) => Promise<void>): Promise<void> => {
    const context = await launchWithExtension(options);
    await use(context);
    await context.close();
  };
}

/**
 * One Chromium with the built extension per worker (starting one takes a second);
 * each test starts from default settings and fresh tabs.
 */
export const test = base.extend<TestFixtures, WorkerFixtures>({
  origin: [
    async ({}, use) => {
      const server = await serveStatic(PAGES_DIR, demoPages());
      await use(server.origin);
      await server.close();
    },
    { scope: 'worker' },
  ],
  extensionContext: [browserWithExtension, { scope: 'worker' }],
  extensionId: [
    async ({ extensionContext }, use) => {
      const worker = extensionContext.serviceWorkers()[0] ?? (await extensionContext.waitForEvent('serviceworker'));
      await use(new URL(worker.url()).host);
    },
    { scope: 'worker' },
  ],
  serviceWorker: async ({ extensionContext, extensionId }, use) => {
    const live = () => extensionContext.serviceWorkers().filter((worker) => worker.url().includes(extensionId)).at(-1);
    let worker = live();
    if (!worker) {
      // An idle MV3 worker is stopped after 30 s and starts again only for an event it listens to:
      // a storage change (the background watches settings) wakes it.
      const started = extensionContext.waitForEvent('serviceworker');
      const waker = await extensionContext.newPage();
      await waker.goto(`chrome-extension://${extensionId}/options.html`);
      await waker.evaluate(() => chrome.storage.local.set({ wake: Date.now() }));
      worker = live() ?? (await started);
      await waker.evaluate(() => chrome.storage.local.remove('wake'));
      await waker.close();
    }
    await use(worker);
  },
  context: async ({ extensionContext, serviceWorker }, use) => {
    await serviceWorker.evaluate(() => chrome.storage.local.clear());
    await use(extensionContext);
    for (const page of extensionContext.pages()) await page.close();
  },
  page: async ({ context }, use) => {
    await use(await context.newPage());
  },
});

export { expect };

/** Asks a tab's top-frame content script for its page report, the way the popup does. */
export async function pageReportOf(serviceWorker: Worker, tabId: number): Promise<PageReport> {
  const report = await serviceWorker.evaluate(
    (id) => chrome.tabs.sendMessage(id, { backstory: 1, type: 'getPageReport', payload: {} }, { frameId: 0 }),
    tabId,
  );
  return report as PageReport;
}

/** Collects, as they come, the errors our extension's code raises in a page (the page's own are not ours). */
export function extensionErrorsIn(page: Page, extensionId: string): string[] {
  const ours = `chrome-extension://${extensionId}/`;
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && message.location().url.startsWith(ours)) errors.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (String(error.stack).includes(ours)) errors.push(String(error));
  });
  return errors;
}

/**
 * Arms timers in the page that the next pointer move starts, each noting whether a card is open when it fires
 * (delays in increasing order); returns a reader of what they saw, to await once the move is made. Armed before
 * the move, so the move cannot come first; started by the page's own event, so a busy machine delays them and the
 * extension's dwell timer alike, and they fire first.
 */
export async function cardOpenAfterPointerMove(page: Page, delaysMs: number[]): Promise<() => Promise<Record<string, boolean>>> {
  await page.evaluate((delays) => {
    const global = window as unknown as { __cardOpenAfterMove: Promise<Record<string, boolean>> };
    global.__cardOpenAfterMove = new Promise((resolve) => {
      const open = () => document.querySelector('backstory-ui')?.shadowRoot?.querySelector('[role="dialog"]') != null;
      addEventListener('pointermove', () => {
        const seen: Record<string, boolean> = {};
        delays.forEach((delay, index) =>
          setTimeout(() => {
            seen[`${delay} ms`] = open();
            if (index === delays.length - 1) resolve(seen);
          }, delay),
        );
      }, { once: true, capture: true });
    });
  }, delaysMs);
  return () => page.evaluate(() => (window as unknown as { __cardOpenAfterMove: Promise<Record<string, boolean>> }).__cardOpenAfterMove);
}

/** Texts of the ranges painted as mentions in the page (read from the page's own world). */
export function paintedTexts(page: Page): Promise<string[]> {
  return page.evaluate(paintedTextsInPage, MENTION_HIGHLIGHT_NAMES);
}

/** Waits until what `read` finds (named `what` in the failure) satisfies `check`; returns it. */
export async function expectFound(
  read: () => Promise<string[]>,
  what: string,
  check: (found: string[]) => boolean,
  message: string,
): Promise<string[]> {
  let last: string[] = [];
  await expect(async () => {
    last = await read();
    expect(check(last), `${message}; ${what}: ${JSON.stringify(last)}`).toBe(true);
  }).toPass({ timeout: 10_000, intervals: [50, 100, 250] });
  return last;
}

/** Waits until the page's painted mentions satisfy `check`; returns them. */
export function expectPainted(page: Page, check: (texts: string[]) => boolean, message: string): Promise<string[]> {
  return expectFound(() => paintedTexts(page), 'painted', check, message);
}

/** The id of the tab showing `url` (how the popup is pointed at a real tab in tests). */
export async function tabIdOf(serviceWorker: Worker, url: string): Promise<number> {
  const id = await serviceWorker.evaluate(async (wanted) => {
    // Without the "tabs" permission tab URLs are hidden, but the active tab is ours.
    const tabs = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tabs[0]?.id ?? (await chrome.tabs.query({})).find((tab) => tab.url === wanted)?.id;
  }, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/**
 * Opens the popup as a page of its own, pointed at the tab showing `page` (`?tab=ID`):
 * a popup opened from the toolbar would report on the active tab, which in a test is
 * whichever page Playwright opened last.
 */
export async function openPopupFor(page: Page, context: BrowserContext, extensionId: string, serviceWorker: Worker): Promise<Page> {
  await page.bringToFront();
  const tabId = await tabIdOf(serviceWorker, page.url());
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}
