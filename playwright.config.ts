import { defineConfig } from '@playwright/test';

// Every test launches Debian's Chromium itself (tests/support/browser.ts): Playwright's own download does not work here.
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/global-setup.ts',
  // Its own folder: Playwright empties outputDir at start, and test-results/ also holds the unit report.
  outputDir: 'test-results/playwright',
  workers: 1,
  timeout: 30_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e.json' }]],
});
