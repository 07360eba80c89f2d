/**
 * `npm test`: everything, in the order a failure is cheapest to see. Type check,
 * knowledge base freshness, both builds, unit tests (Vitest), end-to-end tests in
 * Chromium (Playwright) and in Firefox (Vitest driving Firefox through WebDriver BiDi).
 * Ends with the failures by name and one line that CI reads, `N passed, N failed, N skipped`,
 * summed over all three runs (tests/results.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureChromium } from '../src/cli/chromium';
import { ensureFirefox } from '../src/cli/firefox';
import { playwrightCounts, summaryLine, vitestCounts, type RunnerCounts } from './results';

const RESULTS = 'test-results';

function run(title: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): boolean {
  console.log(`\n▶ ${title}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const chromiumPath = ensureChromium();
console.log(`Chromium: ${chromiumPath}`);
const firefoxPath = ensureFirefox();
console.log(`Firefox: ${firefoxPath}`);

const failedSteps: string[] = [];
const step = (title: string, command: string, args: string[], env?: NodeJS.ProcessEnv): boolean => {
  const ok = run(title, command, args, env);
  if (!ok) failedSteps.push(title);
  return ok;
};
/** A runner's counts from its report; a runner that left no report (it crashed, or never ran) counts as one failure. */
const countsOf = (runner: string, file: string, read: (report: never) => RunnerCounts): RunnerCounts =>
  existsSync(file)
    ? read(JSON.parse(readFileSync(file, 'utf8')) as never)
    : { passed: 0, failed: 1, skipped: 0, failures: [`${runner}: no report (it did not run, or it crashed)`] };
const vitest = (report: never) => vitestCounts(report, process.cwd());

step('type check', 'npx', ['tsc', '--noEmit']);
step('knowledge base is current', 'npx', ['tsx', 'src/cli/kb.ts', '--check']);
const chromiumBuilt = step('build the extension for Chromium', 'npx', ['wxt', 'build']);
const firefoxBuilt = step('build the extension for Firefox', 'npx', ['wxt', 'build', '-b', 'firefox']);
step('unit tests (Vitest)', 'npx', ['vitest', 'run', '--config', 'tests/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/unit.json`]);
// A failed build leaves a stale one behind: testing it would say nothing about this tree.
if (chromiumBuilt) step('end-to-end tests (Playwright, Chromium)', 'npx', ['playwright', 'test', '--config', 'tests/playwright.config.ts'], { CHROMIUM_PATH: chromiumPath });
if (firefoxBuilt) step('end-to-end tests (Firefox ESR, WebDriver BiDi)', 'npx', ['vitest', 'run', '--config', 'tests/firefox/vitest.config.ts', '--reporter=default', '--reporter=json', `--outputFile.json=${RESULTS}/firefox.json`], { FIREFOX_PATH: firefoxPath });

const counts = [
  countsOf('unit tests', `${RESULTS}/unit.json`, vitest),
  countsOf('Playwright (Chromium)', `${RESULTS}/e2e.json`, playwrightCounts),
  countsOf('Firefox', `${RESULTS}/firefox.json`, vitest),
];
const failures = counts.flatMap((c) => c.failures);
if (failures.length > 0) console.log(`\nFailed tests:\n${failures.map((line) => `  ✗ ${line}`).join('\n')}`);
if (failedSteps.length > 0) console.log(`\nFailed steps: ${failedSteps.join(', ')}`);
// A step that failed with every test passing (the type check, say) still counts as a failure.
const untested = failures.length === 0 ? failedSteps.length : 0;
if (untested > 0) counts.push({ passed: 0, failed: untested, skipped: 0, failures: [] });
console.log(`\n${summaryLine(counts)}`);
process.exit(failedSteps.length > 0 ? 1 : 0);
