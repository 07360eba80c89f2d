/**
 * `--profile`: where Backstory's scan and matcher build spend their time, for the
 * optimisation notes. Runs after the timed runs, so the profiler's overhead never
 * reaches the table: V8 CPU profiles (self and inclusive time per function) of the
 * scan on every page and of the 10,000-alias build, the scan taken apart into
 * phases, and the cost of ranges per 1,000.
 */
import type { Page } from '@playwright/test';
import { call, openWithBench } from './harness';
import type { Phases } from './protocol';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionTime {
  name: string;
  selfMs: number;
  totalMs: number;
}

export interface ProfileReport {
  scan: { sampledMs: number; functions: FunctionTime[] };
  build: { sampledMs: number; functions: FunctionTime[] };
  /** Phases summed over the pages. */
  phases: Phases;
  /** Per 1,000 ranges, measured on the page with the most text. */
  ranges: { page: string; staticRangeMs: number; highlightAddMs: number; liveRangeMs: number };
}

const SCANS_PER_PAGE = 5;
const BUILDS = 3;
const SAMPLING_INTERVAL_US = 50;
/** Samples that are not our work: time between the bench's calls and the profiler itself. */
const NOT_WORK = new Set(['(idle)', '(program)', '(root)']);

/**
 * Self time goes to the sampled function, total time once to each distinct function
 * on its stack (isSkipped recurses up the tree). Functions go by name: the bench
 * bundle is evaluated without a URL, and the pages' own scripts never run (CSP).
 * DOM getters (parentNode, localName, data…) are not frames: their cost is their caller's self time.
 */
class FunctionTimes {
  private readonly self = new Map<string, number>();
  private readonly total = new Map<string, number>();
  sampledMs = 0;

  add(profile: CpuProfile): void {
    const byId = new Map(profile.nodes.map((node) => [node.id, node]));
    const parent = new Map<number, number>();
    for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
    const nameOf = (id: number) => byId.get(id)!.callFrame.functionName || '(anonymous)';
    profile.samples.forEach((id, index) => {
      // timeDeltas[i] is the time from sample i-1 to sample i: sample i lasts until the next one.
      const ms = (profile.timeDeltas[index + 1] ?? SAMPLING_INTERVAL_US) / 1000;
      const leaf = nameOf(id);
      if (NOT_WORK.has(leaf)) return;
      this.sampledMs += ms;
      this.self.set(leaf, (this.self.get(leaf) ?? 0) + ms);
      const seen = new Set<string>();
      for (let node: number | undefined = id; node !== undefined; node = parent.get(node)) {
        const name = nameOf(node);
        if (seen.has(name)) continue;
        seen.add(name);
        this.total.set(name, (this.total.get(name) ?? 0) + ms);
      }
    });
  }

  report(): { sampledMs: number; functions: FunctionTime[] } {
    const names = new Set([...this.self.keys(), ...this.total.keys()]);
    const functions = [...names]
      .map((name) => ({ name, selfMs: this.self.get(name) ?? 0, totalMs: this.total.get(name) ?? 0 }))
      .sort((a, b) => b.selfMs - a.selfMs);
    return { sampledMs: this.sampledMs, functions };
  }
}

async function cpuProfile(page: Page, work: () => Promise<unknown>): Promise<CpuProfile> {
  const session = await page.context().newCDPSession(page);
  try {
    await session.send('Profiler.enable');
    await session.send('Profiler.setSamplingInterval', { interval: SAMPLING_INTERVAL_US });
    await session.send('Profiler.start');
    await work();
    const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: CpuProfile };
    return profile;
  } finally {
    await session.detach();
  }
}

const pageName = (url: string) => decodeURIComponent(url.split('/').pop()!);

export async function profileCorpus(page: Page, urls: readonly string[], blankUrl: string, bundle: string): Promise<ProfileReport> {
  const scan = new FunctionTimes();
  const phases: Phases = {
    walkMs: 0, walkFindMs: 0, scanMs: 0, paintMs: 0, rangesMs: 0, automatonMs: 0, findMs: 0, findScaledMs: 0,
    runs: 0, runChars: 0, candidates: 0, mentions: 0,
  };
  let largest = { url: '', chars: -1 };
  for (const [index, url] of urls.entries()) {
    process.stderr.write(`\r[${index + 1}/${urls.length}] profiling ${pageName(url).padEnd(40)}`);
    try {
      await openWithBench(page, url, bundle);
      const chars = (await call(page, 'sameNodesWalk')).count;
      if (chars > largest.chars) largest = { url, chars };
      await call(page, 'scanRepeatedly', 2); // warm-up
      scan.add(await cpuProfile(page, () => call(page, 'scanRepeatedly', SCANS_PER_PAGE)));
      const measured = await call(page, 'phases');
      for (const key of Object.keys(phases) as Array<keyof Phases>) phases[key] += measured[key];
    } catch (error) {
      process.stderr.write(`\n  skipped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}\n`);
    }
  }
  process.stderr.write('\n');

  await openWithBench(page, largest.url, bundle);
  const costs = await call(page, 'rangeCosts', 10_000);

  await openWithBench(page, blankUrl, bundle);
  await call(page, 'buildRepeatedly', 1);
  const build = new FunctionTimes();
  build.add(await cpuProfile(page, () => call(page, 'buildRepeatedly', BUILDS)));

  return { scan: scan.report(), build: build.report(), phases, ranges: { page: pageName(largest.url), ...costs } };
}

function formatFunctions(title: string, times: { sampledMs: number; functions: FunctionTime[] }, rows: number): string[] {
  const pct = (ms: number) => `${((100 * ms) / times.sampledMs).toFixed(1).padStart(5)} %`;
  const out = [`${title} (${times.sampledMs.toFixed(0)} ms sampled):`, '  self ms   self %  total %  function'];
  for (const fn of times.functions.slice(0, rows)) {
    out.push(`  ${fn.selfMs.toFixed(1).padStart(7)}  ${pct(fn.selfMs)}  ${pct(fn.totalMs)}  ${fn.name}`);
  }
  return out;
}

export function formatProfile(report: ProfileReport): string {
  const p = report.phases;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  return [
    ...formatFunctions(`CPU profile of the scan, ${SCANS_PER_PAGE} scans per page`, report.scan, 30),
    '',
    ...formatFunctions(`CPU profile of ${BUILDS} builds of the 10,000-alias matcher`, report.build, 20),
    '',
    'Phases summed over the pages (median of 5 each):',
    `  walk runs only ${ms(p.walkMs)} · walk + find ${ms(p.walkFindMs)} (find ${ms(p.walkFindMs - p.walkMs)}) · findPageMentions ${ms(p.scanMs)} (mapping to nodes ${ms(p.scanMs - p.walkFindMs)})`,
    `  paint (Highlighter + ranges) ${ms(p.paintMs)} · StaticRange objects alone ${ms(p.rangesMs)}`,
    `  over the runs' texts: automaton alone ${ms(p.automatonMs)} · matcher.find ${ms(p.findMs)} · matcher.find with 10k aliases ${ms(p.findScaledMs)}`,
    `  ${p.runs} runs, ${p.runChars} characters in runs, ${p.candidates} automaton candidates, ${p.mentions} mentions`,
    '',
    `Per 1,000 ranges on ${report.ranges.page}: new StaticRange ${report.ranges.staticRangeMs.toFixed(3)} ms, ` +
      `Highlight.add ${report.ranges.highlightAddMs.toFixed(3)} ms, live Range (createRange+setStart+setEnd) ${report.ranges.liveRangeMs.toFixed(3)} ms`,
  ].join('\n');
}
