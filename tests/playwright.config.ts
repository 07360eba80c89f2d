import { defineConfig } from '@playwright/test';

// End-to-end tests: the built extension (.output/chrome-mv3) in real Chromium, pages from 127.0.0.1.
export default defineConfig({
  testDir: './e2e',
  timeout: 30_000,
  // Waits end on the event they wait for; the limit only says how long a busy machine may take to get there.
  expect: { timeout: 10_000 },
  fullyParallel: false,
  // One browser at a time: the tests measure timing (dwell, grace, long tasks) and two browsers on two cores disturb it.
  workers: 1,
  retries: 0,
  reporter: [['list'], ['json', { outputFile: '../test-results/e2e.json' }]],
  outputDir: '../test-results/e2e-artifacts',
});
