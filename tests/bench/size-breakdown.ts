/**
 * `npx tsx tests/bench/size-breakdown.ts [OUT_DIR]`: what the content script and the
 * card's script (loaded into frames with mentions, see src/card/card-factory.ts) are made
 * of, one table each, measured as the bench measures them (built by WXT with an empty
 * knowledge base, gzip level 9). It is built once more with a source map, each byte of the minified file is
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
/** The scripts measured, as WXT builds them. */
const SCRIPTS = ['content-scripts/mentions.js', 'card.js'];
execFileSync(path.join(REPO, 'node_modules/.bin/tsx'), [path.join(REPO, 'tests/bench/wxt-build.ts'), outDir, 'without-kb', 'mentions', 'card'], {
  cwd: REPO,
  env: { ...process.env, BENCH_SOURCEMAP: '1' },
  stdio: 'ignore',
});
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

/** A package (its name under node_modules) or a file of ours (its path in the repository), for a source of `file`'s map. */
function owner(file: string, source: string | undefined): string {
  if (source === undefined) return '(no source: bundler runtime, inlined CSS)';
  const inModules = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(source);
  return inModules ? inModules[1]! : path.relative(REPO, path.resolve(path.dirname(file), source));
}

const gzipped = (text: string) => gzipSync(text, { level: 9 }).length;

/** Prints what one built script is made of. */
function breakDown(script: string): void {
  const file = path.join(outDir, 'chrome-mv3', script);
  const code = readFileSync(file, 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '');
  const map = JSON.parse(readFileSync(`${file}.map`, 'utf8')) as { sources: string[]; mappings: string };
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
      starts.push({ column, owner: fields.length > 1 ? owner(file, map.sources[source]) : owner(file, undefined) });
    }
    if (starts.length === 0 || starts[0]!.column > 0) pieces.push({ owner: owner(file, undefined), text: text.slice(0, starts[0]?.column ?? text.length) });
    starts.forEach((start, i) => pieces.push({ owner: start.owner, text: text.slice(start.column, starts[i + 1]?.column ?? text.length) }));
    pieces.push({ owner: owner(file, undefined), text: '\n' });
  });

  const whole = gzipped(pieces.map((piece) => piece.text).join(''));
  const owners = [...new Set(pieces.map((piece) => piece.owner))].map((name) => ({
    name,
    minified: pieces.filter((piece) => piece.owner === name).reduce((sum, piece) => sum + Buffer.byteLength(piece.text), 0),
    gzipped: whole - gzipped(pieces.filter((piece) => piece.owner !== name).map((piece) => piece.text).join('')),
  }));
  owners.sort((a, b) => b.gzipped - a.gzipped);
  console.log(`${script} without the knowledge base: ${Buffer.byteLength(code)} B minified, ${gzipped(code)} B gzipped\n`);
  console.log('   gzip  minified  source');
  for (const { name, minified, gzipped } of owners) console.log(`${String(gzipped).padStart(7)}  ${String(minified).padStart(8)}  ${name}`);
}

SCRIPTS.forEach((name, index) => {
  if (index > 0) console.log('');
  breakDown(name);
});
