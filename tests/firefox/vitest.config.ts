import { defineConfig } from 'vitest/config';

// End-to-end tests in Firefox: the built extension (.output/firefox-mv2) in Firefox ESR, driven through
// WebDriver BiDi (tests/firefox/harness.ts). One file at a time: each starts its own Firefox, and two on two
// cores would disturb the timing the card depends on.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
