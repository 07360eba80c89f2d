/**
 * npm run demo: builds the extension, serves the demo news pages on 127.0.0.1 and
 * opens them in Chromium with Backstory loaded. Without a display it runs headless
 * and writes screenshots (a highlighted page, an open hover card, the popup) to
 * demo-output/ (or --out DIR).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Page } from '@playwright/test';
import { pointOfText } from './page-points';
import { ensureChromium, extensionArgs } from './chromium';
import { DEMO_DIR, demoPages } from './demo-pages';
import { serveStatic } from './static-server';

const { values } = parseArgs({ options: { out: { type: 'string', default: 'demo-output' }, headless: { type: 'boolean', default: false } } });
const headless = values.headless || !process.env.DISPLAY;
const extensionDir = resolve('.output/chrome-mv3');

console.log('Building the extension…');
execFileSync('npx', ['wxt', 'build'], { stdio: 'inherit' });
const executablePath = ensureChromium();
const server = await serveStatic(DEMO_DIR, demoPages());
console.log(`Demo pages: ${server.origin}/cloud-rivals.html (English) and ${server.origin}/article.html (the article, in French)`);

const context = await chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'backstory-demo-')), {
  executablePath,
  headless,
  args: extensionArgs(extensionDir),
  viewport: { width: 1100, height: 800 },
});
const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
const extensionId = new URL(worker.url()).host;
const page = context.pages()[0] ?? (await context.newPage());
await page.goto(`${server.origin}/cloud-rivals.html`);

/** Waits until Backstory has painted its mentions (the highlight registry is visible from the page). */
async function waitForHighlights(target: Page): Promise<number> {
  await target.waitForFunction(() => (CSS.highlights.get('backstory-mention')?.size ?? 0) > 0, undefined, { timeout: 15_000 });
  return target.evaluate(() => CSS.highlights.get('backstory-mention')!.size);
}

if (!headless) {
  await context.newPage().then((article) => article.goto(`${server.origin}/article.html`));
  await page.bringToFront();
  console.log('Chromium is open with Backstory loaded: hover a highlighted company, or click the toolbar icon. Close the browser to end the demo.');
  await new Promise<void>((done) => context.on('close', () => done()));
} else {
  const out = resolve(values.out!);
  mkdirSync(out, { recursive: true });
  const count = await waitForHighlights(page);
  await page.screenshot({ path: join(out, '1-highlighted-page.png') });

  // Hover the first "Aliyun" and wait for its card.
  const point = await pointOfText(page, 'Aliyun');
  await page.mouse.move(point.x, point.y);
  await page.getByRole('dialog', { name: 'Alibaba Cloud' }).waitFor({ state: 'visible' });
  await page.waitForTimeout(400); // let the card's fade-in finish
  await page.screenshot({ path: join(out, '2-hover-card.png') });

  // The popup, pointed at the demo tab (a headless browser has no toolbar to click).
  const tabId = await worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id);
  const popup = await context.newPage();
  await popup.setViewportSize({ width: 400, height: 760 });
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  await popup.getByRole('button', { name: /Alibaba Cloud/ }).waitFor();
  await popup.screenshot({ path: join(out, '3-popup.png'), fullPage: true });

  console.log(`Backstory highlighted ${count} mentions. Screenshots written to ${out}/:`);
  console.log('  1-highlighted-page.png  2-hover-card.png  3-popup.png');
}
await context.close().catch(() => {});
await server.close();
