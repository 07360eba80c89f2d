/**
 * `npx tsx tests/bench/size-breakdown.ts [OUT_DIR]`: what the content script is made of,
 * measured as the bench measures it (built by WXT with an empty knowledge base, gzip
 * level 9). It is built once more with a source map, each byte of the minified file is
 * given to the source it came from, and each package or file is reported with its
 * minified bytes and what it costs gzipped: how much smaller the gzipped file would be
 * without its bytes (the rest recompressed; the costs add up to about the whole).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { REPO } from './paths';

const outDir = process.argv[2] ?? path.join(tmpdir(), 'backstory-size-breakdown');
execFileSync(path.join(REPO, 'node_modules/.bin/tsx'), [path.join(REPO, 'tests/bench/wxt-build.ts'), outDir, 'without-kb', 'mentions'], {
  cwd: REPO,
  env: { ...process.env, BENCH_SOURCEMAP: '1' },
  stdio: 'ignore',
});
const file = path.join(outDir, 'chrome-mv3/content-scripts/mentions.js');
const code = readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '');
const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** The fields of one source-map segment (base-64 VLQs). */
function decodeSegment(segment: string): number[] {
  const fields: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of segment) {
    const digit = BASE64.indexOf(char);
    value += (digit & 31) << shift;
    if (digit & 32) shift += 5;
    else {
      fields.push(value & 1 ? -(value >>> 1) : value >>> 1);
      value = 0;
      shift = 0;
    }
  }
  return fields;
}

/** A package (its name under node_modules) or a file of ours (its path in the repository). */
function owner(source: string | undefined): string {
  if (source === undefined) return '(no source: bundler runtime, inlined CSS)';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return inModules ? inModules[1]! : path.relative(REPO, path.resolve(path.dirname(file), source));
}

const lines = code.split('\n');
const pieces: Array<{ owner: string; text: string }> = [];
let source = 0;
map.mappings.split(';').forEach((line, index) => {
  const text = lines[index] ?? '';
  let column = 0;
  const starts: Array<{ column: number; owner: string }> = [];
  for (const segment of line.split(',').filter(Boolean)) {
    const fields = decodeSegment(segment);
    column += fields[0]!;
    if (fields.length > 1) source += fields[1]!;
    starts.push({ column, owner: fields.length > 1 ? owner(map.sources[source]) : owner(undefined) });
  }
  if (starts.length === 0 || starts[0]!.column > 0) pieces.push({ owner: owner(undefined), text: text.slice(0, starts[0]?.column ?? text.length) });
  starts.forEach((start, i) => pieces.push({ owner: start.owner, text: text.slice(start.column, starts[i + 1]?.column ?? text.length) }));
  pieces.push({ owner: owner(undefined), text: '\n' });
});

const gzipped = (text: string) => gzipSync(text, { level: 9 }).length;
const whole = gzipped(pieces.map((piece) => piece.text).join(''));
const owners = [...new Set(pieces.map((piece) => piece.owner))].map((name) => ({
  name,
  minified: pieces.filter((piece) => piece.owner === name).reduce((sum, piece) => sum + Buffer.byteLength(piece.text), 0),
  gzipped: whole - gzipped(pieces.filter((piece) => piece.owner !== name).map((piece) => piece.text).join('')),
}));
owners.sort((a, b) => b.gzipped - a.gzipped);
console.log(`content-scripts/mentions.js without the knowledge base: ${Buffer.byteLength(code)} B minified, ${gzipped(code)} B gzipped\n`);
console.log('   gzip  minified  source');
for (const { name, minified, gzipped } of owners) console.log(`${String(gzipped).padStart(7)}  ${String(minified).padStart(8)}  ${name}`);
