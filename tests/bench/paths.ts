import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** The saved real pages live beside the checkout, not in it (BENCH_REAL_PAGES points elsewhere, e.g. to try their absence). */
export const REAL_PAGES = process.env.BENCH_REAL_PAGES ?? path.resolve(REPO, '../shared/corpus/real-pages');
/** The 2,000-word article whose knowledge pack the bench builds (a labelled fixture of the pack builder). */
export const LONG_ARTICLE = path.join(REPO, 'tests/fixtures/packs/long-en-cloud-market.html');
