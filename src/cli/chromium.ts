/**
 * Finds a Chromium to drive with Playwright: CHROMIUM_PATH, then Debian's
 * /usr/bin/chromium, then Playwright's own browser. With none, gets one: Debian's
 * package with apt-get when running as root on Debian, else `npx playwright install
 * chromium`. Fails only when neither works, saying how to get one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { installDebianPackage } from './debian-package';

const DEBIAN_CHROMIUM = '/usr/bin/chromium';

function playwrightChromium(): string | undefined {
  try {
    const path = chromium.executablePath();
    return existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

export function findChromium(): string | undefined {
  const fromEnv = process.env.CHROMIUM_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`CHROMIUM_PATH is set to ${fromEnv}, which does not exist`);
  }
  if (existsSync(DEBIAN_CHROMIUM)) return DEBIAN_CHROMIUM;
  return playwrightChromium();
}

function tryInstall(log: (line: string) => void): void {
  if (installDebianPackage('chromium', log)) return;
  log('No Chromium found: trying npx playwright install chromium…');
  spawnSync('npx', ['playwright', 'install', 'chromium'], { stdio: 'inherit' });
}

/** A Chromium executable, installed if need be. */
export function ensureChromium(log: (line: string) => void = console.log): string {
  const found = findChromium();
  if (found) return found;
  tryInstall(log);
  const installed = findChromium();
  if (installed) return installed;
  throw new Error(
    'No Chromium for the end-to-end tests. Install one and run again: on Debian or Ubuntu `sudo apt-get install chromium`, ' +
      'elsewhere `npx playwright install chromium`, or point CHROMIUM_PATH at a Chromium or Chrome executable.',
  );
}

/** Flags for a headless Chromium on a machine with no network beyond loopback. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
  '--disable-dev-shm-usage',
];

export function extensionArgs(extensionDir: string): string[] {
  return [...CHROMIUM_ARGS, `--disable-extensions-except=${extensionDir}`, `--load-extension=${extensionDir}`];
}
