// When an extension page first shows what the clerk opened it for (the popup's first customer, the manager's first
// row), timed by the browser itself: Element Timing gives the time of the frame that painted the element, from the
// page's navigation start. The baseline is an empty extension page opened the same way in the same run: the floor
// that any extension page has in this browser on this machine. A page's own markup saved as a still page (no script)
// shows what painting it costs apart from the work of its code.
import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { EXTENSION_DIR, type ExtensionBrowser } from '../support/browser';

/** The empty page added to the bench's copy of the build (never to the build itself). */
export const BLANK_PAGE = 'bench-blank.html';
/** What the empty page shows: one line of text, as a row. */
export const BLANK_ROW = 'p';

/** A copy of the built extension with the empty page added, for launchWithExtension's `extensionDir`. */
export function extensionWithBlankPage(): string {
  const dir = mkdtempSync(join(tmpdir(), 'taitou-bench-'));
  cpSync(EXTENSION_DIR, dir, { recursive: true });
  writeFileSync(
    join(dir, BLANK_PAGE),
    '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Taitou</title></head>' +
      '<body><p>抬头 Taitou</p></body></html>\n',
  );
  return dir;
}

export type Size = { width: number; height: number };

/** A new tab of the given size, or of the default. */
async function newTab(browser: ExtensionBrowser, size?: Size): Promise<Page> {
  const page = await browser.context.newPage();
  if (size) await page.setViewportSize(size);
  return page;
}

/**
 * Saves the page at `path` as it stands once `selector` shows and its data has settled, without its scripts, as a
 * still page in the bench's copy of the build (`dir`); returns the still page's path.
 */
export async function saveStillPage(
  browser: ExtensionBrowser,
  dir: string,
  path: string,
  selector: string,
  size?: Size,
): Promise<string> {
  const page = await newTab(browser, size);
  await page.goto(browser.url(path));
  await page.locator(selector).first().waitFor();
  await page.waitForTimeout(1000);
  const html = await page.evaluate(() => {
    const copy = document.documentElement.cloneNode(true) as HTMLElement;
    for (const script of copy.querySelectorAll('script')) script.remove();
    return `<!doctype html>${copy.outerHTML}`;
  });
  await page.close();
  const still = `bench-still-${path}`;
  writeFileSync(join(dir, still), html);
  return still;
}

/**
 * The window a clerk sees the popup in: Chrome sizes an action popup to its page, at most 800 × 600; the popup is
 * 400 px wide (its style.css) and its list runs past 600 px. A tab of the default 1280 × 720 would paint a larger
 * surface than the popup ever does.
 */
export const POPUP_WINDOW: Size = { width: 400, height: 600 };

export interface FirstPaint {
  /** ms from navigation start to the frame that painted the element. */
  painted: number;
  /** ms from navigation start to the element being in the DOM. */
  inDom: number;
  page: Page;
}

/**
 * Opens `path` in a new tab (of the given size, or the default) and times the first element matching `selector`.
 * The element (and what it holds) is marked for Element Timing as soon as it is in the DOM, before any frame can
 * paint it.
 */
export async function firstPaint(
  browser: ExtensionBrowser,
  path: string,
  selector: string,
  size?: Size,
): Promise<FirstPaint> {
  const page = await newTab(browser, size);
  // A string, not a function: the page runs it as it is, before any of its own scripts.
  await page.addInitScript(`(() => {
    const selector = ${JSON.stringify(selector)};
    new PerformanceObserver((list) => {
      const entry = list.getEntries().find((e) => e.identifier === 'bench-first');
      if (entry && window.__painted === undefined) window.__painted = entry.renderTime || entry.loadTime;
    }).observe({ type: 'element', buffered: true });
    new MutationObserver((_, observer) => {
      const found = document.querySelector(selector);
      if (!found) return;
      window.__inDom = performance.now();
      for (const el of [found, ...found.querySelectorAll('*')]) el.setAttribute('elementtiming', 'bench-first');
      observer.disconnect();
    }).observe(document, { childList: true, subtree: true });
  })()`);
  await page.goto(browser.url(path));
  const times = await page.waitForFunction(
    () => {
      const w = window as unknown as { __painted?: number; __inDom?: number };
      return w.__painted !== undefined && w.__inDom !== undefined && { painted: w.__painted, inDom: w.__inDom };
    },
    undefined,
    { timeout: 120_000 },
  );
  const { painted, inDom } = (await times.jsonValue()) as { painted: number; inDom: number };
  return { painted: Math.round(painted), inDom: Math.round(inDom), page };
}
