import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Window } from 'happy-dom';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScannedMention } from '../../src/cli/scan-html';

const root = new URL('../../', import.meta.url).pathname;
const page = (name: string) => join(root, 'tests/fixtures/scan', name);
const PAGES = ['inline.html', 'blocks.html', 'skipped.html', 'french.html', 'english-informer.html', 'empty.html'];
/** Each run starts tsx, a few seconds on a busy machine. */
const CLI_TIMEOUT = 120_000;

async function run(command: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(command, args, { cwd: root, maxBuffer: 64 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

/** The page's body text, parsed here on its own, to check the CLI's offsets against. */
function bodyText(file: string): string {
  const window = new Window();
  const text = new window.DOMParser().parseFromString(readFileSync(file, 'utf8'), 'text/html').body.textContent;
  void window.happyDOM.close();
  return text;
}

const brief = (mentions: ScannedMention[]) => mentions.map((m) => [m.entityId, m.text]);

describe('npm run scan -- --json', () => {
  let results: Record<string, ScannedMention[]>;
  let exitCode: number;

  beforeAll(async () => {
    const { code, stdout } = await run('npm', ['run', '--silent', 'scan', '--', '--json', ...PAGES.map(page)]);
    exitCode = code;
    results = JSON.parse(stdout);
  }, CLI_TIMEOUT);

  it('prints one JSON object keyed by file basename, in argument order', () => {
    expect(exitCode).toBe(0);
    expect(Object.keys(results)).toEqual(PAGES);
  });

  it('reports entityId, English name, text and body-text offsets that point at the text', () => {
    for (const name of PAGES) {
      const text = bodyText(page(name));
      for (const mention of results[name]!) {
        expect(Object.keys(mention)).toEqual(['entityId', 'name', 'text', 'start', 'end']);
        expect(text.slice(mention.start, mention.end), `${name} ${mention.entityId}`).toBe(mention.text);
      }
    }
    expect(results['inline.html']![0]).toMatchObject({ entityId: 'alibaba-cloud', name: 'Alibaba Cloud', text: 'Alibaba Cloud' });
    expect(results['inline.html']![2]).toMatchObject({ entityId: 'aws', name: 'Amazon Web Services (AWS)' });
  });

  it('matches across inline elements (`Alibaba <b>Cloud</b>`, `Jack <a>Ma</a>`, `<i>Hua</i>wei`)', () => {
    expect(brief(results['inline.html']!)).toEqual([
      ['alibaba-cloud', 'Alibaba Cloud'],
      ['jack-ma', 'Jack Ma'],
      ['aws', 'Amazon Web Services'],
      ['huawei', 'Huawei'],
      ['zte', 'ZTE'],
      ['alibaba-cloud', 'Alibaba\u00a0Cloud'],
      ['huawei', 'Huawei'],
    ]);
  });

  it('never matches across paragraphs, table cells, list items, headings, line breaks, rules or empty blocks', () => {
    expect(brief(results['blocks.html']!)).toEqual([
      ['alibaba-group', 'Alibaba'],
      ['alibaba-group', 'Alibaba'],
      ['alibaba-group', 'Alibaba'],
      ['alibaba-group', 'Alibaba'],
      ['huawei', 'Huawei'],
    ]);
  });

  it('ignores head and title, and skips script, style, noscript, template, code, form controls, editable content and SVG', () => {
    expect(brief(results['skipped.html']!)).toEqual([
      ['zte', 'ZTE'],
      ['aws', 'AWS'],
    ]);
    const text = bodyText(page('skipped.html'));
    const aws = results['skipped.html']![1]!;
    // Offsets count the script and style text that body.textContent includes.
    expect(text.indexOf('The one to find: AWS.')).toBe(aws.start - 'The one to find: '.length);
    expect(results['empty.html']).toEqual([]);
  });

  it("applies the page's language (<html lang>) to language-bound aliases", () => {
    expect(brief(results['french.html']!)).toEqual([
      ['the-information', 'The Informer'],
      ['trump-administration', 'administration Trump'],
      ['alibaba-group', 'Alibaba'],
      ['zte', 'ZTE'],
    ]);
    expect(results['english-informer.html']).toEqual([]);
  });
});

describe('npm run scan (table) and errors', () => {
  const tsx = join(root, 'node_modules/.bin/tsx');

  it('prints a readable table without --json', { timeout: CLI_TIMEOUT }, async () => {
    const { code, stdout } = await run(tsx, ['src/cli/scan.ts', page('french.html')]);
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^file\s+entity\s+text\s+offsets$/);
    expect(lines[1]).toMatch(/^french\.html\s+the-information\s+"The Informer"\s+\d+–\d+$/);
    expect(stdout).toMatch(/4 mentions in 1 file/);
  });

  it('reports an unreadable file and exits non-zero, still printing the others', { timeout: CLI_TIMEOUT }, async () => {
    const { code, stdout, stderr } = await run(tsx, ['src/cli/scan.ts', '--json', page('no-such-page.html'), page('french.html')]);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/no-such-page\.html: ENOENT/);
    expect(Object.keys(JSON.parse(stdout))).toEqual(['french.html']);
  });

  it('asks for files when given none', { timeout: CLI_TIMEOUT }, async () => {
    const { code, stderr } = await run(tsx, ['src/cli/scan.ts', '--json']);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/usage/);
  });
});
