/**
 * Firefox with the built extension, driven through WebDriver BiDi (puppeteer-core):
 * Playwright cannot load an extension into Firefox. The add-on is installed as a temporary
 * one, as `about:debugging` does, with a fixed UUID so its pages have a known address.
 */
import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoPages } from '../../src/cli/demo-pages';
import { ensureFirefox } from '../../src/cli/firefox';
import { serveStatic, type StaticServer } from '../../src/cli/static-server';
import { boxOfTextInPage } from '../../src/cli/page-points';
import { UI_HOST_TAG } from '../../src/page/text-runs';
import { MENTION_HIGHLIGHT_NAMES, paintedTextsInPage } from '../page-probes';

export const FIREFOX_EXTENSION_DIR =
  process.env.BACKSTORY_FIREFOX_EXTENSION_DIR ?? fileURLToPath(new URL('../../.output/firefox-mv2', import.meta.url));
/** The gecko id of the Firefox build (wxt.config.ts). */
export const GECKO_ID = 'backstory@backstory.example';
/** Pinned with `extensions.webextensions.uuids`, so the tests know the address of the extension's pages. */
export const EXTENSION_UUID = '6f2b8c1e-4d3a-4b7e-9c5f-0a1b2c3d4e5f';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;
/** `page.setViewport` is not supported by Firefox 140's BiDi: the window's own size instead. */
export const WINDOW = { width: 1200, height: 900 };

export interface FirefoxWithExtension {
  browser: Browser;
  /** Lines Firefox wrote to its output (console messages of pages and content scripts among them). */
  output: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Install the extension at start (default); the lifecycle test installs it itself. */
  install?: boolean;
  prefs?: Record<string, unknown>;
}

export async function launchFirefox(options: LaunchOptions = {}): Promise<FirefoxWithExtension> {
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: ensureFirefox(),
    headless: true,
    defaultViewport: null,
    userDataDir: mkdtempSync(join(tmpdir(), 'backstory-firefox-')),
    args: [`--width=${WINDOW.width}`, `--height=${WINDOW.height}`],
    dumpio: false,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // Content scripts' console messages and errors reach Firefox's output, where the tests read them.
      'devtools.console.stdout.content': true,
      // Fewer of Firefox's own requests (privacy.test.ts lists those left): captive-portal probes, favicons.
      'network.captive-portal-service.enabled': false,
      'browser.chrome.site_icons': false,
      ...options.prefs,
    },
  });
  const output: string[] = [];
  const process = browser.process();
  for (const stream of [process?.stdout, process?.stderr]) {
    stream?.setEncoding('utf8');
    stream?.on('data', (chunk: string) => output.push(...chunk.split('\n').filter(Boolean)));
  }
  if (options.install !== false) await browser.installExtension(FIREFOX_EXTENSION_DIR);
  return { browser, output, close: () => browser.close() };
}


/**
 * Opens an extension page (popup, options) in a tab of its own. Firefox 140's BiDi never
 * reports a navigation to a moz-extension page as done, though the page loads (`page.goto`
 * times out): the navigation is started, and the page itself tells when it has loaded.
 */
export async function openExtensionPage(browser: Browser, path: string): Promise<Page> {
  const page = await browser.newPage();
  const url = `${EXTENSION_ORIGIN}/${path}`;
  void page.goto(url).catch(() => {});
  await waitUntil(async () => {
    const state = await page.evaluate(() => [location.href, document.readyState]).catch(() => []);
    return state[0] === url && state[1] === 'complete';
  }, `${path} loaded`);
  return page;
}

