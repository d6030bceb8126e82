// `npm run bench`, fifth part: the 去重 scan of 100,000 customers with 2% planted duplicates, and the check on a
// single add, in Chromium inside the manager page.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../support/browser';
import { bundleScript } from '../support/bundle-script';
import type { runDedupBench } from './dedup.bench';

const COUNT = Number(process.env.BENCH_COUNT ?? 100_000);
const TARGETS = { scanMs: 3000, checkMs: 5 };
const OUT = resolve(import.meta.dirname, '../../test-results/bench-dedup.json');

const code = await bundleScript(resolve(import.meta.dirname, 'dedup.bench.ts'), 'TaitouDedupBench');
// --expose-gc: the bench collects the generator's garbage before it starts the clock (see settle in dedup.bench.ts).
const browser = await launchWithExtension({ extraArgs: ['--js-flags=--expose-gc'] });
try {
  const page = await browser.context.newPage();
  await page.goto(browser.url('manager.html'));
  await page.evaluate(code);
  const r = await page.evaluate(
    (n) =>
      (
        globalThis as unknown as { TaitouDedupBench: { runDedupBench: typeof runDedupBench } }
      ).TaitouDedupBench.runDedupBench(n),
    COUNT,
  );
  const verdict = (ok: boolean) => (ok ? 'PASS' : 'FAIL');
  console.log(
    `去重 scan of ${r.customers} customers with ${r.planted} planted duplicates (headless Chromium, manager page` +
      `${r.settled ? ', heap settled before each timing' : ''})`,
  );
  console.log(
    `  scan, cold (blocks built, then scanned) ${Math.round(r.scanMs)} ms (target ≤ ${TARGETS.scanMs}): ` +
      `${verdict(r.scanMs <= TARGETS.scanMs)}; baseline (exact name-key grouping) ${Math.round(r.exactMs)} ms, ` +
      `ratio ${(r.scanMs / r.exactMs).toFixed(1)}×`,
  );
  console.log(
    `  scan, warm (over blocks built ahead) ${Math.round(r.warmMs)} ms; building the blocks ${Math.round(r.buildMs)} ms` +
      `${r.warmClusters === r.clusters && r.warmRecall === r.recall ? '' : ' (RESULTS DIFFER from the cold scan)'}`,
  );
  console.log(
    `  pairs compared ${r.pairsCompared}, clusters ${r.clusters}, planted duplicates found ${(r.recall * 100).toFixed(1)}%`,
  );
  console.log(
    `  check on one add p50 ${r.check.p50} ms, p95 ${r.check.p95} ms (target ≤ ${TARGETS.checkMs}): ` +
      `${verdict(r.check.p95 <= TARGETS.checkMs)}; naive name scan p95 ${r.naiveCheck.p95} ms`,
  );
  mkdirSync(resolve(OUT, '..'), { recursive: true });
  writeFileSync(OUT, JSON.stringify({ ...r, targets: TARGETS }, null, 2));
} finally {
  await browser.close();
}
