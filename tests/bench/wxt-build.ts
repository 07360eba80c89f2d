/**
 * `tsx tests/bench/wxt-build.ts OUT_DIR with-kb|without-kb [entrypoint …]`: one WXT
 * build through its API. Run as a child process because WXT's progress spinner
 * writes straight to stdout, where the bench prints its table.
 */
import { build, type InlineConfig } from 'wxt';
import { REPO } from './paths';

const KNOWLEDGE_BASE_JSON = /[\\/]src[\\/]knowledge[\\/]generated[\\/]knowledge-base\.json$/;
const EMPTY_KNOWLEDGE_BASE = JSON.stringify({ articles: [], topics: [], entities: [] });

const [outDir, kb, ...only] = process.argv.slice(2);
if (outDir === undefined || (kb !== 'with-kb' && kb !== 'without-kb')) {
  console.error('usage: tsx tests/bench/wxt-build.ts OUT_DIR with-kb|without-kb [entrypoint …]');
  process.exit(2);
}

const config: InlineConfig = {
  root: REPO,
  // Not the checkout's .output, which the e2e tests may be using at the same time.
  outDir,
  browser: 'chrome',
  mode: 'production',
  filterEntrypoints: only.length > 0 ? only : undefined,
  vite: () => ({
    // Source maps for size-breakdown.ts (they do not change the minified code).
    build: { sourcemap: process.env.BENCH_SOURCEMAP === '1' },
    // The same bundler, polyfill and minifier as the shipped content script, with an
    // empty knowledge base: the size difference is the knowledge base and nothing else.
    plugins:
      kb === 'with-kb'
        ? []
        : [{ name: 'bench-empty-knowledge-base', enforce: 'pre' as const, load: (id: string) => (KNOWLEDGE_BASE_JSON.test(id) ? EMPTY_KNOWLEDGE_BASE : undefined) }],
  }),
};
await build(config);
