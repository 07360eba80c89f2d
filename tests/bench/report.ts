/** The bench's figures, their JSON shape and the readable table. */

export interface PageFigures {
  name: string;
  language: string | undefined;
  /** Characters in the text nodes Backstory reads. */
  textChars: number;
  /** The floor: a TreeWalker over every text node of the body, with no filter (scripts and styles included), reading each. */
  floorMs: number;
  /** A TreeWalker over the text nodes Backstory reads (the subtrees it skips rejected by a filter): a peer-like baseline. */
  sameNodesWalkMs: number;
  /** The floor, under the name it had before: `--json` keeps its shape. */
  textWalkMs: number;
  backstoryMs: number;
  markjsMs: number;
  scalingMs: number;
  mentions: number;
  scaledMentions: number;
  marks: number;
  error?: string;
}

export interface LongTaskFigures {
  /** Longest long task or long animation frame after load, with and without the extension (median over runs). */
  withExtensionMs: number;
  withoutExtensionMs: number;
  /** The same, the worst of the runs: a frame the reader sees once is one too many. */
  withExtensionWorstMs: number;
  withoutExtensionWorstMs: number;
  /** Longest long task alone (script, no rendering) with the extension. */
  longestScriptTaskMs: number;
  /** Long tasks/frames after load with the extension, and how long until the highlights settled. */
  longFrames: number;
  settleMs: number;
  highlights: number;
  pageBytes: number;
  runs: number;
}

export interface BenchFigures {
  totals: { floorMs: number; sameNodesWalkMs: number; backstoryMs: number; markjsMs: number; textWalkMs: number };
  scaling: { realKbMs: number; aliases10kMs: number; build10kMs: number; buildRealMs: number; build10kColdMs: number; buildRealColdMs: number };
  /** "Add this article": a 2,000-word article's pack built in the page, and the matcher rebuilt with 100 added articles. */
  pack: { buildMs: number; buildWorstMs: number; words: number; entities: number; rebuild100Ms: number; rebuild100WorstMs: number; rebuild100Aliases: number };
  longestTaskMs: number | null;
  contentScriptGzipBytes: number | null;
  contentScriptWithKbGzipBytes: number | null;
  /** The card's script (card.js), run only in frames with mentions; not part of the content script's figure. */
  cardScriptGzipBytes: number | null;
  longTask: LongTaskFigures | null;
  runsPerPage: number;
  realPages: boolean;
  pages: PageFigures[];
}

/** Targets from issue 4, read off the figures. `null` when the figure could not be measured. */
export function targets(figures: BenchFigures): Array<{ label: string; value: string; pass: boolean | null }> {
  const { totals, scaling } = figures;
  const ratio = (a: number, b: number) => (figures.realPages && b > 0 ? a / b : null);
  const row = (label: string, value: number | null, format: (v: number) => string, pass: (v: number) => boolean) => ({
    label,
    value: value === null ? 'n/a' : format(value),
    pass: value === null ? null : pass(value),
  });
  const times = (v: number) => `${v.toFixed(2)}×`;
  return [
    row('backstory ≤ 1.5 × floor (total)', ratio(totals.backstoryMs, totals.floorMs), times, (v) => v <= 1.5),
    row('backstory ≤ 0.4 × mark.js (total)', ratio(totals.backstoryMs, totals.markjsMs), times, (v) => v <= 0.4),
    row('scaling (10k aliases) ≤ 1.5 × real KB', ratio(scaling.aliases10kMs, scaling.realKbMs), times, (v) => v <= 1.5),
    row('10,000-alias matcher built < 50 ms (median, warm)', scaling.build10kMs, (v) => `${v.toFixed(1)} ms`, (v) => v < 50),
    row('extension adds no task/frame > 50 ms (5 MB page)', figures.longestTaskMs, (v) => `${v.toFixed(0)} ms`, (v) => v <= 50),
    row('pack of a 2,000-word article built < 300 ms (median)', figures.pack.buildMs, (v) => `${v.toFixed(0)} ms`, (v) => v < 300),
    row('content script ≤ 30 KiB gz without KB', figures.contentScriptGzipBytes, (v) => `${v} B (${(v / 1024).toFixed(1)} KiB)`, (v) => v <= 30 * 1024),
  ];
}

const ms = (value: number) => value.toFixed(2);

function table(header: string[], rows: string[][], rightAligned: (column: number) => boolean): string {
  const widths = header.map((cell, column) => Math.max(cell.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, column) => (rightAligned(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!))).join('  ');
  return [line(header), widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(line)].join('\n');
}

