import { defineConfig } from '@playwright/test';

// Every test launches Debian's Chromium itself (tests/support/browser.ts): Playwright's own download does not work here.
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  workers: 1,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
});
