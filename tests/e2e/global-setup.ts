import { chromiumPath } from '../support/browser';

/** Fails once, up front, with how to get Chromium, instead of once per test. */
export default function globalSetup(): void {
  chromiumPath();
}
