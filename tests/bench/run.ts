/**
 * `npm run bench [-- --json FILE] [--runs N] [--only SUBSTRING] [--profile]`
 *
 * Issue 4's benchmark, in Chromium: Backstory's scan against a bare TreeWalker and
 * against mark.js on the saved real pages, the same scan with 10,000 more aliases,
 * matcher build times, the longest task the built extension adds on a generated 5 MB
 * page, and the gzipped sizes of the content script and of the card's script (loaded only
 * into frames with mentions). Reports, never asserts.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import type { Page } from '@playwright/test';
import { knowledgeBase } from '../../src/knowledge/knowledge-base';
import { keepLocal, launchBrowser } from './browser';
import { buildExtension, bundlePageEntry } from './build';
import { longest, observePageLoad, type PageLoadObservation } from './long-task';
import { newsPage } from './news-page';
import { LONG_ARTICLE, REAL_PAGES } from './paths';
import { profileCorpus, type ProfileReport, formatProfile } from './profile';
import { call, median, openWithBench } from './harness';
import type { Timed } from './protocol';
import { formatReport, type BenchFigures, type LongTaskFigures, type PageFigures } from './report';
import { startSite } from './server';

const { values: options } = parseArgs({
  options: {
    json: { type: 'string' },
    runs: { type: 'string', default: '5' },
    only: { type: 'string' },
    profile: { type: 'boolean', default: false },
    'long-task-runs': { type: 'string', default: '5' },
    help: { type: 'boolean', default: false },
  },
});
if (options.help) {
  console.log(`npm run bench -- [--json FILE] [--runs N] [--only SUBSTRING] [--long-task-runs N] [--profile]
  --json FILE          also write the figures as JSON
  --runs N             timed rounds per page (default 5; the median is reported)
  --only SUBSTRING     only the real pages whose file name contains SUBSTRING (a quick look)
  --long-task-runs N   loads of the 5 MB page with and without the extension (default 5)
  --profile            afterwards, CPU profiles and a phase breakdown of the scan (slow)`);
  process.exit(0);
}
const RUNS = Number(options.runs);
const LONG_TASK_RUNS = Number(options['long-task-runs']);
if (!(RUNS >= 1) || !(LONG_TASK_RUNS >= 1)) throw new Error('--runs and --long-task-runs take a number ≥ 1');

type Method = 'floor' | 'sameNodes' | 'backstory' | 'markjs' | 'scaling';
const METHODS: readonly Method[] = ['floor', 'sameNodes', 'backstory', 'markjs', 'scaling'];
/**
 * The order of the methods in each round: turned by one each round, so that over five
 * rounds each method runs once in each position. mark.js leaves the DOM rewritten
 * (marks wrapped, then unwrapped and normalised) and the one that follows it pays for
 * that; no method should always be it.
 */
const ORDERS: ReadonlyArray<readonly Method[]> = METHODS.map((_, turn) => [...METHODS.slice(turn), ...METHODS.slice(0, turn)]);

function runMethod(page: Page, method: Method): Promise<Timed> {
  if (method === 'floor') return call(page, 'floor');
  if (method === 'sameNodes') return call(page, 'sameNodesWalk');
  if (method === 'markjs') return call(page, 'markjs');
  return call(page, 'backstory', method === 'backstory' ? 'real' : 'scaled');
}

/**
 * One page: a warm-up of every method (JIT, string caches, the matchers built), then
 * `RUNS` rounds in which the methods take turns, so that all of them are measured
 * under the same conditions.
 */
