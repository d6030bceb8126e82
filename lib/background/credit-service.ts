import { type CreditReader, type CreditReading, creditReader } from '../db/credit';
import { getCustomers } from '../db/customers';
import type { TaitouDB } from '../db/open';
import { chinaDay } from '../domain/credit';
import type { Customer } from '../domain/customer';
import type { Tier } from '../domain/tiers';
import { fillNotesOf, fillValuesOf } from '../fill/values-of';
import type { CreditView, Handlers } from '../messaging/protocol';
import type { FillRequest } from '../messaging/tab';
import { onTiersChange, storedTiers } from '../settings/tiers';

/** A customer's credit as the inline list and the popup show it; null without a limit. */
export function creditView(reading: CreditReading): CreditView | null {
  const { level, period, limit, used, remaining, percent } = reading;
  if (level === 'none' || period === null || limit === null || remaining === null || percent === null) return null;
  return { level, period, limit, used, remaining, percent };
}

/** The worker's credit checks and fill requests: one credit reader for the worker's life, and the tiers it keeps. */
export interface CreditService {
  /** A customer's credit today (China time), through the reader: the first check of a buyer reads, later ones not. */
  creditOf(customer: Customer): Promise<CreditReading>;
  /** Drops what the reader keeps of these buyers (by tax ID), or of all: call it once invoices were written. */
  forget(taxIds?: Iterable<string>): void;
  /** What a tab gets to fill one customer: its values with the defaults that apply, and notes for the clerk. */
  fillRequest(customer: Customer, entryId?: string): Promise<FillRequest>;
  handlers: Pick<Handlers, 'page:credit'>;
}

/** Where the tiers come from: extension storage, read once and kept in step with every change. */
export function storageTiers(): () => Promise<Tier[]> {
  let kept: Promise<Tier[]> | null = null;
  try {
    onTiersChange((tiers) => {
      kept = Promise.resolve(tiers);
    });
  } catch {
    // No extension storage (a test without it): every call reads, which fails into the built-in tiers below.
  }
  return () => {
    kept ??= storedTiers().catch(() => {
      kept = null;
      return [];
    });
    return kept;
  };
}

/**
 * Credit for the background: a reader kept as long as the worker lives (each suggestion shown reads a buyer's
 * period once; the fill after it costs no read), `now` giving the day in China.
 */
export function creditService(
  db: TaitouDB,
  tiers: () => Promise<readonly Tier[]> = storageTiers(),
  now: () => number = Date.now,
  reader: CreditReader = creditReader(db),
): CreditService {
  const creditOf = (customer: Customer) => reader.creditOf(customer, chinaDay(now()));
  return {
    creditOf,
    forget: (taxIds) => reader.forget(taxIds),
    async fillRequest(customer, entryId) {
      const context = { tiers: await tiers(), today: chinaDay(now()), entryId };
      // A credit that cannot be read must not stop the fill: the clerk is then simply not warned.
      const credit = await creditOf(customer).catch(() => undefined);
      const notes = fillNotesOf(customer, context, credit);
      const values = fillValuesOf(customer, entryId, context);
      return notes ? { type: 'taitou:fill', values, notes } : { type: 'taitou:fill', values };
    },
    handlers: {
      'page:credit': async ({ ids }) => {
        const customers = await getCustomers(db, ids);
        const readings = await Promise.all(customers.map((c) => creditOf(c).catch(() => null)));
        const out: Record<string, CreditView> = {};
        customers.forEach((customer, i) => {
          const reading = readings[i];
          const view = reading ? creditView(reading) : null;
          if (view) out[customer.id] = view;
        });
        return out;
      },
    },
  };
}
