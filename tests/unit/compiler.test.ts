import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { articleFolders, compileKnowledgeBase, serializeKnowledgeBase } from '../../src/compiler/compile';
import { splitSentences } from '../../src/pack/sentences';
import { KnowledgeErrors } from '../../src/compiler/errors';
import { ARTICLES_ROOT, KNOWLEDGE_BASE_FILE } from '../../src/compiler/paths';
import type { KnowledgeBase } from '../../src/knowledge/types';
import { aliasSchema } from '../../src/compiler/schema';

const root = new URL('../../', import.meta.url).pathname;
const fixture = (path: string) => join(root, 'tests/fixtures', path);
const shown = (path: string) => relative(process.cwd(), path);
const realFolders = articleFolders(ARTICLES_ROOT);
const scratch = mkdtempSync(join(tmpdir(), 'backstory-compiler-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Each run starts tsx, a few seconds on a busy machine. */
const CLI_TIMEOUT = 120_000;

/** The CLI, as `npx tsx src/cli/kb.ts …` runs it (without npx's start-up). */
async function runKb(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(join(root, 'node_modules/.bin/tsx'), ['src/cli/kb.ts', ...args], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
  }
}

function compileErrors(folders: string[]): string[] {
  try {
    compileKnowledgeBase(folders);
  } catch (error) {
    if (error instanceof KnowledgeErrors) return error.errors.map((e) => e.message);
    throw error;
  }
  throw new Error('compiled without error');
}

/** 1-based line of the first line of `file` containing `snippet`. */
function lineOf(file: string, snippet: string): number {
  const index = readFileSync(file, 'utf8').split('\n').findIndex((line) => line.includes(snippet));
  if (index === -1) throw new Error(`"${snippet}" not in ${file}`);
  return index + 1;
}

describe('the real articles', () => {
  const kb = compileKnowledgeBase(realFolders);

  it('compiles the article with its summary, key points, topics and the entities the issue names', () => {
    const [article] = kb.articles;
    expect(article).toMatchObject({ id: 'alibaba-cloud-us-retreat', language: 'fr' });
    for (const summary of Object.values(article!.summary)) {
      const words = summary.split(/\s+/).length;
      expect(words).toBeGreaterThanOrEqual(150);
      expect(words).toBeLessThanOrEqual(300);
    }
    expect(article!.keyPoints.length).toBeGreaterThanOrEqual(4);
    expect(article!.keyPoints.length).toBeLessThanOrEqual(8);
    const ids = kb.entities.map((entity) => entity.id);
    for (const id of ['alibaba-group', 'alibaba-cloud', 'aws', 'microsoft-azure', 'google-cloud', 'huawei', 'zte', 'the-information', 'jack-ma', 'trump-administration']) {
      expect(ids).toContain(id);
    }
    expect(kb.entities.find((entity) => entity.id === 'the-information')!.note!.en).toMatch(/The Informer/);
  });

  it('is deterministic: compiling twice gives the same bytes', () => {
    expect(serializeKnowledgeBase(compileKnowledgeBase(realFolders))).toBe(serializeKnowledgeBase(kb));
  });

  it('is current: the bundled knowledge base equals a fresh compile (run npm run kb if not)', () => {
    expect(readFileSync(KNOWLEDGE_BASE_FILE, 'utf8')).toBe(serializeKnowledgeBase(kb));
  });

  it('finds evidence for every entity the article names, each sentence verbatim in its paragraph', () => {
    const text = readFileSync(join(ARTICLES_ROOT, 'alibaba-cloud-us-retreat/article.txt'), 'utf8');
    const paragraphs = text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
    for (const entity of kb.entities) {
      for (const section of entity.articles) {
        if (!entity.external) expect(section.evidence.length, entity.id).toBeGreaterThan(0);
        for (const { sentence, paragraph } of section.evidence) {
          expect(text).toContain(sentence);
          expect(paragraphs[paragraph]).toContain(sentence);
        }
      }
    }
  });

  it('adds the inverse of every curated relation', () => {
    const relationsOf = (id: string) => kb.entities.find((entity) => entity.id === id)!.relations;
    expect(relationsOf('alibaba-cloud')).toContainEqual({ type: 'subsidiary-of', target: 'alibaba-group' });
    expect(relationsOf('alibaba-group')).toContainEqual({ type: 'parent-of', target: 'alibaba-cloud' });
    expect(relationsOf('jack-ma')).toContainEqual({ type: 'founder-of', target: 'alibaba-group' });
  });

  it('splits sentences per paragraph, the title being paragraph 0', () => {
    expect(splitSentences('Title here\n\nFirst one. Second one?\nThird.', 'en')).toEqual([
      { sentence: 'Title here', paragraph: 0 },
      { sentence: 'First one.', paragraph: 1 },
      { sentence: 'Second one?', paragraph: 1 },
      { sentence: 'Third.', paragraph: 2 },
    ]);
  });
});

describe('several articles', () => {
  const kb = compileKnowledgeBase([...realFolders, ...articleFolders(fixture('articles'))]);

  it('makes an entity named in two articles one entity with a section per article', () => {
    expect(kb.articles.map((article) => article.id)).toEqual(['alibaba-cloud-us-retreat', 'huawei-zte-export-rules']);
    for (const id of ['huawei', 'zte', 'alibaba-group']) {
      const entity = kb.entities.filter((candidate) => candidate.id === id);
      expect(entity).toHaveLength(1);
      expect(entity[0]!.articles.map((section) => section.articleId)).toEqual(['alibaba-cloud-us-retreat', 'huawei-zte-export-rules']);
    }
    const huawei = kb.entities.find((entity) => entity.id === 'huawei')!;
    expect(huawei.articles[1]!.role.en).toMatch(/export rules/);
    expect(huawei.articles[1]!.evidence.map((e) => e.sentence)).toContain(
      'Huawei called the decision "discriminatory" and said it would keep serving its customers around the world.',
    );
  });

  it('keeps one copy of a topic both articles declare', () => {
    expect(kb.topics.filter((topic) => topic.id === 'telecom-sanctions')).toHaveLength(1);
  });
});

describe('npm run kb -- --dump', () => {
  it('prints the compiled knowledge base as JSON of the documented shape', { timeout: CLI_TIMEOUT }, async () => {
    const { code, stdout } = await runKb('--dump', '--articles', 'assets/articles', '--articles', 'tests/fixtures/articles');
    expect(code).toBe(0);
    const kb = JSON.parse(stdout) as KnowledgeBase;
    const text = expect.any(String);
    const localized = { en: text, fr: text };
    for (const article of kb.articles) {
      expect(article).toMatchObject({ id: text, title: text, language: expect.stringMatching(/^(en|fr)$/), summary: localized });
      for (const point of article.keyPoints) expect(point).toEqual(localized);
    }
    for (const topic of kb.topics) expect(topic).toEqual({ id: text, label: localized });
    for (const entity of kb.entities) {
      expect(entity).toMatchObject({ id: text, type: text, name: localized, description: localized, topics: expect.any(Array), relations: expect.any(Array) });
      for (const alias of entity.aliases) expect(alias).toMatchObject({ text, caseSensitive: expect.any(Boolean), script: text });
      for (const section of entity.articles) {
        expect(section).toMatchObject({ articleId: text, role: localized });
        for (const evidence of section.evidence) expect(evidence).toEqual({ sentence: text, paragraph: expect.any(Number) });
      }
    }
    expect(kb.entities.find((entity) => entity.id === 'huawei')!.articles).toHaveLength(2);
  });

  it('--check passes on the bundled file and fails on a stale one', { timeout: CLI_TIMEOUT }, async () => {
    expect((await runKb('--check')).code).toBe(0);
    const stale = join(scratch, 'stale.json');
    writeFileSync(stale, '{}\n');
    const result = await runKb('--check', '--out', stale);
    expect(result.code).not.toBe(0);
    expect(result.stderr).toMatch(/stale/);
  });

  it('writes a valid compile to --out', { timeout: CLI_TIMEOUT }, async () => {
    const out = join(scratch, 'small.json');
    const { code } = await runKb('--articles', fixture('small-article'), '--out', out);
    expect(code).toBe(0);
    expect(readFileSync(out, 'utf8')).toBe(serializeKnowledgeBase(compileKnowledgeBase(articleFolders(fixture('small-article')))));
  });
});

describe('bad input: a clear error, a non-zero exit, the previous output untouched', () => {
  const bad = (name: string) => fixture(`bad/${name}`);
  const yaml = (name: string) => join(bad(name), 'knowledge.yaml');
  const where = (name: string, snippet: string) => `${shown(yaml(name))}:${lineOf(yaml(name), snippet)}:`;
  const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

  /** Each case: the folder, and what the first error must say (file:line:column: field: problem). */
  const cases: Array<[string, () => RegExp]> = [
    ['yaml-syntax', () => new RegExp(`^${escape(where('yaml-syntax', 'About eighty'))}\\d+: YAML syntax: `)],
    ['missing-field', () => new RegExp(`^${escape(where('missing-field', 'id: zte-test'))}\\d+: entities\\[1\\]\\.type: missing required field \\(expected one of "company"`)],
    ['mistyped-field', () => new RegExp(`^${escape(where('mistyped-field', 'caseSensitive: "no"'))}\\d+: entities\\[1\\]\\.aliases\\[0\\]\\.caseSensitive: .*expected boolean, received string`)],
    ['unknown-field', () => new RegExp(`^${escape(where('unknown-field', 'notFolowedBy'))}\\d+: entities\\[1\\]\\.aliases\\[0\\]\\.notFolowedBy: unknown field "notFolowedBy" \\(did you mean "notFollowedBy"\\?\\)`)],
    ['duplicate-id', () => new RegExp(`^${escape(shown(yaml('duplicate-id')))}:\\d+:\\d+: entities\\[1\\]\\.id: duplicate entity id "huawei-test"`)],
    ['duplicate-id-across-articles', () => new RegExp(`second-article/knowledge\\.yaml:\\d+:\\d+: entities\\[0\\]\\.id: duplicate entity id "huawei-test" \\(also defined in .*first-article/knowledge\\.yaml\\)`)],
    ['alias-collision', () => new RegExp(`^${escape(shown(yaml('alias-collision')))}:\\d+:\\d+: entities\\[1\\]\\.aliases\\[1\\]\\.text: alias "Huawei" is also an alias of "huawei-test", and no rule`)],
    ['unknown-relation-target', () => new RegExp(`^${escape(where('unknown-relation-target', 'zte-corporation'))}\\d+: entities\\[0\\]\\.relations\\[0\\]\\.target: unknown entity "zte-corporation"`)],
    ['unknown-topic', () => new RegExp(`^${escape(where('unknown-topic', 'telecom-research, smartphones]'))}\\d+: entities\\[1\\]\\.topics\\[1\\]: unknown topic "smartphones"`)],
    ['alias-not-in-article', () => new RegExp(`^${escape(where('alias-not-in-article', 'id: zte-test'))}\\d+: entities\\[1\\]\\.id: none of the aliases of "zte-test" occurs in .*article\\.txt \\(mark it external: true`)],
    ['summary-too-short', () => new RegExp(`^${escape(shown(yaml('summary-too-short')))}:\\d+:\\d+: article\\.summary\\.en: has 19 words; a summary must have 150–300`)],
    ['summary-too-long', () => new RegExp(`^${escape(shown(yaml('summary-too-long')))}:\\d+:\\d+: article\\.summary\\.en: has 344 words; a summary must have 150–300`)],
    ['summary-empty', () => new RegExp(`^${escape(where('summary-empty', 'fr: ""'))}\\d+: article\\.summary\\.fr: must not be empty`)],
    ['markup-in-text', () => new RegExp(`^${escape(where('markup-in-text', '<b>'))}\\d+: entities\\[1\\]\\.description\\.en: must be plain text, without markup \\(found "<b>"\\)`)],
  ];

  it('has a fixture folder for every case, and the base article compiles', () => {
    expect(readdirSync(fixture('bad')).filter((name) => !name.endsWith('.md')).sort()).toEqual(cases.map(([name]) => name).sort());
    expect(() => compileKnowledgeBase(articleFolders(fixture('small-article')))).not.toThrow();
  });

  it.each(cases)('%s: says which file, line and field, and what is wrong', (name, message) => {
    const folders = readdirSync(bad(name)).includes('knowledge.yaml') ? [bad(name)] : articleFolders(bad(name));
    expect(compileErrors(folders)[0]).toMatch(message());
  });

  it.concurrent.each(cases)('%s: npm run kb exits non-zero and leaves the previous output byte-identical', { timeout: CLI_TIMEOUT }, async (name, message) => {
    const folder = join(scratch, name);
    cpSync(bad(name), folder, { recursive: true });
    const out = join(scratch, `${name}.json`);
    const previous = Buffer.from(`{"previous": "${name}", "bytes": "\u00e9\u4e2d"}\n`);
    writeFileSync(out, previous);
    const { code, stderr } = await runKb('--articles', bad(name), '--out', out);
    expect(code).not.toBe(0);
    expect(stderr.split('\n')[0]).toMatch(message());
    expect(stderr).toMatch(/is unchanged/);
    expect(readFileSync(out).equals(previous)).toBe(true);
    expect(readdirSync(scratch).filter((file) => file.startsWith(`${name}.json`))).toEqual([`${name}.json`]);
  });

  it('article.txt not in UTF-8: names the file and the line, exits non-zero, output untouched', { timeout: CLI_TIMEOUT }, async () => {
    const folder = join(scratch, 'not-utf8');
    cpSync(fixture('small-article/huawei-paris-lab'), folder, { recursive: true });
    const lines = readFileSync(join(folder, 'article.txt'), 'utf8').split('\n');
    // Line 3 saved as Latin-1 ("Boulogne-Billancourt, près de Paris"): é is the single byte 0xE9.
    const latin1 = Buffer.concat([
      Buffer.from(`${lines.slice(0, 2).join('\n')}\n`),
      Buffer.from(`${lines[2]} Boulogne-Billancourt, pr\u00e8s de Paris.\n`, 'latin1'),
      Buffer.from(lines.slice(3).join('\n')),
    ]);
    writeFileSync(join(folder, 'article.txt'), latin1);
    expect(compileErrors([folder])[0]).toBe(`${shown(join(folder, 'article.txt'))}:3: is not valid UTF-8 text (save it as UTF-8)`);
    const out = join(scratch, 'not-utf8.json');
    writeFileSync(out, 'previous\n');
    const { code, stderr } = await runKb('--articles', folder, '--out', out);
    expect(code).not.toBe(0);
    expect(stderr).toMatch(/article\.txt:3: is not valid UTF-8 text/);
    expect(readFileSync(out, 'utf8')).toBe('previous\n');
  });

  it('a missing folder or file is an error, not a crash', { timeout: CLI_TIMEOUT }, async () => {
    const missing = await runKb('--articles', 'tests/fixtures/no-such-folder', '--out', join(scratch, 'x.json'));
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toMatch(/no such folder/);
    const empty = join(scratch, 'empty-root/some-article');
    cpSync(fixture('small-article/huawei-paris-lab/article.txt'), join(empty, 'article.txt'));
    expect(compileErrors([empty])[0]).toMatch(/some-article\/knowledge\.yaml: is missing/);
  });
});

describe('alias rules for the page’s sense and for capitals', () => {
  const issuesOf = (alias: Record<string, unknown>) => {
    const result = aliasSchema.safeParse(alias);
    return result.success ? [] : result.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`);
  };

  it('accepts pageSense with phrases to read the sense from, cues with it, and allCaps on a case-sensitive name', () => {
    expect(issuesOf({ text: 'Alibaba', pageSense: true, notNear: ['thieves'], cues: ['shares'], allCaps: true })).toEqual([]);
  });

  it('refuses cues without pageSense, pageSense with nothing to read, and allCaps on a case-insensitive name, naming the field', () => {
    expect(issuesOf({ text: 'Alibaba', cues: ['shares'] })).toEqual(['cues: cues only count with pageSense: true']);
    expect(issuesOf({ text: 'Alibaba', pageSense: true })).toEqual([expect.stringMatching(/^pageSense: pageSense needs phrases/)]);
    expect(issuesOf({ text: 'AliCloud', caseSensitive: false, allCaps: true })).toEqual(['allCaps: a case-insensitive alias already matches its capitals']);
  });
});
