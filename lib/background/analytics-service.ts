import { type Analytics, analyse } from '../analytics/analyse';
import type { AnalysableCustomer, AnalysableInvoice } from '../analytics/input';
import type { TaitouDB } from '../db/open';
import { openCustomer } from '../db/sealed';
import { chinaDay } from '../domain/credit';
import { InvoiceItemSchema, InvoiceSchema } from '../domain/invoice';
import { normalizeTaxId } from '../domain/normalize';
import { z } from '../domain/zod';
import type { Handlers, MessageData } from '../messaging/protocol';

/** The options of an analysis without `today`, which the worker takes from its own clock (see the protocol). */
export type AnalyticsRequest = MessageData<'page:analytics'>;

/** The figures of the whole book, and what the worker could not count. */
export interface AnalyticsReply {
  analytics: Analytics;
  /** Stored invoices whose fields the analytics read no longer validate: left where they are, not counted. */
  skippedInvoices: number;
  /** Stored customers without the fields the analytics read (id, name, tax ID, tier): not linked to invoices. */
  skippedCustomers: number;
}

const invoice = InvoiceSchema.shape;
const item = InvoiceItemSchema.shape;
/**
 * The fields of a stored invoice the analytics read, each checked by the stored schema's own rule for it, and the
 * total still the amount plus tax. Only these: checking every field of 100,000 invoices took about as long as the
 * analysis itself, and a field not read (remarks, issuer) cannot change a figure.
 */
const AnalysedInvoiceSchema = z
  .object({
    buyerTaxId: invoice.buyerTaxId,
    buyerName: invoice.buyerName,
    issuedOn: invoice.issuedOn,
    amount: invoice.amount,
    tax: invoice.tax,
    total: invoice.total,
    red: invoice.red,
    void: invoice.void,
    items: z
      .array(z.object({ name: item.name, taxCode: item.taxCode, amount: item.amount, tax: item.tax }))
      .max(10_000),
  })
  .refine((i) => i.total === i.amount + i.tax);

/** The part of a customer the analytics read; the rest of a record may be anything (the book checks it on write). */
const CustomerFieldsSchema = z.object({
  id: z.string().min(1),
  name: z.string(),
  taxId: z.string(),
  tier: z.string(),
});

/**
 * The analytics of every invoice and customer in the book as of `now`'s day in China. Each stored invoice's analysed
 * fields are checked; one that fails is skipped and counted, never changed (the next export of it mends it).
 */
export async function bookAnalytics(
  db: TaitouDB,
  request: AnalyticsRequest,
  now: number = Date.now(),
): Promise<AnalyticsReply> {
  // One read-only transaction: the invoices and customers are of the same moment.
  const tx = db.transaction(['invoices', 'customers'], 'readonly');
  const [rawInvoices, storedCustomers] = await Promise.all([
    tx.objectStore('invoices').getAll(),
    tx.objectStore('customers').getAll(),
  ]);
  await tx.done;
  const rawCustomers = await Promise.all(storedCustomers.map((c) => openCustomer(db, c)));

  const invoices: AnalysableInvoice[] = [];
  let skippedInvoices = 0;
  for (const raw of rawInvoices) {
    const parsed = AnalysedInvoiceSchema.safeParse(raw);
    if (parsed.success) invoices.push(parsed.data);
    else skippedInvoices += 1;
  }
  const customers: AnalysableCustomer[] = [];
  let skippedCustomers = 0;
  for (const raw of rawCustomers) {
    const parsed = CustomerFieldsSchema.safeParse(raw);
    // The book stores tax IDs normalised; normalising again costs little and keeps the link when an old record did not.
    if (parsed.success) customers.push({ ...parsed.data, taxId: normalizeTaxId(parsed.data.taxId) });
    else skippedCustomers += 1;
  }
  const analytics = analyse(invoices, customers, { ...request, today: chinaDay(now) });
  return { analytics, skippedInvoices, skippedCustomers };
}

/** The worker's answer to the analytics page; `now` reads the clock (a test passes its own). */
export function analyticsHandlers(db: TaitouDB, now: () => number = Date.now): Pick<Handlers, 'page:analytics'> {
  return {
    'page:analytics': (request) => bookAnalytics(db, request, now()),
  };
}
