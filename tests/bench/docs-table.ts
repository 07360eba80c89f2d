/**
 * `npx tsx tests/bench/docs-table.ts FIGURES.json`: writes the table of docs/performance.md
 * (between its bench-table markers) from the figures `npm run bench -- --json FIGURES.json`
 * printed, so the figures there come from one run, never from memory.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { targets, type BenchFigures } from './report';

const DOC = fileURLToPath(new URL('../../docs/performance.md', import.meta.url));
const START = '<!-- bench-table:start -->';
const END = '<!-- bench-table:end -->';

export function tableOf(figures: BenchFigures): string {
  const { totals, scaling, longTask } = figures;
  const ms = (value: number) => `${value.toFixed(1)} ms`;
  const mark = (pass: boolean | null) => (pass === null ? 'n/a' : pass ? '✔' : '✘ missed');
  const target = new Map(targets(figures).map((row) => [row.label, row]));
  const cell = (label: string) => {
    const row = target.get(label)!;
    return `${row.value} ${mark(row.pass)}`;
  };
  const rows = [
    ['floor (every text node) / same-nodes walk / Backstory / mark.js, all pages', `${ms(totals.floorMs)} / ${ms(totals.sameNodesWalkMs)} / ${ms(totals.backstoryMs)} / ${ms(totals.markjsMs)}`, ''],
    ['Backstory ÷ floor', `${(totals.backstoryMs / totals.floorMs).toFixed(2)}×`, `≤ 1.5×: ${mark(totals.backstoryMs / totals.floorMs <= 1.5)}`],
    ['Backstory ÷ same-nodes walk (a peer-like baseline)', `${(totals.backstoryMs / totals.sameNodesWalkMs).toFixed(2)}×`, 'for reference'],
    ['Backstory ÷ mark.js', cell('backstory ≤ 0.4 × mark.js (total)'), '≤ 0.4×'],
    ['10,000 aliases ÷ real knowledge base', cell('scaling (10k aliases) ≤ 1.5 × real KB'), '≤ 1.5×'],
    ['matcher build: real / 10,000 aliases (median, warm)', `${ms(scaling.buildRealMs)} / ${cell('10,000-alias matcher built < 50 ms (median, warm)')}`, '10k < 50 ms'],
    [
      '5 MB page, scrolled through: longest task/frame after load, with / without the extension',
      longTask ? `median ${longTask.withExtensionMs.toFixed(0)} / ${longTask.withoutExtensionMs.toFixed(0)} ms; worst of ${longTask.runs} loads ${longTask.withExtensionWorstMs.toFixed(0)} / ${longTask.withoutExtensionWorstMs.toFixed(0)} ms` : 'n/a',
      longTask ? `no frame added > 50 ms: ${mark(longTask.withExtensionWorstMs - longTask.withoutExtensionWorstMs <= 50)}` : '',
    ],
    ['content script gzipped, without / with knowledge base', `${figures.contentScriptGzipBytes} / ${figures.contentScriptWithKbGzipBytes} B`, `≤ 30 KiB: ${mark(figures.contentScriptGzipBytes !== null && figures.contentScriptGzipBytes <= 30 * 1024)}`],
    ['card script (`card.js`) gzipped, only in frames with mentions', `${figures.cardScriptGzipBytes} B`, ''],
  ];
  return ['| | figure | target |', '|---|---|---|', ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
}

const file = process.argv[2];
if (!file) {
  console.error('usage: npx tsx tests/bench/docs-table.ts FIGURES.json');
  process.exit(2);
}
const doc = readFileSync(DOC, 'utf8');
const start = doc.indexOf(START);
const end = doc.indexOf(END);
if (start === -1 || end < start) throw new Error(`${DOC}: no ${START} … ${END} markers`);
const figures = JSON.parse(readFileSync(file, 'utf8')) as BenchFigures;
writeFileSync(DOC, `${doc.slice(0, start + START.length)}\n${tableOf(figures)}\n${doc.slice(end)}`);
console.log(`docs/performance.md: table written from ${file}`);