/** Polls `check` (every 50 to 250 ms) until it holds; fails after `timeoutMs` naming `what` (read at the end). */
export async function waitUntil(check: () => Promise<boolean> | boolean, what: string | (() => string), timeoutMs = 10_000): Promise<void> {
  const start = Date.now();
  for (let wait = 50; ; wait = Math.min(wait * 2, 250)) {
    if (await check()) return;
    if (Date.now() - start > timeoutMs) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${typeof what === 'string' ? what : what()}`);
    await new Promise((resolve) => setTimeout(resolve, wait));
  }
}

/** The id of the tab showing `url`, asked from an extension page (host access shows a tab's address). */
export async function tabIdOf(extensionPage: Page, url: string): Promise<number> {
  // Not `query({ url })`: a match pattern has no port.
  const id = await extensionPage.evaluate(async (wanted) => (await browser.tabs.query({})).find((tab) => tab.url === wanted)?.id, url);
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Sends a message of Backstory's protocol to a tab's top frame, as the popup and the background do. */
export function sendToTab(extensionPage: Page, tabId: number, type: string, payload: object = {}): Promise<unknown> {
  return extensionPage.evaluate(
    (id, message) => browser.tabs.sendMessage(id, message, { frameId: 0 }),
    tabId,
    { backstory: 1, type, payload },
  );
}

/** Texts painted as mentions in a page (or frame), read from its own world. */
export function paintedTexts(page: Page | Frame): Promise<string[]> {
  return page.evaluate(paintedTextsInPage, MENTION_HIGHLIGHT_NAMES);
}

/** Waits until the painted mentions satisfy `check`; returns them. */
export async function expectPainted(page: Page | Frame, check: (texts: string[]) => boolean, what: string): Promise<string[]> {
  let texts: string[] = [];
  await waitUntil(async () => check((texts = await paintedTexts(page))), () => `${what} (painted: ${JSON.stringify(texts)})`);
  return texts;
}

/** The centre of an occurrence of `text`, scrolled into view: where to hover a mention. */
export async function pointOfText(page: Page | Frame, text: string, occurrence = 0): Promise<{ x: number; y: number }> {
  const box = await page.evaluate(boxOfTextInPage, [text, occurrence] as const);
  if (!box) throw new Error(`"${text}" is not on the page`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** What the open card shows: its accessible name (the heading it is labelled by) and its box; null when none is open. */
export interface CardState {
  name: string;
  box: { left: number; top: number; right: number; bottom: number };
  focused: boolean;
}

export function cardIn(page: Page | Frame): Promise<CardState | null> {
  return page.evaluate((hostTag) => {
    const dialog = document.querySelector(hostTag)?.shadowRoot?.querySelector<HTMLElement>('[role="dialog"]');
    if (!dialog || !dialog.isConnected) return null;
    const box = dialog.getBoundingClientRect();
    if (box.width === 0 || getComputedStyle(dialog).visibility === 'hidden') return null;
    const name = (dialog.getAttribute('aria-labelledby') ?? '')
      .split(' ')
      .map((id) => dialog.getRootNode() instanceof ShadowRoot ? (dialog.getRootNode() as ShadowRoot).getElementById(id)?.textContent ?? '' : '')
      .join(' ')
      .trim();
    const focused = document.activeElement?.localName === hostTag && dialog.contains(dialog.getRootNode() instanceof ShadowRoot ? (dialog.getRootNode() as ShadowRoot).activeElement : null);
    return { name, box: { left: box.left, top: box.top, right: box.right, bottom: box.bottom }, focused };
  }, UI_HOST_TAG);
}

/** Waits for the card named `name` to be open; returns it. */
export async function expectCard(page: Page | Frame, name: string): Promise<CardState> {
  let card: CardState | null = null;
  await waitUntil(async () => (card = await cardIn(page))?.name === name, () => `the card of ${name} (open: ${JSON.stringify(card)})`);
  return card!;
}

/**
 * Errors of Backstory's own code: Firefox writes content scripts' errors and console
 * messages to its output (devtools.console.stdout.content), naming the script's
 * moz-extension address.
 */
export function extensionErrors(output: string[]): string[] {
  return output.filter((line) => line.includes(EXTENSION_UUID) && /error|exception/i.test(line));
}

/** What a test file shares: its Firefox, and the origin serving the test pages. Set once its first test starts. */
export interface FirefoxSession {
  firefox: FirefoxWithExtension;
  origin: string;
}

/**
 * One Firefox per test file, with the end-to-end test pages (tests/e2e/pages, the demo's, and
 * `pages` by path) served on 127.0.0.1; started before the file's first test, closed after its
 * last; after each test, no error of the extension's may have reached Firefox's output.
 */
export function firefoxSession(options: { pages?: Record<string, string>; launch?: (origin: string) => Promise<LaunchOptions> } = {}): FirefoxSession {
  const session = {} as FirefoxSession;
  let server: StaticServer | undefined;
  beforeAll(async () => {
    server = await serveStatic(fileURLToPath(new URL('../e2e/pages', import.meta.url)), { ...demoPages(), ...options.pages });
    session.origin = server.origin;
    session.firefox = await launchFirefox(await options.launch?.(server.origin));
  });
  afterEach(() => {
    expect(extensionErrors(session.firefox.output)).toEqual([]);
  });
  afterAll(async () => {
    await session.firefox?.close();
    await server?.close();
  });
  return session;
}

/** Runs in a page from its start: counts every change made to its DOM once its HTML is parsed (read with `pageMutations`). */
export function observePageMutations(): void {
  const seen = { mutations: 0, first: '' };
  (window as unknown as { __seen: typeof seen }).__seen = seen;
  document.addEventListener('DOMContentLoaded', () =>
    new MutationObserver((records) => {
      seen.mutations += records.length;
      seen.first ||= `${records[0]!.type} on ${records[0]!.target.nodeName}`;
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true }),
  );
}

export function pageMutations(page: Page): Promise<{ mutations: number; first: string }> {
  return page.evaluate(() => (window as unknown as { __seen: { mutations: number; first: string } }).__seen);
}
