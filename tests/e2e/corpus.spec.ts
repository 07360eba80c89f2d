import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect, extensionErrorsIn, pageReportOf, test } from './fixtures';

/** The saved real pages, when the shared corpus is there (the project builds and tests without it). */
const CORPUS = fileURLToPath(new URL('../../../shared/corpus/real-pages', import.meta.url));
const pages = existsSync(CORPUS) ? readdirSync(CORPUS).filter((name) => name.endsWith('.html')).sort() : [];

// Without the corpus the sweep is reported as skipped, not silently gone from the count.
if (pages.length === 0) test.skip(`real pages: every saved page scanned, its DOM untouched (no corpus at ${CORPUS})`, () => {});

test.describe('real pages', () => {
  test.describe.configure({ mode: 'parallel' });

  for (const name of pages) {
    test(`${name}: scanned without an error, the page's DOM untouched`, async ({ page, context, serviceWorker, extensionId }) => {
      const extensionErrors = extensionErrorsIn(page, extensionId);
      // Serve the saved page from a loopback origin, without its own scripts (so that every change to
      // its DOM after parsing would be ours); everything else it asks for is refused.
      const url = `http://127.0.0.1:9/${name}`;
      const html = readFileSync(`${CORPUS}/${name}`, 'utf8')
        .replace(/<script\b[\s\S]*?<\/script\s*>/gi, '')
        // Inline handlers and srcdoc frames are scripts too (refused images fire onerror handlers; an
        // anti-adblock frame on aktualne.html rewrites its parent).
        .replace(/\s(?:on[a-z]+|srcdoc)\s*=\s*("[^"]*"|'[^']*')/gi, '');
      await page.route('**/*', (route) =>
        route.request().url() === url ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html }) : route.abort(),
      );
      // The page's own observer, installed before the content script runs (at document_idle).
      const observe = () => {
        const seen = { mutations: 0, first: '' };
        (window as unknown as { __seen: typeof seen }).__seen = seen;
        const observer = new MutationObserver((records) => {
          seen.mutations += records.length;
          const record = records[0]!;
          seen.first ||= `${record.type} on ${record.target.nodeName} ${record.attributeName ?? ''} +${[...record.addedNodes].map((n) => (n as Element).outerHTML?.slice(0, 200) ?? n.nodeName)} -${[...record.removedNodes].map((n) => n.nodeName)}`;
        });
        document.addEventListener('DOMContentLoaded', () =>
          observer.observe(document, { subtree: true, childList: true, characterData: true, attributes: true }),
        );
      };
      await page.addInitScript(observe);
      const started = Date.now();
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      await page.bringToFront();
      const tabId = await serviceWorker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
      let report: { entities: Array<{ entityId: string; count: number }>; scanning: boolean } | undefined;
      await expect(async () => {
        report = await pageReportOf(serviceWorker, tabId);
        expect(report?.scanning).toBe(false);
      }).toPass({ timeout: 15_000, intervals: [100, 250, 500] });
      const scanMs = Date.now() - started;
      const mentions = report!.entities.reduce((sum, { count }) => sum + count, 0);
      const { mutations, first } = await page.evaluate(() => (window as unknown as { __seen: { mutations: number; first: string } }).__seen);
      console.log(`${name}: ${mentions} mentions, scan done ${scanMs} ms after navigation, ${mutations} mutations seen`);
      expect(extensionErrors).toEqual([]);
      // We add our host only when a card opens, and none does here: the page must see no change from us.
      // A few saved pages change themselves even without scripts; those are compared with the same page
      // shown where content scripts do not run (a data: URL).
      let byThePage = 0;
      if (mutations > 0) {
        const control = await context.newPage();
        await control.route(/^https?:/, (route) => route.abort());
        await control.addInitScript(observe);
        await control.goto(`data:text/html;base64,${Buffer.from(html).toString('base64')}`, { waitUntil: 'domcontentloaded' });
        await control.waitForTimeout(scanMs + 1000);
        byThePage = await control.evaluate(() => (window as unknown as { __seen: { mutations: number } }).__seen.mutations);
        await control.close();
      }
      expect(mutations, first).toBeLessThanOrEqual(byThePage);
      expect(await page.locator('backstory-ui').count()).toBe(0);
    });
  }
});
