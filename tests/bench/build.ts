import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import { build as esbuild } from 'esbuild';
import { REPO } from './paths';

/**
 * The page side of the bench as one classic script. Not minified: CPU profiles then
 * name the extension's own functions.
 */
export async function bundlePageEntry(): Promise<string> {
  const result = await esbuild({
    entryPoints: [path.join(REPO, 'tests/bench/page-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    write: false,
    logLevel: 'warning',
    // WXT's build-time flag, as in the Chrome build: the bench runs in Chromium.
    define: { 'import.meta.env.FIREFOX': 'false' },
  });
  return result.outputFiles[0]!.text;
}

/** Builds the Chrome extension into `outDir` (see wxt-build.ts); returns the unpacked extension's folder. */
export async function buildExtension(outDir: string, options: { knowledgeBase: boolean; only?: string[] }): Promise<string> {
  const args = [path.join(REPO, 'tests/bench/wxt-build.ts'), outDir, options.knowledgeBase ? 'with-kb' : 'without-kb', ...(options.only ?? [])];
  try {
    await promisify(execFile)(path.join(REPO, 'node_modules/.bin/tsx'), args, { cwd: REPO, maxBuffer: 16 << 20 });
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string };
    throw new Error(`wxt build failed:\n${stdout ?? ''}\n${stderr ?? ''}`);
  }
  return path.join(outDir, 'chrome-mv3');
}