async function benchPage(page: Page, name: string, url: string, bundle: string): Promise<PageFigures> {
  await openWithBench(page, url, bundle);
  const language = await call(page, 'language');
  const results = new Map<Method, Timed[]>(METHODS.map((method) => [method, []]));
  for (const method of METHODS) await runMethod(page, method);
  for (let round = 0; round < RUNS; round++) {
    for (const method of ORDERS[round % ORDERS.length]!) results.get(method)!.push(await runMethod(page, method));
  }
  const ms = (method: Method) => median(results.get(method)!.map((result) => result.ms));
  const count = (method: Method) => results.get(method)![0]!.count;
  return {
    name,
    language,
    textChars: count('sameNodes'),
    floorMs: ms('floor'),
    sameNodesWalkMs: ms('sameNodes'),
    // The same walk as the floor, under its former name: --json keeps its shape.
    textWalkMs: ms('floor'),
    backstoryMs: ms('backstory'),
    markjsMs: ms('markjs'),
    scalingMs: ms('scaling'),
    mentions: count('backstory'),
    scaledMentions: count('scaling'),
    marks: count('markjs'),
  };
}

async function measureLongTask(url: string, extensionDir: string, pageBytes: number): Promise<LongTaskFigures> {
  const withExtension: PageLoadObservation[] = [];
  const withoutExtension: PageLoadObservation[] = [];
  for (let run = 0; run < LONG_TASK_RUNS; run++) {
    withoutExtension.push(await observePageLoad(url, undefined));
    withExtension.push(await observePageLoad(url, extensionDir));
  }
  const longestIn = (observations: PageLoadObservation[]) =>
    observations.map((o) => Math.max(longest(o.afterLoad, 'longtask'), longest(o.afterLoad, 'long-animation-frame')));
  return {
    withExtensionMs: median(longestIn(withExtension)),
    withoutExtensionMs: median(longestIn(withoutExtension)),
    withExtensionWorstMs: Math.max(...longestIn(withExtension)),
    withoutExtensionWorstMs: Math.max(...longestIn(withoutExtension)),
    longestScriptTaskMs: median(withExtension.map((o) => longest(o.afterLoad, 'longtask'))),
    longFrames: median(withExtension.map((o) => o.afterLoad.length)),
    settleMs: median(withExtension.map((o) => o.settleMs)),
    highlights: median(withExtension.map((o) => o.highlights)),
    pageBytes,
    runs: LONG_TASK_RUNS,
  };
}

function gzipBytes(file: string): number {
  return gzipSync(readFileSync(file), { level: 9 }).length;
}

