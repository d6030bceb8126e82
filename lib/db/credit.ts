import { type CreditState, creditOfSum, type PeriodSum, periodDays, sumPeriod } from '../domain/credit';
import type { Customer } from '../domain/customer';
import type { InvoiceDraft } from '../domain/invoice';
import { normalizeTaxId } from '../domain/normalize';
import type { TaitouDB } from './open';

type Counted = Pick<InvoiceDraft, 'issuedOn' | 'total' | 'void'>;
type Days = { from: string; to: string } | null;

/** A customer's credit, and the stored invoices of the period that could not be read (left out of `used`). */
export type CreditReading = CreditState & { unreadable: string[] };

/** A buyer's period, read: its sum and the ids of records too broken to count. */
interface PeriodReading {
  sum: PeriodSum;
  unreadable: string[];
}

// Measured in Chromium on 100,000 invoices (about 2,800 a month): reading a buyer's records costs some 80 µs each,
// a key some 5 µs. Up to this many invoices a buyer's whole history is read at once: counting first would cost more.
const FEW = 100;
// Past that, a month is picked out by keys when the buyer has at least a tenth as many invoices as the whole book has
// that month: the month's keys are then cheaper than the records of other months.
const KEYS_PER_RECORD = 10;

/**
 * What the sum needs of a stored record, checked by hand rather than with InvoiceSchema: parsing every item of
 * every invoice would cost more than a fill may spend here, and nothing else of the record is used.
 */
function countable(raw: unknown): raw is Counted {
  const r = raw as Partial<Counted> | undefined;
  return (
    typeof r?.issuedOn === 'string' &&
    /^\d{4}-\d{2}-\d{2}$/.test(r.issuedOn) &&
    Number.isSafeInteger(r.total) &&
    typeof r.void === 'boolean'
  );
}

/** The stored invoices of one buyer that may fall within `days` (all of them when null), in one transaction. */
async function recordsOf(db: TaitouDB, taxId: string, days: Days): Promise<unknown[]> {
  const tx = db.transaction('invoices', 'readonly');
  const byBuyer = tx.store.index('buyerTaxId');
  if (days === null) return byBuyer.getAll(taxId);
  // Counting costs next to nothing; most buyers are then read whole, in one request.
  const count = await byBuyer.count(taxId);
  if (count <= FEW) return count === 0 ? [] : byBuyer.getAll(taxId);
  const range = IDBKeyRange.bound(days.from, days.to);
  const inMonth = await tx.store.index('issuedOn').count(range);
  if (count * KEYS_PER_RECORD < inMonth) return byBuyer.getAll(taxId);
  // A compound [buyerTaxId, issuedOn] index would find these in one read; this schema has the two apart.
  const [keys, month] = await Promise.all([byBuyer.getAllKeys(taxId), tx.store.index('issuedOn').getAllKeys(range)]);
  const inPeriod = new Set(month);
  return Promise.all(keys.filter((key) => inPeriod.has(key)).map((key) => tx.store.get(key)));
}

async function readPeriod(db: TaitouDB, taxId: string, days: Days): Promise<PeriodReading> {
  const counted: Counted[] = [];
  const unreadable: string[] = [];
  for (const record of await recordsOf(db, taxId, days)) {
    if (countable(record)) counted.push(record);
    else if (record !== undefined) unreadable.push(String((record as { id?: unknown }).id ?? ''));
  }
  return { sum: sumPeriod(counted, days), unreadable };
}

type CreditCustomer = Pick<Customer, 'taxId' | 'creditLimit'>;

/** What a customer's credit needs read, or null when nothing is: no limit, or no tax ID to find invoices by. */
function wanted(customer: CreditCustomer, today: string): { taxId: string; days: Days } | null {
  const limit = customer.creditLimit;
  // periodDays checks `today` before anything is read.
  const days = periodDays(limit?.period ?? 'total', today);
  const taxId = normalizeTaxId(customer.taxId);
  return limit && taxId ? { taxId, days } : null;
}

const NOTHING: PeriodReading = { sum: { used: 0, counted: 0 }, unreadable: [] };

function reading(customer: CreditCustomer, period: PeriodReading, today: string, pending: number): CreditReading {
  return { ...creditOfSum(customer.creditLimit, period.sum, today, pending), unreadable: period.unreadable };
}

/**
 * A customer's credit on `today` ('YYYY-MM-DD', China time; see chinaDay) with `pending` fen about to be invoiced,
 * from its stored invoices of the period, found by its tax ID. A customer without a limit costs no read; one
 * without a tax ID has no invoices to count (natural persons' invoices cannot be told apart). Stored records too
 * broken to count are left out and named in `unreadable`, so the clerk can be told the figure may be low.
 */
export async function creditOf(
  db: TaitouDB,
  customer: CreditCustomer,
  today: string,
  pending = 0,
): Promise<CreditReading> {
  const want = wanted(customer, today);
  return reading(customer, want ? await readPeriod(db, want.taxId, want.days) : NOTHING, today, pending);
}

/** creditOf with each buyer's period kept in memory; see creditReader. */
export interface CreditReader {
  creditOf(customer: CreditCustomer, today: string, pending?: number): Promise<CreditReading>;
  /** Drops what is kept of these buyers (by tax ID), or of everyone: call it once invoices are written. */
  forget(taxIds?: Iterable<string>): void;
}

/**
 * creditOf for the background, which checks the same customers over and over (each suggestion, then the fill): a
 * buyer's period is read once and kept, so later checks cost no read, whatever the limit or pending amount. What
 * is kept is not told of new invoices: whoever writes invoices (an import, a restore, a merge) calls forget once
 * the write has committed. A new month is a new period and is read afresh. At most `size` periods are kept, the
 * least recently used going first.
 */
export function creditReader(db: TaitouDB, size = 2000): CreditReader {
  const kept = new Map<string, Promise<PeriodReading>>();
  const keyOf = (taxId: string, days: Days) => `${taxId} ${days?.from ?? 'total'}`;
  return {
    async creditOf(customer, today, pending = 0) {
      const want = wanted(customer, today);
      if (!want) return reading(customer, NOTHING, today, pending);
      const key = keyOf(want.taxId, want.days);
      let period = kept.get(key);
      if (period) kept.delete(key);
      else {
        period = readPeriod(db, want.taxId, want.days);
        // A failed read is not kept: the next check tries again.
        period.catch(() => kept.get(key) === period && kept.delete(key));
      }
      kept.set(key, period);
      for (const oldest of kept.keys()) {
        if (kept.size <= size) break;
        kept.delete(oldest);
      }
      return reading(customer, await period, today, pending);
    },
    forget(taxIds) {
      if (!taxIds) return kept.clear();
      const buyers = new Set([...taxIds].map(normalizeTaxId));
      for (const key of [...kept.keys()]) if (buyers.has(key.slice(0, key.indexOf(' ')))) kept.delete(key);
    },
  };
}
