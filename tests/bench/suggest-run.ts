// `npm run bench`, third part: from a keystroke in the portal's buyer field to the inline list showing the new
// suggestions, with 100,000 customers in the extension's book. Times are taken in the pages themselves
// (performance.timeOrigin + now() is one clock across frames), not by the test driver.
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension, stopWorker } from '../support/browser';
import { bundleScript } from '../support/bundle-script';
import { openInvoiceForm } from '../support/demo-flow';
import { startPortalServer } from '../support/portal-server';
import {
  BLANK_PAGE,
  BLANK_ROW,
  extensionWithBlankPage,
  firstPaint,
  POPUP_WINDOW,
  type Size,
  saveStillPage,
} from './first-paint';
import type { seedBook, timeFirstSearch, waitForSnapshot } from './seed.bench';
import { stats } from './stats';

const COUNT = Number(process.env.BENCH_COUNT ?? 100_000);
const TARGET_MS = 50;
const POPUP_TARGET_MS = 150;
const OUT = resolve(import.meta.dirname, '../../test-results/bench-suggest.json');
const QUERIES = ['bjxm', 'shanghai', '9144', '深圳', 'cqzg', 'hangzhou'];

const code = await bundleScript(resolve(import.meta.dirname, 'seed.bench.ts'), 'TaitouSeed');
const portal = await startPortalServer();
const extensionDir = extensionWithBlankPage();
const browser = await launchWithExtension({ extensionDir });
type Seed = {
  seedBook: typeof seedBook;
  timeFirstSearch: typeof timeFirstSearch;
  waitForSnapshot: typeof waitForSnapshot;
};
try {
  const extensionPage = await browser.context.newPage();
  // Not the popup: it would have the background build its search index from the empty book before the seeding.
  await extensionPage.goto(browser.url('capture.html'));
  await extensionPage.evaluate(code);
  const seeded = await extensionPage.evaluate(
    (n) => (globalThis as unknown as { TaitouSeed: { seedBook: typeof seedBook } }).TaitouSeed.seedBook(n),
    COUNT,
  );
  console.log(`seeded ${COUNT} customers: generated in ${seeded.generateMs} ms, written in ${seeded.writeMs} ms`);
  const first = await extensionPage.evaluate(() =>
    (globalThis as unknown as { TaitouSeed: Seed }).TaitouSeed.timeFirstSearch('xiaomi'),
  );
  console.log(`first search after seeding (the worker builds its index from the book): ${first.ms} ms`);
  // The worker saves its index once the book rests; a worker started after that restores it.
  await extensionPage.evaluate(
    (n) => (globalThis as unknown as { TaitouSeed: Seed }).TaitouSeed.waitForSnapshot(n),
    COUNT,
  );
  await extensionPage.close();
  await stopWorker(browser);
  const restartPage = await browser.context.newPage();
  await restartPage.goto(browser.url('capture.html'));
  await restartPage.evaluate(code);
  const restarted = await restartPage.evaluate(() =>
    (globalThis as unknown as { TaitouSeed: Seed }).TaitouSeed.timeFirstSearch('xiaomi'),
  );
  console.log(`first search after the worker restarted (it restores the saved index): ${restarted.ms} ms`);
  await restartPage.close();

  const page = await openInvoiceForm(browser, portal.url);
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    const w = window as unknown as { __keys: number[] };
    w.__keys = [];
    document.addEventListener('keydown', () => w.__keys.push(performance.timeOrigin + performance.now()), true);
  });
  const name = page.getByPlaceholder('请输入名称');
  const latencies: number[] = [];
  for (const query of QUERIES) {
    await name.fill('');
    await name.click();
    await page.keyboard.type(query.charAt(0)); // opens the list again after the previous Esc
    // The list sits in a closed shadow root: Playwright reaches its frame through the frame tree.
    let frame = page.frames().find((f) => f.url() === browser.url('menu.html'));
    for (let tries = 0; !frame && tries < 100; tries++) {
      await page.waitForTimeout(50);
      frame = page.frames().find((f) => f.url() === browser.url('menu.html'));
    }
    if (!frame)
      throw new Error(
        `no inline list: ${page
          .frames()
          .map((f) => f.url())
          .join(', ')}`,
      );
    await frame.locator('main').waitFor();
    await frame.getByRole('option').first().waitFor();
    await frame.evaluate(() => {
      const w = window as unknown as { __renders: number[] };
      w.__renders = [];
      new MutationObserver(() => w.__renders.push(performance.timeOrigin + performance.now())).observe(document.body, {
        childList: true,
        subtree: true,
        characterData: true,
      });
    });
    for (const ch of query.slice(1)) {
      const before = await page.evaluate(() => (window as unknown as { __keys: number[] }).__keys.length);
      await page.keyboard.type(ch);
      const sent = await page.evaluate((i) => (window as unknown as { __keys: number[] }).__keys[i] ?? 0, before);
      // The list has answered this keystroke once it rendered after it and then stayed still for a moment.
      await page.waitForTimeout(250);
      const rendered = await frame.evaluate(
        (t) => (window as unknown as { __renders: number[] }).__renders.filter((r) => r >= t).at(-1) ?? null,
        sent,
      );
      if (rendered !== null && sent !== 0) latencies.push(rendered - sent);
    }
    await page.keyboard.press('Escape');
  }
  const keystrokes = stats(latencies);

  // The popup and the manager: from opening the page to its first customer painted, beside an empty extension page
  // opened the same way (the floor), alternating so that both see the same machine. The popup with the worker
  // running, and with a worker that Chrome had stopped.
  const opened = async (path: string, selector: string, size?: Size) => {
    const { painted, inDom, page } = await firstPaint(browser, path, selector, size);
    await page.close();
    return { painted, inDom };
  };
  // The popup, and its floor, in the popup's own window; the manager, and its floor, in a tab.
  const blank = (size?: Size) => opened(BLANK_PAGE, BLANK_ROW, size);
  const popup = () => opened('popup.html', '[role="option"]', POPUP_WINDOW);
  // The popup's markup as it showed the recent customers, without its script: the cost of painting it alone.
  const stillPath = await saveStillPage(browser, extensionDir, 'popup.html', '[role="option"]', POPUP_WINDOW);
  const still = () => opened(stillPath, '[role="option"]', POPUP_WINDOW);
  const managerRows = () => opened('manager.html', 'tbody tr:not(.spacer)');
  // A clerk opens the popup now and then, not five times a second: pause between openings.
  const pause = () => new Promise((resolve) => setTimeout(resolve, 1000));
  const floor: number[] = [];
  const stillPaint: number[] = [];
  const warm: { painted: number; inDom: number }[] = [];
  const cold: { painted: number; inDom: number }[] = [];
  for (let i = 0; i < 15; i++) {
    floor.push((await blank(POPUP_WINDOW)).painted);
    stillPaint.push((await still()).painted);
    warm.push(await popup());
    await pause();
  }
  for (let i = 0; i < 3; i++) {
    await stopWorker(browser);
    cold.push(await popup());
    floor.push((await blank(POPUP_WINDOW)).painted);
  }
  const blankPaint = stats(floor);
  const warmPaint = stats(warm.map((p) => p.painted));
  const popupReport = {
    warm: warmPaint,
    warmInDom: stats(warm.map((p) => p.inDom)),
    workerStopped: stats(cold.map((p) => p.painted)),
    blankPage: blankPaint,
    stillMarkup: stats(stillPaint),
    ratio: Math.round((warmPaint.p50 / blankPaint.p50) * 100) / 100,
    target: POPUP_TARGET_MS,
  };
  console.log(
    `popup open → first customer painted, ${COUNT} customers: worker running p50 ${popupReport.warm.p50} ms ` +
      `(max ${popupReport.warm.max}; in the DOM at p50 ${popupReport.warmInDom.p50}); worker stopped p50 ` +
      `${popupReport.workerStopped.p50} ms (max ${popupReport.workerStopped.max}); an empty extension page's first ` +
      `paint p50 ${blankPaint.p50} ms (max ${blankPaint.max}): ×${popupReport.ratio}, the popup's own share ` +
      `${Math.round(popupReport.warm.p50 - blankPaint.p50)} ms (its markup alone, as a still page without script: ` +
      `p50 ${popupReport.stillMarkup.p50} ms); target ≤ ${POPUP_TARGET_MS} ms: ` +
      `${popupReport.warm.p50 <= POPUP_TARGET_MS ? 'PASS' : 'FAIL'}`,
  );

  // The manager: first rows painted (three openings, each closed once its rows show, beside the empty page), then
  // opened once more for the whole book, which is scrolled from top to bottom in 300 jumps, one per frame, timing
  // each frame in the page.
  const managerFloor: number[] = [];
  const managerFirst: { painted: number; inDom: number }[] = [];
  // Each opening after the worker has rested: the popups above had it read its saved index, and a manager tab closed
  // early leaves its worker finishing the page of 5,000 customers it was reading.
  const rest = () => new Promise((resolve) => setTimeout(resolve, 5000));
  for (let i = 0; i < 3; i++) {
    await rest();
    managerFloor.push((await blank()).painted);
    managerFirst.push(await managerRows());
  }
  await rest();
  const firstRows = stats(managerFirst.map((m) => m.painted));
  const managerBlank = stats(managerFloor);
  const { page: manager } = await firstPaint(browser, 'manager.html', 'tbody tr:not(.spacer)');
  // Loaded when the count reads "显示 N / 共 N" with every customer (it says 正在载入 until then).
  await manager.waitForFunction(
    (n) => (document.querySelector('.count')?.textContent ?? '').replace(/[,\s]/g, '').includes(`共${n}个客户`),
    COUNT,
    { timeout: 300_000 },
  );
  const loaded = Math.round(await manager.evaluate(() => performance.now()));
  // The baseline: the same 300 frames in the same page without scrolling, which shows this browser's own pacing.
  const frameTimes = (scroll: boolean) =>
    manager.evaluate(async (moving) => {
      const box = document.querySelector('.table-scroll') as HTMLElement;
      const out: number[] = [];
      let last = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
      for (let i = 1; i <= 300; i++) {
        if (moving) box.scrollTop = ((box.scrollHeight - box.clientHeight) * i) / 300;
        const now = await new Promise<number>((resolve) => requestAnimationFrame(resolve));
        out.push(now - last);
        last = now;
      }
      return out;
    }, scroll);
  const idle = stats(await frameTimes(false));
  const scrolling = stats(await frameTimes(true));
  // Again over the same rows: the glyphs of every name are now rasterised and cached, as after a clerk's first look.
  const again = stats(await frameTimes(true));
  // A frame of 16.8 ms is the display's own rhythm here (60 Hz, measured to the tenth): a frame missed shows as 33.3.
  const scrollPass = scrolling.p95 <= Math.max(16.7, idle.p95);
  const managerReport = {
    firstRows,
    firstRowsInDom: stats(managerFirst.map((m) => m.inDom)),
    blankPage: managerBlank,
    wholeBookLoadedMs: loaded,
    idleFrames: idle,
    scrollFrames: scrolling,
    scrollFramesAgain: again,
    scrollPass,
  };
  console.log(
    `manager, ${COUNT} customers: first rows painted p50 ${firstRows.p50} ms (max ${firstRows.max}; an empty ` +
      `extension page p50 ${managerBlank.p50} ms) (target ≤ 500: ${firstRows.p50 <= 500 ? 'PASS' : 'FAIL'}), ` +
      `whole book loaded ${loaded} ms; scrolling top to bottom: frame p50 ${scrolling.p50} ms, p95 ${scrolling.p95} ms ` +
      `(the same frames without scrolling: p50 ${idle.p50} ms, p95 ${idle.p95} ms; scrolled again: p50 ${again.p50} ms, ` +
      `p95 ${again.p95} ms) ` +
      `(target ≤ 16.7, or no worse than this browser's own pacing without scrolling: ${scrollPass ? 'PASS' : 'FAIL'})`,
  );
  await manager.close();

  const report = {
    customers: COUNT,
    seeded,
    firstSearchMs: first.ms,
    firstSearchAfterRestartMs: restarted.ms,
    ...keystrokes,
    target: TARGET_MS,
    pass: keystrokes.p95 <= TARGET_MS,
    popup: popupReport,
    manager: managerReport,
  };
  console.log(
    `keystroke → suggestions visible, ${COUNT} customers: p50 ${report.p50} ms, p95 ${report.p95} ms, max ${report.max} ms ` +
      `over ${report.samples} keystrokes`,
  );
  console.log(`p95 ≤ ${TARGET_MS} ms: ${report.pass ? 'PASS' : 'FAIL'}`);
  mkdirSync(resolve(OUT, '..'), { recursive: true });
  writeFileSync(OUT, `${JSON.stringify(report, null, 2)}\n`);
} finally {
  await browser.close();
  rmSync(extensionDir, { recursive: true, force: true });
  await portal.close();
}
