/**
 * Finds Firefox for the end-to-end tests: FIREFOX_PATH, then Debian's firefox-esr. With
 * none, installs Debian's firefox-esr (140, the oldest version Backstory supports, while
 * Debian has it) when running as root on Debian; else says how to get one.
 */
import { existsSync } from 'node:fs';
import { installDebianPackage } from './debian-package';

const DEBIAN_FIREFOX = '/usr/bin/firefox-esr';
/** The ESR Backstory declares as its minimum (strict_min_version, wxt.config.ts): tested where it is declared. */
export const TESTED_FIREFOX_ESR = '140.*';

export function findFirefox(): string | undefined {
  const fromEnv = process.env.FIREFOX_PATH;
  if (fromEnv) {
    if (existsSync(fromEnv)) return fromEnv;
    throw new Error(`FIREFOX_PATH is set to ${fromEnv}, which does not exist`);
  }
  return existsSync(DEBIAN_FIREFOX) ? DEBIAN_FIREFOX : undefined;
}

/** A Firefox executable, installed if need be. */
export function ensureFirefox(log: (line: string) => void = console.log): string {
  const found = findFirefox();
  if (found) return found;
  installDebianPackage('firefox-esr', log, TESTED_FIREFOX_ESR);
  const installed = findFirefox();
  if (installed) return installed;
  throw new Error(
    'No Firefox for the end-to-end tests. Install Firefox ESR 140 or later and run again: on Debian or Ubuntu ' +
      '`sudo apt-get install firefox-esr`, or point FIREFOX_PATH at a Firefox executable.',
  );
}
