import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { PageReport } from '../../src/messaging/protocol';
import { extensionErrors, launchFirefox, observePageMutations, openExtensionPage, pageMutations, sendToTab, tabIdOf, waitUntil, type FirefoxWithExtension } from './harness';

/** The saved real pages, when the shared corpus is there (the project builds and tests without it). */
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/real-pages', import.meta.url));
const pages = existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => name.endsWith('.html')).sort() : [];

/** A saved page without its scripts (inline handlers and srcdoc frames are scripts too): every change to its DOM after parsing would be ours. */
const withoutScripts = (html: string) =>
  html.replace(/<script\b[\s\S]*?<\/script\s*>/gi, '').replace(/\s(?:on[a-z]+|srcdoc)\s*=\s*("[^"]*"|'[^']*')/gi, '');

/** Nothing but the page itself: its scripts, and anything it would load from elsewhere, refused. */
const ONLY_THE_PAGE = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

// Without the corpus the sweep is reported as skipped, not silently gone from the count.
if (pages.length === 0) test.skip(`real pages in Firefox: every saved page scanned, its DOM untouched (no corpus at ${CORPUS})`, () => {});

describe.skipIf(pages.length === 0)(`real pages in Firefox (${CORPUS})`, () => {
  let firefox: FirefoxWithExtension;
  let server: Server;
  let origin: string;
  let extension: Page;

  beforeAll(async () => {
    server = createServer((request, response) => {
      const name = decodeURIComponent(new URL(request.url ?? '/', 'http://127.0.0.1').pathname.slice(1));
      if (!pages.includes(name)) return void response.writeHead(404).end();
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': ONLY_THE_PAGE });
      response.end(withoutScripts(readFileSync(`${CORPUS}/${name}`, 'utf8')));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    firefox = await launchFirefox();
    extension = await openExtensionPage(firefox.browser, 'options.html');
  });
  afterAll(async () => {
    await firefox?.close();
    await new Promise((resolve) => server?.close(resolve));
  });

  test.each(pages)('%s: scanned without an error, the page’s DOM untouched', async (name) => {
    const errorsBefore = extensionErrors(firefox.output).length;
    const page = await firefox.browser.newPage();
    await page.evaluateOnNewDocument(observePageMutations);
    const started = Date.now();
    await page.goto(`${origin}/${name}`, { waitUntil: 'domcontentloaded' });
    const tabId = await tabIdOf(extension, page.url());
    let report: PageReport | undefined;
    // Until the content script is up nobody answers: a "not yet", not a failure.
    await waitUntil(async () => (report = (await sendToTab(extension, tabId, 'getPageReport').catch(() => undefined)) as PageReport | undefined)?.scanning === false, 'the scan finished', 20_000);
    const scanMs = Date.now() - started;
    const { mutations, first } = await pageMutations(page);
    await page.close();
    expect(extensionErrors(firefox.output).slice(errorsBefore)).toEqual([]);
    // A few saved pages change themselves even without scripts: compared with the same page where content
    // scripts do not run (a data: URL), given as long.
    let byThePage = 0;
    if (mutations > 0) {
      const control = await firefox.browser.newPage();
      await control.evaluateOnNewDocument(observePageMutations);
      await control.goto(`data:text/html;base64,${Buffer.from(withoutScripts(readFileSync(`${CORPUS}/${name}`, 'utf8'))).toString('base64')}`, { waitUntil: 'domcontentloaded' });
      await new Promise((resolve) => setTimeout(resolve, scanMs + 1000));
      byThePage = (await pageMutations(control)).mutations;
      await control.close();
    }
    expect(mutations, first).toBeLessThanOrEqual(byThePage);
    const found = report!.entities.reduce((sum, { count }) => sum + count, 0);
    console.log(`${name}: ${found} mentions, scan done ${scanMs} ms after navigation, ${mutations} mutations seen`);
  });
});
