// The automatic snapshots at 100,000 customers, in Chromium: the time to take one (the read of the book, which the
// write it precedes waits for, and the write), its size on disk, and the time to restore one. `tsx tests/bench/snapshot-run.ts`
// after `npx wxt build`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../support/browser';
import { bundleScript } from '../support/bundle-script';
import type * as Bench from './snapshot.bench';

const COUNT = Number(process.env.BENCH_COUNT ?? 100_000);
const OUT = resolve(import.meta.dirname, '../../test-results/bench-snapshot.json');

const code = await bundleScript(resolve(import.meta.dirname, 'snapshot.bench.ts'), 'TaitouSnapshots');
const browser = await launchWithExtension();
type Api = typeof Bench;
const run = <K extends keyof Api>(page: import('@playwright/test').Page, name: K, ...args: Parameters<Api[K]>) =>
  page.evaluate(
    ([name, args]) =>
      (
        (globalThis as unknown as { TaitouSnapshots: Record<string, (...a: unknown[]) => unknown> }).TaitouSnapshots[
          name
        ] as (...a: unknown[]) => unknown
      )(...args),
    [name, args] as const,
  ) as Promise<Awaited<ReturnType<Api[K]>>>;
try {
  const page = await browser.context.newPage();
  await page.goto(browser.url('capture.html'));
  await page.evaluate(code);
  const seeded = await run(page, 'seedBook', COUNT);
  console.log(`seeded ${COUNT} customers in ${seeded.writeMs} ms`);
  console.log(`index built by the worker (first search): ${await run(page, 'timeSearch', 'xiaomi')} ms`);
  const first = await run(page, 'timeFirstWrite', '温州瓯江阀门制造有限公司');
  console.log(
    `day's first write: answered in ${first.writeMs} ms; the day's snapshot, taken after it, kept after ${first.keptMs} ms`,
  );
  console.log(`a later write the same day: ${await run(page, 'timeWrite', '台州椒江船舶配件有限公司')} ms`);
  const inPage = await run(page, 'timeSnapshot');
  console.log(
    `snapshot of ${inPage.customers} customers taken in a page: read ${inPage.readMs} ms, write ${inPage.writeMs} ms, ` +
      `${(inPage.bytes / 1024 / 1024).toFixed(1)} MB more on disk`,
  );
  const restore = await run(page, 'timeRestore');
  console.log(`restore of ${restore.restored} customers (after keeping the book as it was): ${restore.ms} ms`);
  mkdirSync(resolve(OUT, '..'), { recursive: true });
  writeFileSync(OUT, JSON.stringify({ count: COUNT, first, inPage, restore }, null, 2));
} finally {
  await browser.close();
}
