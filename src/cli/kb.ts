/**
 * npm run kb                 compile assets/articles/* into the bundled knowledge base
 * npm run kb -- --check      exit 1 when the bundled knowledge base is stale or invalid
 * npm run --silent kb -- --dump    print the compiled knowledge base as JSON
 * Options: --articles DIR (repeatable: a folder of article folders, or one article folder), --out FILE
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { parseArgs } from 'node:util';
import { articleFolders, compileKnowledgeBase, serializeKnowledgeBase } from '../compiler/compile';
import { KnowledgeErrors } from '../compiler/errors';
import { ARTICLES_ROOT, KNOWLEDGE_BASE_FILE } from '../compiler/paths';

const { values } = parseArgs({
  options: {
    check: { type: 'boolean', default: false },
    dump: { type: 'boolean', default: false },
    articles: { type: 'string', multiple: true },
    out: { type: 'string' },
  },
});

const roots = values.articles ?? [ARTICLES_ROOT];
for (const root of roots) {
  if (!existsSync(root)) {
    console.error(`${root}: no such folder (--articles takes a folder of article folders, or one article folder)`);
    process.exit(1);
  }
}
const folders = roots.flatMap((root) => (existsSync(join(root, 'knowledge.yaml')) ? [root] : articleFolders(root)));
if (folders.length === 0) {
  console.error(`no article folder (with article.txt and knowledge.yaml) in ${roots.join(', ')}`);
  process.exit(1);
}
const out = values.out ?? KNOWLEDGE_BASE_FILE;
const shown = relative(process.cwd(), out);

function writeAtomically(file: string, text: string) {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

try {
  const compiled = serializeKnowledgeBase(compileKnowledgeBase(folders));
  if (values.dump) {
    process.stdout.write(compiled);
  } else if (values.check) {
    const current = existsSync(out) ? readFileSync(out, 'utf8') : undefined;
    if (current !== compiled) {
      console.error(`${shown} is ${current === undefined ? 'missing' : 'stale'}: run npm run kb`);
      process.exit(1);
    }
    console.log(`${shown} is up to date (${folders.length} article${folders.length === 1 ? '' : 's'})`);
  } else {
    writeAtomically(out, compiled);
    const kb = JSON.parse(compiled);
    console.log(`wrote ${shown}: ${kb.articles.length} articles, ${kb.topics.length} topics, ${kb.entities.length} entities`);
  }
} catch (error) {
  if (!(error instanceof KnowledgeErrors)) throw error;
  console.error(error.message);
  console.error(`knowledge base not ${values.check || values.dump ? 'valid' : `written; ${shown} is unchanged`}`);
  process.exit(1);
}
