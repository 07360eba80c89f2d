/**
 * `npx tsx tests/bench/style-switch.ts`: what a change of highlight style costs the page, in
 * Chromium and in Firefox, by the two ways it can be made. On the generated 5 MB news page,
 * 1,000 of its company names in a highlight, a stylesheet adopted before the page had content:
 * - rules replaced: the sheet's `::highlight()` rule rewritten (`replaceSync`), as Backstory did;
 * - highlight moved: every style's rule in the sheet from the start, the highlight moved to the
 *   other style's name in `CSS.highlights`, as Backstory does now.
 * Each is timed from the change to the next frame after it (two animation frames), five times
 * in turn, beside the same two frames with no change (the floor); the figures are the median and
 * the worst. No extension: the engines' own cost.
 */
import { chromium } from '@playwright/test';
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, ensureChromium } from '../../src/cli/chromium';
import { ensureFirefox } from '../../src/cli/firefox';
import { serveStatic } from '../../src/cli/static-server';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';
import { newsPage } from './news-page';

const RUNS = 5;
const RULES = {
  a: '::highlight(bench-a) { background-color: rgb(217 119 6 / 0.22); }',
  b: '::highlight(bench-b) { background-color: rgb(250 204 21 / 0.35); }',
};

/** Before the page has content: the sheet adopted with both rules (see the Highlighter). */
const ADOPT_AT_START = `(() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(${JSON.stringify(`${RULES.a}\n${RULES.b}`)});
  document.adoptedStyleSheets = [sheet];
  globalThis.__benchSheet = sheet;
})();`;

/**
 * In the page: registers the highlight, then times each way of changing its style. A string, not a
 * function: tsx names inner functions with a helper the page does not have.
 */
const MEASURE_IN_PAGE = `(async () => {
  const runs = ${RUNS};
  const rules = ${JSON.stringify(RULES)};
  const sheet = globalThis.__benchSheet;
  const ranges = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node && ranges.length < 1000; node = walker.nextNode()) {
    for (let at = node.data.indexOf('Alibaba'); at !== -1 && ranges.length < 1000; at = node.data.indexOf('Alibaba', at + 1)) {
      ranges.push(new StaticRange({ startContainer: node, startOffset: at, endContainer: node, endOffset: at + 7 }));
    }
  }
  const highlight = new Highlight(...ranges);
  CSS.highlights.set('bench-a', highlight);
  const nextFrame = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
  const timed = async (change) => {
    for (let i = 0; i < 10; i++) await nextFrame();
    const start = performance.now();
    change();
    await nextFrame();
    return performance.now() - start;
  };
  const replaced = [], moved = [], nothing = [];
  const other = rules.a.replace('217 119 6 / 0.22', '250 204 21 / 0.35');
  for (let run = 0; run < runs; run++) {
    const flip = run % 2 === 1;
    // Replaced: the one name, its rule rewritten to the other look.
    replaced.push(await timed(() => sheet.replaceSync((flip ? rules.a : other) + '\\n' + rules.b)));
    // Moved: the same rules, the highlight under the other name.
    moved.push(await timed(() => {
      CSS.highlights.delete(flip ? 'bench-b' : 'bench-a');
      CSS.highlights.set(flip ? 'bench-a' : 'bench-b', highlight);
    }));
    // The floor: two frames with no change at all.
    nothing.push(await timed(() => {}));
  }
  return { ranges: ranges.length, replaced, moved, nothing };
})()`;

interface Timings {
  ranges: number;
  replaced: number[];
  moved: number[];
  nothing: number[];
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
const figures = (values: number[]) => `median ${median(values).toFixed(1)} ms, worst ${Math.max(...values).toFixed(1)} ms`;
const report = (browser: string, { ranges, replaced, moved, nothing }: Timings) =>
  console.log(`${browser.padEnd(9)} ${ranges} ranges · rules replaced: ${figures(replaced)} · highlight moved: ${figures(moved)} · no change (the floor): ${figures(nothing)}`);

const server = await serveStatic('/nonexistent', { '/news.html': newsPage(knowledgeBase) });
const url = `${server.origin}/news.html`;
try {
  const chrome = await chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
  const page = await chrome.newPage({ viewport: { width: 1200, height: 900 } });
  await page.addInitScript(ADOPT_AT_START);
  await page.goto(url, { waitUntil: 'load' });
  report('Chromium', (await page.evaluate(MEASURE_IN_PAGE)) as Timings);
  await chrome.close();

  const firefox = await puppeteer.launch({ browser: 'firefox', executablePath: ensureFirefox(), headless: true, defaultViewport: null, args: ['--width=1200', '--height=900'] });
  const tab = await firefox.newPage();
  await tab.evaluateOnNewDocument(ADOPT_AT_START);
  await tab.goto(url, { waitUntil: 'load', timeout: 120_000 });
  report('Firefox', (await tab.evaluate(MEASURE_IN_PAGE)) as Timings);
  await firefox.close();
} finally {
  await server.close();
}
