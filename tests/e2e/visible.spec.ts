import { resolve } from 'node:path';
import { type Browser, chromium, expect, type Page, test } from '@playwright/test';
import { chromiumPath } from '../support/browser';
import { bundleScript } from '../support/bundle-script';

// isVisible's cover test needs real layout, so it runs in Chromium on a page of its own.

let browser: Browser;
let page: Page;
let script: string;

test.beforeAll(async () => {
  script = await bundleScript(resolve(import.meta.dirname, '../../lib/fill/visible.ts'), 'TaitouVisible');
  browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  page = await browser.newPage();
});
test.afterAll(async () => {
  await browser?.close();
});

async function visibleUnder(cover: string): Promise<boolean> {
  await page.setContent(`<input id="field" style="position:absolute;left:20px;top:20px;width:200px;height:30px">
    <${cover} style="position:absolute;left:0;top:0;width:400px;height:200px;display:block;background:#fff"></${cover}>`);
  await page.evaluate(script);
  return page.evaluate(() =>
    (globalThis as unknown as { TaitouVisible: { isVisible(e: Element): boolean } }).TaitouVisible.isVisible(
      document.getElementById('field') as Element,
    ),
  );
}

test('a field covered by another element of the page is not visible', async () => {
  expect(await visibleUnder('div')).toBe(false);
});

test("a field under Taitou's own overlay (inline list, prompt, toast) still counts as visible", async () => {
  expect(await visibleUnder('taitou-menu')).toBe(true);
  expect(await visibleUnder('taitou-toast')).toBe(true);
});
