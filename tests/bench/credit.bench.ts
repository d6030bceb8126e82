// Runs in the manager page (bundled by credit-run.ts): the credit check at fill time over 100,000 stored invoices for
// 5,000 buyers, in the extension's own IndexedDB (a book of its own, deleted afterwards), with the reader the worker
// keeps warm as it is in use, cold, and beside a baseline that reads all of the buyer's invoices.
import { creditOf, creditReader } from '../../lib/db/credit';
import { openBook } from '../../lib/db/open';
import { chinaDay, creditState } from '../../lib/domain/credit';
import type { Customer } from '../../lib/domain/customer';
import { generateCustomers } from '../support/generate';
import { generateInvoices } from '../support/generate-invoices';
import { stats } from './stats';

type Checked = Pick<Customer, 'taxId' | 'creditLimit'>;
const REPEAT = 20;

/** A seeded shuffle, so that every run checks the same buyers in the same order. */
function shuffled<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let s = seed;
  for (let i = out.length - 1; i > 0; i--) {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648;
    const j = s % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

async function timed<T>(samples: number[], run: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await run();
  samples.push(performance.now() - start);
  return result;
}

export async function runCreditBench(invoiceCount: number, buyerCount: number, checks: number) {
  const today = chinaDay(Date.now());
  const customers = generateCustomers(buyerCount, 7);
  const invoices = generateInvoices(customers, invoiceCount, { until: today, months: 36, seed: 7 });
  const name = `taitou-bench-credit-${Date.now()}`;
  const db = await openBook(name);
  try {
    // Stored as an import stores them, in one transaction (the import's own checks are not what is measured here).
    let t = performance.now();
    const tx = db.transaction('invoices', 'readwrite');
    const now = Date.now();
    for (const invoice of invoices) {
      tx.store.put({ ...invoice, file: 'bench.xlsx', batch: 'bench', importedAt: now, updatedAt: now } as never);
    }
    await tx.done;
    const storeMs = performance.now() - t;

    // The buyers checked: a seeded sample of those with invoices, half with a monthly limit, half with a total one.
    const perBuyer = new Map<string, number>();
    for (const i of invoices) if (i.buyerTaxId) perBuyer.set(i.buyerTaxId, (perBuyer.get(i.buyerTaxId) ?? 0) + 1);
    const buyers = shuffled(
      customers.filter((c) => perBuyer.has(c.taxId)),
      11,
    ).slice(0, checks);
    const limited = (c: Customer, i: number): Checked => ({
      taxId: c.taxId,
      creditLimit: { amount: 500_000, period: i % 2 === 0 ? 'month' : 'total' },
    });
    const monthly = buyers.map((c) => limited(c, 0));
    const total = buyers.map((c) => limited(c, 1));
    const heaviest = [...perBuyer.entries()].sort((a, b) => b[1] - a[1])[0] ?? ['', 0];

    // Cold: a buyer's first check, nothing kept (a worker just started, or its invoices just imported).
    const coldMonth: number[] = [];
    const coldTotal: number[] = [];
    for (const c of monthly) await timed(coldMonth, () => creditOf(db, c, today));
    for (const c of total) await timed(coldTotal, () => creditOf(db, c, today));

    // Warm, as in use: the worker's one reader; the inline list asks for the credit of the suggestions it shows
    // (page:credit), which reads each buyer's period once; the fill of the chosen one then checks again.
    // A page's clock ticks in 0.1 ms steps, so each check at fill is timed as the mean of REPEAT in a row.
    const reader = creditReader(db);
    const shown: number[] = [];
    const atFill: number[] = [];
    for (const c of [...monthly, ...total]) {
      await timed(shown, () => reader.creditOf(c, today));
      const start = performance.now();
      for (let i = 0; i < REPEAT; i++) await reader.creditOf(c, today);
      atFill.push((performance.now() - start) / REPEAT);
    }

    // Baseline: read every invoice of the buyer and sum the period from them.
    const baseline: number[] = [];
    for (const c of monthly) {
      await timed(baseline, async () =>
        creditState(c.creditLimit, await db.getAllFromIndex('invoices', 'buyerTaxId', c.taxId), today),
      );
    }
    // The same answers, whichever way: a check the bench cannot trust is worth nothing.
    let mismatches = 0;
    for (const c of monthly.slice(0, 50)) {
      const a = await creditOf(db, c, today);
      const b = creditState(c.creditLimit, await db.getAllFromIndex('invoices', 'buyerTaxId', c.taxId), today);
      if (a.used !== b.used || a.level !== b.level) mismatches++;
    }
    t = performance.now();
    await creditOf(db, { taxId: heaviest[0], creditLimit: { amount: 1, period: 'total' } }, today);
    const heaviestTotalMs = performance.now() - t;
    t = performance.now();
    await creditOf(db, { taxId: heaviest[0], creditLimit: { amount: 1, period: 'month' } }, today);
    const heaviestMonthMs = performance.now() - t;

    return {
      invoices: invoices.length,
      customers: customers.length,
      buyers: perBuyer.size,
      checked: buyers.length,
      today,
      storeMs,
      heaviest: { invoices: heaviest[1], totalMs: heaviestTotalMs, monthMs: heaviestMonthMs },
      warmAtFill: stats(atFill),
      warmWhenShown: stats(shown),
      coldMonth: stats(coldMonth),
      coldTotal: stats(coldTotal),
      baseline: stats(baseline),
      mismatches,
    };
  } finally {
    db.close();
    indexedDB.deleteDatabase(name);
  }
}