async function main(): Promise<void> {
  const realPages = existsSync(REAL_PAGES);
  const pageNames = realPages
    ? readdirSync(REAL_PAGES)
        .filter((name) => name.endsWith('.html'))
        .filter((name) => options.only === undefined || name.includes(options.only))
        .sort()
    : [];
  if (!realPages) console.log(`No real pages: ${REAL_PAGES} is absent. Skipping them; the generated-page figures follow.`);

  const bundle = await bundlePageEntry();
  const news = newsPage(knowledgeBase);
  const site = await startSite({
    realPagesDir: realPages ? REAL_PAGES : undefined,
    generated: new Map([
      ['/blank.html', '<!doctype html><html lang="en"><head><title>blank</title></head><body></body></html>'],
      ['/news.html', news],
    ]),
  });
  const workDir = mkdtempSync(path.join(tmpdir(), 'backstory-bench-'));
  const browser = await launchBrowser();
  try {
    const context = await browser.newContext();
    await keepLocal(context);
    const page = await context.newPage();

    await openWithBench(page, `${site.origin}/blank.html`, bundle);
    // The first build is what a content script pays in a fresh page; later ones show the steady cost.
    const builds = await call(page, 'buildTimes', RUNS + 1);
    const packBuilds = await call(page, 'packTimes', readFileSync(LONG_ARTICLE, 'utf8'), RUNS);
    const packRebuilds = await call(page, 'packRebuildTimes', 100, 10, RUNS);

    const pages: PageFigures[] = [];
    for (const [index, name] of pageNames.entries()) {
      process.stderr.write(`\r[${index + 1}/${pageNames.length}] ${name.padEnd(48)}`);
      try {
        pages.push(await benchPage(page, name, `${site.origin}/real/${encodeURIComponent(name)}`, bundle));
      } catch (error) {
        const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
        pages.push({ name, language: undefined, textChars: 0, floorMs: 0, sameNodesWalkMs: 0, textWalkMs: 0, backstoryMs: 0, markjsMs: 0, scalingMs: 0, mentions: 0, scaledMentions: 0, marks: 0, error: message });
      }
    }
    if (pageNames.length > 0) process.stderr.write('\n');

    let profile: ProfileReport | undefined;
    if (options.profile && pageNames.length > 0) {
      process.stderr.write('Profiling the scan…\n');
      profile = await profileCorpus(
        page,
        pageNames.map((name) => `${site.origin}/real/${encodeURIComponent(name)}`),
        `${site.origin}/blank.html`,
        bundle,
      );
    }
    await context.close();

    process.stderr.write('Building the extension (with and without the knowledge base)…\n');
    const extensionDir = await buildExtension(path.join(workDir, 'with-kb'), { knowledgeBase: true });
    const withoutKbDir = await buildExtension(path.join(workDir, 'without-kb'), { knowledgeBase: false, only: ['mentions', 'card'] });
    process.stderr.write('Loading the 5 MB page with and without the extension…\n');
    const longTask = await measureLongTask(`${site.origin}/news.html`, extensionDir, Buffer.byteLength(news));

    const measured = pages.filter((figures) => figures.error === undefined);
    const total = (key: 'floorMs' | 'sameNodesWalkMs' | 'textWalkMs' | 'backstoryMs' | 'markjsMs' | 'scalingMs') => measured.reduce((sum, figures) => sum + figures[key], 0);
    const figures: BenchFigures = {
      totals: { floorMs: total('floorMs'), sameNodesWalkMs: total('sameNodesWalkMs'), backstoryMs: total('backstoryMs'), markjsMs: total('markjsMs'), textWalkMs: total('textWalkMs') },
      scaling: {
        realKbMs: total('backstoryMs'),
        aliases10kMs: total('scalingMs'),
        build10kMs: median(builds.aliases10kMs.slice(1)),
        buildRealMs: median(builds.realMs.slice(1)),
        build10kColdMs: builds.aliases10kMs[0]!,
        buildRealColdMs: builds.realMs[0]!,
      },
      pack: {
        buildMs: median(packBuilds.ms),
        buildWorstMs: Math.max(...packBuilds.ms),
        words: packBuilds.words,
        entities: packBuilds.entities,
        rebuild100Ms: median(packRebuilds.ms),
        rebuild100WorstMs: Math.max(...packRebuilds.ms),
        rebuild100Aliases: packRebuilds.aliases,
      },
      // The page itself runs no script after load, so all long work after load with the extension is the extension's.
      longestTaskMs: Math.max(0, longTask.withExtensionMs - longTask.withoutExtensionMs),
      contentScriptGzipBytes: gzipBytes(path.join(withoutKbDir, 'content-scripts/mentions.js')),
      contentScriptWithKbGzipBytes: gzipBytes(path.join(extensionDir, 'content-scripts/mentions.js')),
      // Loaded only into frames with mentions (src/card/card-factory.ts); it carries no knowledge base.
      cardScriptGzipBytes: gzipBytes(path.join(withoutKbDir, 'card.js')),
      longTask,
      runsPerPage: RUNS,
      realPages: pageNames.length > 0,
      pages,
    };
    console.log(formatReport(figures));
    if (profile) console.log(`\n${formatProfile(profile)}`);
    if (options.json) {
      writeFileSync(options.json, `${JSON.stringify(profile ? { ...figures, profile } : figures, null, 2)}\n`);
      console.log(`\nJSON written to ${options.json}`);
    }
  } finally {
    await browser.close();
    await site.close();
    rmSync(workDir, { recursive: true, force: true });
  }
}

await main();
