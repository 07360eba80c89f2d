/**
 * What each test runner's JSON report says ran: passed, failed and skipped tests, and the
 * failures by name, so that `npm test` can end with one line that counts every test once.
 * A failing test counts once, however many suites enclose it; a file that fails without a
 * failing test (it did not load, or its set-up threw) counts once too.
 */

export interface RunnerCounts {
  passed: number;
  failed: number;
  skipped: number;
  /** One line per failure: where, what, and the first line of the error. */
  failures: string[];
}

const firstLine = (text: string | undefined) => (text ?? '').replace(/\u001b\[[0-9;]*m/g, '').trim().split('\n')[0]!.slice(0, 240);

interface VitestAssertion {
  fullName: string;
  status: string;
  failureMessages?: string[];
}
interface VitestFile {
  name: string;
  status: string;
  message?: string;
  assertionResults: VitestAssertion[];
}

/** Counts from Vitest's `--reporter=json` report (its Jest-shaped `testResults`). */
export function vitestCounts(report: { testResults: VitestFile[] }, root = ''): RunnerCounts {
  const counts: RunnerCounts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  for (const file of report.testResults) {
    const where = file.name.startsWith(root) ? file.name.slice(root.length).replace(/^\//, '') : file.name;
    let failedHere = 0;
    for (const test of file.assertionResults) {
      if (test.status === 'passed') counts.passed += 1;
      else if (test.status === 'failed') {
        failedHere += 1;
        counts.failures.push(`${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
      } else counts.skipped += 1; // pending, skipped, todo
    }
    if (file.status === 'failed' && failedHere === 0) {
      failedHere = 1;
      counts.failures.push(`${where}: ${firstLine(file.message) || 'failed without a failing test'}`);
    }
    counts.failed += failedHere;
  }
  return counts;
}

interface PlaywrightResult {
  status: string;
  error?: { message?: string };
}
interface PlaywrightSpec {
  title: string;
  file: string;
  line: number;
  tests: Array<{ status: string; results: PlaywrightResult[] }>;
}
interface PlaywrightSuite {
  title: string;
  specs?: PlaywrightSpec[];
  suites?: PlaywrightSuite[];
}

/** Counts from Playwright's JSON reporter (every spec's outcome; errors outside any test count once each). */
export function playwrightCounts(report: { suites: PlaywrightSuite[]; errors?: Array<{ message?: string }> }): RunnerCounts {
  const counts: RunnerCounts = { passed: 0, failed: 0, skipped: 0, failures: [] };
  const visit = (suite: PlaywrightSuite, titles: string[]) => {
    const path = suite.title && !suite.title.endsWith('.ts') ? [...titles, suite.title] : titles;
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests) {
        if (test.status === 'expected') counts.passed += 1;
        else if (test.status === 'skipped') counts.skipped += 1;
        else {
          // unexpected, or flaky (passed only on a retry): both are failures here.
          counts.failed += 1;
          const error = test.results.find((result) => result.error)?.error?.message;
          counts.failures.push(`${spec.file}:${spec.line} › ${[...path, spec.title].join(' › ')}: ${firstLine(error) || test.status}`);
        }
      }
    }
    for (const child of suite.suites ?? []) visit(child, path);
  };
  for (const suite of report.suites) visit(suite, []);
  for (const error of report.errors ?? []) {
    counts.failed += 1;
    counts.failures.push(`Playwright: ${firstLine(error.message)}`);
  }
  return counts;
}

/** The line CI reads, summed over the runners. */
export function summaryLine(all: RunnerCounts[]): string {
  const sum = (key: 'passed' | 'failed' | 'skipped') => all.reduce((total, counts) => total + counts[key], 0);
  return `${sum('passed')} passed, ${sum('failed')} failed, ${sum('skipped')} skipped`;
}
