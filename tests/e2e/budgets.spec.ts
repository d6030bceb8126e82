import { expect, test } from '@playwright/test';
import { contentScriptFiles, gzipBytes, pageFiles } from '../support/bundle-size';

// Size budgets of the built extension (issue targets): what a clerk's browser loads on every popup open or page.
test('the popup loads at most 60 KB gzip before its first paint', () => {
  const files = pageFiles('popup.html');
  expect(files.some((f) => f.endsWith('.js'))).toBe(true);
  expect(gzipBytes(files)).toBeLessThanOrEqual(60 * 1024);
});

test('the popup loads one script and one stylesheet: each file is a round trip before its first rows', () => {
  const files = pageFiles('popup.html');
  expect(files.filter((f) => f.endsWith('.js'))).toHaveLength(1);
  expect(files.filter((f) => f.endsWith('.css'))).toHaveLength(1);
});

test('the content script, loaded in every portal frame, is at most 30 KB gzip', () => {
  const files = contentScriptFiles();
  expect(files.length).toBeGreaterThan(0);
  for (const file of files) expect(gzipBytes([file]), file).toBeLessThanOrEqual(30 * 1024);
});
