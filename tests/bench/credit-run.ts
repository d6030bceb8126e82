// The credit check at fill time (issue 7: ≤ 2 ms): 100,000 invoices for 5,000 buyers in IndexedDB, in Chromium
// inside the extension's manager page. Run: `npx wxt build && npx tsx tests/bench/credit-run.ts`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { launchWithExtension } from '../support/browser';
import { bundleScript } from '../support/bundle-script';
import type { runCreditBench } from './credit.bench';

const INVOICES = Number(process.env.BENCH_INVOICES ?? 100_000);
const BUYERS = Number(process.env.BENCH_BUYERS ?? 5_000);
const CHECKS = Number(process.env.BENCH_CHECKS ?? 400);
const TARGET_MS = 2;
const OUT = resolve(import.meta.dirname, '../../test-results/bench-credit.json');

const code = await bundleScript(resolve(import.meta.dirname, 'credit.bench.ts'), 'TaitouCreditBench');
const browser = await launchWithExtension();
try {
  const page = await browser.context.newPage();
  await page.goto(browser.url('manager.html'));
  await page.evaluate(code);
  const r = await page.evaluate(
    ([invoices, buyers, checks]) =>
      (
        globalThis as unknown as { TaitouCreditBench: { runCreditBench: typeof runCreditBench } }
      ).TaitouCreditBench.runCreditBench(invoices, buyers, checks),
    [INVOICES, BUYERS, CHECKS] as const,
  );
  const verdict = (ms: number) => (ms <= TARGET_MS ? 'PASS' : 'FAIL');
  const line = (label: string, s: { p50: number; p95: number }, judged = false) =>
    `  ${label.padEnd(58)} p50 ${s.p50.toFixed(3)} ms, p95 ${s.p95.toFixed(3)} ms` +
    (judged ? ` (target ≤ ${TARGET_MS}): ${verdict(s.p95)}` : '');
  console.log(
    `Credit check at fill: ${r.invoices} invoices for ${r.customers} customers (${r.buyers} of them with invoices) ` +
      `in IndexedDB, ${r.checked} buyers checked, half with a monthly limit and half with a total one ` +
      `(headless Chromium, manager page, today ${r.today}; stored in ${Math.round(r.storeMs)} ms)`,
  );
  console.log(line('at fill, warm (read when its suggestion showed; mean of 20)', r.warmAtFill, true));
  console.log(line('when the suggestion shows (the first check, reading)', r.warmWhenShown));
  console.log(line('cold, monthly limit (one buyer read by keys, nothing kept)', r.coldMonth, true));
  console.log(line('cold, total limit (all of the buyer read, nothing kept)', r.coldTotal, true));
  console.log(line("baseline: read all of the buyer's invoices, then sum", r.baseline));
  console.log(
    `  heaviest buyer (${r.heaviest.invoices} invoices), cold: monthly ${r.heaviest.monthMs.toFixed(1)} ms, ` +
      `total ${r.heaviest.totalMs.toFixed(1)} ms; answers differing from the baseline: ${r.mismatches}`,
  );
  mkdirSync(resolve(OUT, '..'), { recursive: true });
  writeFileSync(OUT, JSON.stringify({ ...r, targetMs: TARGET_MS }, null, 2));
} finally {
  await browser.close();
}
