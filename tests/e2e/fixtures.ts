import { test as base } from '@playwright/test';
import { type ExtensionBrowser, launchWithExtension } from '../support/browser';

/** Each test gets Chromium with the built extension in a fresh profile (an empty customer book). */
export const test = base.extend<{ extension: ExtensionBrowser }>({
  // biome-ignore lint/correctness/noEmptyPattern: Playwright fixtures take their dependencies by destructuring
  extension: async ({}, use) => {
    const browser = await launchWithExtension();
    await use(browser);
    await browser.close();
  },
});

export { expect } from '@playwright/test';
