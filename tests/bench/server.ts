import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** What the bench serves: files from one folder, plus pages generated in memory. */
export interface BenchSite {
  origin: string;
  close(): Promise<void>;
}

export interface SiteOptions {
  /** Folder served under /real/ (the saved pages). */
  realPagesDir: string | undefined;
  /** Generated pages, by path (e.g. /news.html). */
  generated: ReadonlyMap<string, string>;
}

/**
 * Headers for every response.
 * - `script-src 'none'` keeps the saved pages' own scripts from running (they would
 *   rewrite their DOM and reach for the network) while the HTML parser still runs with
 *   scripting on, so `<noscript>` parses as a reader's browser parses it. DevTools
 *   evaluation, which injects our bundle, is not subject to the page's CSP.
 * - COOP/COEP make the page cross-origin isolated, which raises `performance.now()`
 *   from 100 µs to 5 µs resolution: small pages scan in well under a millisecond.
 */
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'cache-control': 'no-store',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};
const NO_SCRIPTS = { 'content-security-policy': "script-src 'none'" };

/** Serves on 127.0.0.1 only, on a free port. */
export async function startSite(options: SiteOptions): Promise<BenchSite> {
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const generated = options.generated.get(url.pathname);
    if (generated !== undefined) {
      // Generated pages have no scripts of their own; the long-task probe needs script on.
      response.writeHead(200, HEADERS).end(generated);
      return;
    }
    const name = decodeURIComponent(url.pathname.replace(/^\/real\//, ''));
    if (options.realPagesDir === undefined || !url.pathname.startsWith('/real/') || name.includes('/') || !name.endsWith('.html')) {
      response.writeHead(404).end();
      return;
    }
    readFile(path.join(options.realPagesDir, name)).then(
      (body) => response.writeHead(200, { ...HEADERS, ...NO_SCRIPTS }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
