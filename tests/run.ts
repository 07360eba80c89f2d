/**
 * `npm test`: everything, in the order a failure is cheapest to see. Type check,
 * knowledge base freshness, both builds, unit tests (Vitest), end-to-end tests in
 * Chromium (Playwright) and in Firefox (Vitest driving Firefox through WebDriver BiDi).
 * Ends with one line that CI reads: `N passed, N failed`, summed over all three runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from '../src/cli/chromium';
import { ensureFirefox } from '../src/cli/firefox';

const RESULTS = 'test-results';

function run(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

interface Counts {
  passed: number;
  failed: number;
}

function vitestCounts(file: string): Counts | undefined {
  if (!existsSync(file)) return undefined;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: report.numPassedTests ?? 0, failed: (report.numFailedTests ?? 0) + (report.numFailedTestSuites ?? 0) };
}

function playwrightCounts(file: string): Counts | undefined {
  if (!existsSync(file)) return undefined;
  const { stats } = JSON.parse(readFileSync(file, 'utf8'));
  return { passed: stats.expected ?? 0, failed: (stats.unexpected ?? 0) + (stats.flaky ?? 0) };
}

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const chromiumPath = ensureChromium();
console.log(`Chromium: ${chromiumPath}`);
const firefoxPath = ensureFirefox();
console.log(`Firefox: ${firefoxPath}`);

const failures: string[] = [];
const step = (title: string, command: string, args: string[], env?: NodeJS.ProcessEnv) => {
  if (!run(title, command, args, env)) failures.push(title);
};

step('type check', 'npx', ['tsc', '--noEmit']);
step('knowledge base is current', 'npx', ['tsx', 'src/cli/kb.ts', '--check']);
step('build the extension for Chromium', 'npx', ['wxt', 'build']);
step('build the extension for Firefox', 'npx', ['wxt', 'build', '-b', 'firefox']);
step('unit tests (Vitest)', 'npx', ['vitest', 'run', '--config', 'tests/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/unit.json`]);
step('end-to-end tests (Playwright, Chromium)', 'npx', ['playwright', 'test', '--config', 'tests/playwright.config.ts'], { CHROMIUM_PATH: chromiumPath });
step('end-to-end tests (Firefox ESR, WebDriver BiDi)', 'npx', ['vitest', 'run', '--config', 'tests/firefox/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/firefox.json`], { FIREFOX_PATH: firefoxPath });

const counts = [vitestCounts(`${RESULTS}/unit.json`), playwrightCounts(`${RESULTS}/e2e.json`), vitestCounts(`${RESULTS}/firefox.json`)];
const passed = counts.reduce((sum, c) => sum + (c?.passed ?? 0), 0);
// A runner that failed without a report (it crashed, or never ran) counts as one failure.
const failed = counts.reduce((sum, c) => sum + (c?.failed ?? 1), 0);
if (failures.length > 0) console.log(`\nFailed steps: ${failures.join(', ')}`);
console.log(`\n${passed} passed, ${failed + (failures.length > 0 && failed === 0 ? failures.length : 0)} failed`);
process.exit(failures.length > 0 ? 1 : 0);
