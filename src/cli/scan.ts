/**
 * npm run --silent scan -- --json FILE.html [FILE.html …]
 *   prints { "<file's basename>": [ { entityId, name, text, start, end }, … ], … }:
 *   the mentions the extension would highlight in each page's body, with offsets
 *   in the body's text content.
 * npm run scan -- FILE.html …   prints the same as a readable table.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { knowledgeBase } from '../knowledge/knowledge-base';
import { HtmlScanner, type ScannedMention } from './scan-html';

const { values, positionals } = parseArgs({
  options: { json: { type: 'boolean', default: false } },
  allowPositionals: true,
});

if (positionals.length === 0) {
  console.error('usage: npm run --silent scan -- [--json] FILE.html [FILE.html …]');
  process.exit(2);
}

function printTable(results: Record<string, ScannedMention[]>): void {
  const rows = Object.entries(results).flatMap(([file, mentions]) =>
    mentions.map((m) => [file, m.entityId, JSON.stringify(m.text), `${m.start}–${m.end}`]),
  );
  const header = ['file', 'entity', 'text', 'offsets'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column]!.length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd();
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  const total = rows.length;
  console.log(`\n${total} mention${total === 1 ? '' : 's'} in ${Object.keys(results).length} file(s)`);
}

const scanner = new HtmlScanner(knowledgeBase);
const results: Record<string, ScannedMention[]> = {};
let failed = false;
for (const file of positionals) {
  try {
    results[basename(file)] = scanner.scan(readFileSync(file, 'utf8'));
  } catch (error) {
    failed = true;
    console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  // Ends the job so that V8 may collect the page's DOM before the next one (see HtmlScanner.release).
  await new Promise((resolve) => setImmediate(resolve));
}
await scanner.close();

if (values.json) process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
else printTable(results);
process.exitCode = failed ? 1 : 0;