export function formatReport(figures: BenchFigures): string {
  const out: string[] = [];
  if (figures.realPages) {
    out.push(`Real pages: ${figures.pages.length}, median of ${figures.runsPerPage} interleaved runs each (ms).\n`);
    const rows = figures.pages.map((page) =>
      page.error
        ? [page.name, '', '', '', '', '', '', '', '', `error: ${page.error}`]
        : [
            page.name,
            (page.textChars / 1000).toFixed(1),
            ms(page.floorMs),
            ms(page.sameNodesWalkMs),
            ms(page.backstoryMs),
            ms(page.markjsMs),
            ms(page.scalingMs),
            String(page.mentions),
            String(page.scaledMentions),
            String(page.marks),
          ],
    );
    const { totals, scaling } = figures;
    const chars = figures.pages.reduce((sum, page) => sum + page.textChars, 0);
    const totalMentions = figures.pages.reduce((sum, page) => sum + page.mentions, 0);
    const sum = (key: 'scaledMentions' | 'marks') => String(figures.pages.reduce((total, page) => total + page[key], 0));
    rows.push(['TOTAL', (chars / 1000).toFixed(1), ms(totals.floorMs), ms(totals.sameNodesWalkMs), ms(totals.backstoryMs), ms(totals.markjsMs), ms(scaling.aliases10kMs), String(totalMentions), sum('scaledMentions'), sum('marks')]);
    out.push(table(['page', 'text kchar', 'floor', 'same nodes', 'backstory', 'mark.js', 'scaling', 'mentions', 'mentions@10k', 'marks'], rows, (column) => column > 0));
    out.push('');
    out.push(
      `Ratios (totals): backstory/floor ${(totals.backstoryMs / totals.floorMs).toFixed(2)}×, ` +
        `backstory/mark.js ${(totals.backstoryMs / totals.markjsMs).toFixed(2)}×, ` +
        `mark.js/floor ${(totals.markjsMs / totals.floorMs).toFixed(2)}×, ` +
        `scaling/real ${(scaling.aliases10kMs / scaling.realKbMs).toFixed(2)}×, ` +
        `backstory/same-nodes walk ${(totals.backstoryMs / totals.sameNodesWalkMs).toFixed(2)}×, mark.js/same-nodes walk ${(totals.markjsMs / totals.sameNodesWalkMs).toFixed(2)}×`,
    );
  } else {
    out.push('Real pages: none (the corpus folder is absent), so the per-page figures and totals are skipped.');
  }
  const { scaling } = figures;
  out.push(
    `Matcher build: real KB ${scaling.buildRealMs.toFixed(2)} ms (first ${scaling.buildRealColdMs.toFixed(2)} ms), ` +
      `+10,000 aliases ${scaling.build10kMs.toFixed(1)} ms (first ${scaling.build10kColdMs.toFixed(1)} ms); median of warm builds in Chromium.`,
  );
  const { pack } = figures;
  out.push(
    `Add this article: a ${pack.words}-word article's pack (${pack.entities} entities) built in ${pack.buildMs.toFixed(0)} ms (worst ${pack.buildWorstMs.toFixed(0)} ms); ` +
      `matcher rebuilt with 100 added articles (${pack.rebuild100Aliases} aliases) in ${pack.rebuild100Ms.toFixed(1)} ms (worst ${pack.rebuild100WorstMs.toFixed(1)} ms); medians in Chromium.`,
  );
  const longTask = figures.longTask;
  if (longTask) {
    out.push(
      `5 MB news page (${(longTask.pageBytes / 1e6).toFixed(1)} MB, ${longTask.highlights} mentions, scrolled through, median of ${longTask.runs} loads): ` +
        `longest task/frame after load ${longTask.withExtensionMs.toFixed(0)} ms with the extension, ${longTask.withoutExtensionMs.toFixed(0)} ms without; ` +
        `worst of the ${longTask.runs} loads ${longTask.withExtensionWorstMs.toFixed(0)} ms with, ${longTask.withoutExtensionWorstMs.toFixed(0)} ms without ` +
        `(longest script task ${longTask.longestScriptTaskMs.toFixed(0)} ms; ${longTask.longFrames} long tasks/frames; highlights settled ${(longTask.settleMs / 1000).toFixed(1)} s after load).`,
    );
  }
  if (figures.contentScriptGzipBytes !== null && figures.contentScriptWithKbGzipBytes !== null) {
    out.push(
      `Content script gzipped: ${figures.contentScriptWithKbGzipBytes} B with the knowledge base, ${figures.contentScriptGzipBytes} B without.`,
    );
  }
  if (figures.cardScriptGzipBytes !== null) {
    out.push(`Card script gzipped (loaded only into frames with mentions): ${figures.cardScriptGzipBytes} B.`);
  }
  out.push('', 'Targets (reported, not asserted):');
  for (const target of targets(figures)) {
    const mark = target.pass === null ? 'n/a ' : target.pass ? 'PASS' : 'FAIL';
    out.push(`  ${mark}  ${target.label}: ${target.value}`);
  }
  return out.join('\n');
}
