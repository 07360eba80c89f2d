import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * The house's conventions, read from the import graph: imports flow one way (see
 * ../shared/STYLE.md and docs/architecture.md). Each rule names what it guards.
 */
const ROOT = resolve(import.meta.dirname, '../..');

interface Import {
  /** The importing file and the imported module, both relative to the root for project files. */
  from: string;
  to: string;
  typeOnly: boolean;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder)).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(join(ROOT, path)).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

const IMPORT = /^\s*(?:import|export)\s+(type\s+)?(?:[^'";]*?\s+from\s+)?['"]([^'"]+)['"]/gm;

function importsOf(file: string): Import[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  return [...text.matchAll(IMPORT)].map(([, type, module]) => ({
    from: file,
    to: module!.startsWith('.') ? relative(ROOT, resolve(ROOT, dirname(file), module!)) : module!,
    typeOnly: Boolean(type),
  }));
}

const files = [...sourceFiles('src'), ...sourceFiles('entrypoints')];
const imports = files.flatMap(importsOf);
const within = (folder: string) => (path: string) => path === folder || path.startsWith(`${folder}/`);
const wrongWay = (from: string, to: (module: string) => boolean, valuesOnly = false) =>
  imports.filter((edge) => within(from)(edge.from) && to(edge.to) && !(valuesOnly && edge.typeOnly)).map((edge) => `${edge.from} → ${edge.to}`);

describe('conventions: imports flow one way', () => {
  it('reads the import graph (a guard against a regex that finds nothing)', () => {
    expect(files.length).toBeGreaterThan(50);
    expect(imports.some((edge) => edge.from === 'src/content/mentions.ts' && edge.to === 'src/page/highlighter')).toBe(true);
  });

  it('nothing imports entrypoints/: they only wire', () => {
    expect(imports.filter((edge) => within('entrypoints')(edge.to)).map((edge) => `${edge.from} → ${edge.to}`)).toEqual([]);
  });

  it('src/matching is pure: it knows only the knowledge base’s types, no DOM, no extension API, no UI', () => {
    expect(wrongWay('src/matching', (to) => !within('src/matching')(to) && !within('src/knowledge')(to))).toEqual([]);
    const domOrBrowser = /\b(?:document|window|browser|chrome)\s*\.|\bnew\s+(?:Range|StaticRange|Highlight|MutationObserver)\b/;
    const offenders = files.filter((file) => within('src/matching')(file) && domOrBrowser.test(readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')));
    expect(offenders).toEqual([]);
  });

  it('src/compiler imports no UI', () => {
    const ui = (to: string) => ['src/card', 'src/popup', 'src/options', 'src/ui', 'src/content'].some((folder) => within(folder)(to)) || to.startsWith('preact');
    expect(wrongWay('src/compiler', ui)).toEqual([]);
  });

  it('src/pack, the pack builder shared by the browser and Node, uses no extension API, no Node module, no UI; of the extension, only the review page loads it', () => {
    const allowed = (to: string) => ['src/pack', 'src/knowledge', 'src/matching'].some((folder) => within(folder)(to)) || ['@mozilla/readability', 'compromise'].includes(to);
    expect(wrongWay('src/pack', (to) => !allowed(to))).toEqual([]);
    const browserApi = /\b(?:browser|chrome)\s*\./;
    expect(files.filter((file) => within('src/pack')(file) && browserApi.test(readFileSync(join(ROOT, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '')))).toEqual([]);
    // Readability and compromise weigh 400 kB: of the extension, only the review of an article to add loads them
    // (the compiler and the command line, in Node, share the builder's sentence splitter and more).
    const mayBuild = ['src/pack', 'src/add-article', 'src/cli', 'src/compiler'];
    expect(imports.filter((edge) => within('src')(edge.from) && !mayBuild.some((folder) => within(folder)(edge.from)) && within('src/pack')(edge.to)).map((edge) => `${edge.from} → ${edge.to}`)).toEqual([]);
  });

  it('the reader’s knowledge base is built by pure code (src/library, but for its storage), the same in every context', () => {
    const pure = files.filter((file) => within('src/library')(file) && !file.endsWith('/storage.ts'));
    expect(pure.length).toBeGreaterThan(1);
    expect(imports.filter((edge) => pure.includes(edge.from) && (edge.to.startsWith('wxt') || edge.to.endsWith('/storage'))).map((edge) => `${edge.from} → ${edge.to}`)).toEqual([]);
  });

  it('src/page, the DOM adapter, imports neither settings nor the card, popup or options', () => {
    expect(wrongWay('src/page', (to) => ['src/settings', 'src/card', 'src/popup', 'src/options', 'src/content'].some((folder) => within(folder)(to)))).toEqual([]);
  });

  it('the content script takes from the card only its factory handoff (and the card’s types): the card is a script of its own', () => {
    expect(wrongWay('src/content', (to) => within('src/card')(to) && to !== 'src/card/card-factory', true)).toEqual([]);
  });
});
