import { describe, expect, test } from 'vitest';
import { playwrightCounts, summaryLine, vitestCounts } from '../results';

describe('the final line counts what ran', () => {
  test('Vitest: a failing test counts once, however deep its suites; skipped and todo are skipped; a file that failed to load counts once', () => {
    const counts = vitestCounts(
      {
        testResults: [
          {
            name: '/repo/tests/unit/a.test.ts',
            status: 'failed',
            assertionResults: [
              { fullName: 'outer inner passes', status: 'passed' },
              { fullName: 'outer inner breaks', status: 'failed', failureMessages: ['\u001b[31mAssertionError: expected 1 to be 2\u001b[39m\n    at a.test.ts:3'] },
              { fullName: 'outer later', status: 'skipped' },
              { fullName: 'outer someday', status: 'todo' },
            ],
          },
          { name: '/repo/tests/unit/b.test.ts', status: 'failed', message: 'SyntaxError: Unexpected token', assertionResults: [] },
          { name: '/repo/tests/unit/c.test.ts', status: 'passed', assertionResults: [{ fullName: 'c', status: 'passed' }] },
        ],
      },
      '/repo',
    );
    expect(counts).toEqual({
      passed: 2,
      failed: 2,
      skipped: 2,
      failures: ['tests/unit/a.test.ts › outer inner breaks: AssertionError: expected 1 to be 2', 'tests/unit/b.test.ts: SyntaxError: Unexpected token'],
    });
  });

  test('Playwright: each test once, with its describe titles and its file; errors outside any test count too', () => {
    const counts = playwrightCounts({
      suites: [
        {
          title: 'card.spec.ts',
          specs: [{ title: 'top', file: 'card.spec.ts', line: 3, tests: [{ status: 'expected', results: [{ status: 'passed' }] }] }],
          suites: [
            {
              title: 'grace',
              specs: [
                { title: 'stays open', file: 'card.spec.ts', line: 9, tests: [{ status: 'unexpected', results: [{ status: 'failed', error: { message: 'Error: expect(locator).toBeVisible() failed\nLocator: …' } }] }] },
                { title: 'later', file: 'card.spec.ts', line: 12, tests: [{ status: 'skipped', results: [] }] },
                { title: 'twice', file: 'card.spec.ts', line: 15, tests: [{ status: 'flaky', results: [{ status: 'failed', error: { message: 'Timeout' } }, { status: 'passed' }] }] },
              ],
            },
          ],
        },
      ],
      errors: [{ message: 'Error: config broken' }],
    });
    expect(counts).toEqual({
      passed: 1,
      failed: 3,
      skipped: 1,
      failures: ['card.spec.ts:9 › grace › stays open: Error: expect(locator).toBeVisible() failed', 'card.spec.ts:15 › grace › twice: Timeout', 'Playwright: Error: config broken'],
    });
  });

  test('the summary sums every runner', () => {
    expect(
      summaryLine([
        { passed: 3, failed: 1, skipped: 0, failures: [] },
        { passed: 2, failed: 0, skipped: 4, failures: [] },
      ]),
    ).toBe('5 passed, 1 failed, 4 skipped');
  });
});
