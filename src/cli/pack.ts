/**
 * npm run --silent pack -- FILE.html
 *   prints the knowledge pack of the article the page holds, as one JSON object:
 *   { "article": { "title", "language", "source", "summary": [...] },
 *     "entities": [ { "id", "name", "type", "known", "aliases", "evidence" }, ... ] }
 *   (src/knowledge/pack.ts). Exits 1, saying so, when the page holds no readable article.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { Window } from 'happy-dom';
import { knowledgeBase } from '../knowledge/knowledge-base';
import { buildPack, NoArticleError } from '../pack/build';
import { BASE_URL, PARSE_ONLY_SETTINGS } from './scan-html';

const [file, ...rest] = process.argv.slice(2).filter((arg) => arg !== '--');
if (!file || rest.length > 0) {
  console.error('usage: npm run --silent pack -- FILE.html');
  process.exit(2);
}

let html: string;
try {
  html = readFileSync(file, 'utf8');
} catch (error) {
  console.error(`pack: cannot read ${file}: ${(error as Error).message}`);
  process.exit(2);
}

const window = new Window({ url: BASE_URL, settings: PARSE_ONLY_SETTINGS });
const document = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
// The page's own address when it states one (canonical link, og:url), else the file's.
const stated = document.querySelector('link[rel="canonical"]')?.getAttribute('href') ?? document.querySelector('meta[property="og:url"]')?.getAttribute('content');
const source = stated && /^https?:\/\//.test(stated) ? stated : pathToFileURL(file).href;
try {
  process.stdout.write(`${JSON.stringify(buildPack(document, source, knowledgeBase), null, 2)}\n`);
} catch (error) {
  if (!(error instanceof NoArticleError)) throw error;
  console.error(`pack: ${file} holds no readable article (Readability found no article text in it).`);
  process.exitCode = 1;
} finally {
  await window.happyDOM.close();
}
