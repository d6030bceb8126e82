import type { IDBPTransaction } from 'idb';
import { type CustomerDraft, CustomerInputSchema } from '../domain/customer';
import {
  type Invoice,
  type InvoiceDraft,
  InvoiceDraftSchema,
  InvoiceSchema,
  LOCAL_PREFIX,
  newestFirst,
} from '../domain/invoice';
import { normalizeTaxId } from '../domain/normalize';
import { normalizeDraft } from '../domain/validate';
import { quietAbort } from './abort';
import { createIn } from './customers';
import type { TaitouDB } from './open';
import type { TaitouSchema } from './schema';
import { indexKey, within } from './sealed';

type ImportTx = IDBPTransaction<TaitouSchema, ('invoices' | 'customers' | 'audit')[], 'readwrite'>;

export interface ImportInvoicesOptions {
  /** The file the invoices were read from, kept on each invoice. */
  file?: string;
  /**
   * The import's id: kept on each invoice it writes (the import that last wrote it) and on the audit entries of the
   * pending customers it creates, so that undoBatch takes those customers back. The invoices stay: undo does not
   * touch invoice history, and an export read again finds them already there.
   */
  batch?: string;
  now?: number;
  /** Aborting rolls the whole import back (invoices and customers are left exactly as before) and rejects. */
  signal?: AbortSignal;
}

export interface ImportInvoicesResult {
  batch: string;
  added: number;
  /** Stored invoices the export had news of: voided or red-flushed since, or items the stored one lacked. */
  updated: number;
  unchanged: number;
  /** The ids of the pending customers created for buyers the book did not have. */
  customersCreated: string[];
  /** Invoices that failed validation, by their index in the input, with the reasons; nothing of them was written. */
  refused: { index: number; issues: string[] }[];
}

/**
 * How far an invoice's life has gone: normal, then red-flushed in part, in full, or voided. An export is a snapshot,
 * so an older file read after a newer one must not bring a voided invoice back.
 */
function stage(invoice: Pick<InvoiceDraft, 'void' | 'redFlushed' | 'status'>): number {
  if (invoice.void) return 3;
  if (!invoice.redFlushed) return 0;
  return /部分/.test(invoice.status) ? 1 : 2;
}

/** A value as text with every object's keys in order, so that equal records read back from storage compare equal. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** What an export says about an invoice, without where and when it was read. */
function facts(invoice: InvoiceDraft | Invoice): string {
  const { file: _f, batch: _b, importedAt: _i, updatedAt: _u, ...rest } = invoice as Invoice;
  return canonical(rest);
}

/** The stored invoice updated with what the incoming one adds, or null when it adds nothing. */
function merged(stored: Invoice, incoming: InvoiceDraft): InvoiceDraft | null {
  const base: InvoiceDraft = stage(incoming) < stage(stored) ? { ...incoming, ...statusOf(stored) } : incoming;
  // The basic export has no items; reading it after the detailed one keeps the items already known.
  const next = base.items.length === 0 && stored.items.length > 0 ? { ...base, items: stored.items } : base;
  return facts(next) === facts(stored) ? null : next;
}

const statusOf = ({ status, void: voided, redFlushed }: Invoice) => ({ status, void: voided, redFlushed });

/** A pending customer made from what an invoice says of its buyer; null when that is not enough for one. */
function pendingCustomer(invoice: InvoiceDraft): CustomerDraft | null {
  const parsed = CustomerInputSchema.safeParse({
    name: invoice.buyerName,
    taxId: invoice.buyerTaxId,
    // GB 32100: a credit code beginning 92 is an individual business (个体工商户).
    kind: invoice.buyerTaxId.startsWith('92') ? 'individualBusiness' : 'company',
    entries: [{ id: 'main' }],
    defaultEntryId: 'main',
    source: 'import',
    review: { status: 'pending' },
  });
  return parsed.success ? normalizeDraft(parsed.data) : null;
}

/**
 * Stores the invoices of an export in one transaction over invoices, customers and audit: all of it is written, or
 * none. An invoice already stored (same number) is left alone unless the export has news of it, so reading the same
 * export twice adds nothing. Each buyer tax ID of a new invoice that the book does not know becomes one pending
 * customer (source import), named as on the buyer's latest invoice; invoices link to customers by the buyer's tax ID.
 */
export async function importInvoices(
  db: TaitouDB,
  invoices: readonly unknown[],
  opts: ImportInvoicesOptions = {},
): Promise<ImportInvoicesResult> {
  const batch = opts.batch ?? crypto.randomUUID();
  const now = opts.now ?? Date.now();
  const result: ImportInvoicesResult = { batch, added: 0, updated: 0, unchanged: 0, customersCreated: [], refused: [] };
  const valid: InvoiceDraft[] = [];
  for (const [index, raw] of invoices.entries()) {
    const parsed = InvoiceDraftSchema.safeParse(raw);
    if (parsed.success) valid.push({ ...parsed.data, buyerTaxId: normalizeTaxId(parsed.data.buyerTaxId) });
    else result.refused.push({ index, issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
  }

  opts.signal?.throwIfAborted();
  const tx: ImportTx = db.transaction(['invoices', 'customers', 'audit'], 'readwrite');
  const abort = quietAbort(tx);
  opts.signal?.addEventListener('abort', abort, { once: true });
  try {
    await write(tx, valid, batch, now, opts.file ?? '', result);
  } catch (error) {
    await abort();
    throw opts.signal?.aborted ? opts.signal.reason : error;
  } finally {
    opts.signal?.removeEventListener('abort', abort);
  }
  return result;
}

/** The writes of importInvoices, in its transaction; resolves once the transaction has committed. */
async function write(
  tx: ImportTx,
  valid: readonly InvoiceDraft[],
  batch: string,
  now: number,
  file: string,
  result: ImportInvoicesResult,
): Promise<void> {
  const store = tx.objectStore('invoices');
  // Requests are queued in one go rather than awaited one by one: a round trip each would make a big export slow.
  const before = await Promise.all(valid.map((invoice) => store.get(invoice.id)));
  const locals = await localStandIns(tx);
  const written = new Map<string, Invoice>();
  const writes: Promise<unknown>[] = [];
  const latestByBuyer = new Map<string, InvoiceDraft>();
  const newBuyers = new Set<string>();
  for (const [index, incoming] of valid.entries()) {
    const raw = written.get(incoming.id) ?? before[index];
    // A stored record that no longer validates is one the export can mend: it says again what the invoice is.
    const stored = raw && InvoiceSchema.safeParse(raw).success ? raw : undefined;
    const next = stored ? merged(stored, incoming) : incoming;
    if (stored && !next) result.unchanged += 1;
    else if (next) {
      const record: Invoice = { ...next, file, batch, importedAt: stored?.importedAt ?? now, updatedAt: now };
      written.set(record.id, record);
      writes.push(store.put(record));
      result[raw ? 'updated' : 'added'] += 1;
      if (!raw) newBuyers.add(incoming.buyerTaxId);
      // The export names an invoice the book recorded as it was issued: the record under the real number replaces it.
      const standIn = raw ? undefined : locals.get(standInKey(incoming))?.pop();
      if (standIn) writes.push(store.delete(standIn));
    }
    const buyer = incoming.buyerTaxId;
    const latest = buyer ? latestByBuyer.get(buyer) : undefined;
    if (buyer && (!latest || newestFirst(incoming, latest) < 0)) latestByBuyer.set(buyer, incoming);
  }

  // Awaited below; a failure before that is thrown by what failed, and the transaction is aborted with it.
  const done = Promise.all([...writes, tx.done]);
  done.catch(() => {});
  const customers = tx.objectStore('customers').index('taxId');
  for (const [taxId, invoice] of latestByBuyer) {
    // Only buyers of invoices new to the book: a pending customer the clerk has since deleted stays deleted when
    // the same export is read again.
    if (!newBuyers.has(taxId)) continue;
    if ((await customers.getKey(await within(tx, indexKey(tx.db, 'taxId', taxId)))) !== undefined) continue;
    const draft = pendingCustomer(invoice);
    if (!draft) continue;
    const created = await createIn(tx, draft, { now, batch });
    if (created.ok) result.customersCreated.push(created.value.id);
  }
  await done;
}

const standInKey = (i: Pick<InvoiceDraft, 'buyerTaxId' | 'issuedOn' | 'total'>) =>
  `${i.buyerTaxId}|${i.issuedOn}|${i.total}`;

/** Invoices recorded on a portal without their number (see portalInvoice), by buyer, day and total. */
async function localStandIns(tx: ImportTx): Promise<Map<string, string[]>> {
  const range = IDBKeyRange.bound(LOCAL_PREFIX, `${LOCAL_PREFIX}\uffff`);
  const byKey = new Map<string, string[]>();
  for (const raw of await tx.objectStore('invoices').getAll(range)) {
    const parsed = InvoiceSchema.safeParse(raw);
    if (!parsed.success) continue;
    const key = standInKey(parsed.data);
    byKey.set(key, [...(byKey.get(key) ?? []), parsed.data.id]);
  }
  return byKey;
}

/**
 * Keeps an invoice the clerk just issued on a portal (see portalInvoice): under its number when the page showed it
 * (an export read later finds it there), else under a local id until an export names it.
 */
export async function recordIssued(db: TaitouDB, draft: InvoiceDraft, now = Date.now()): Promise<Invoice> {
  const record = InvoiceSchema.parse({
    ...draft,
    buyerTaxId: normalizeTaxId(draft.buyerTaxId),
    batch: crypto.randomUUID(),
    importedAt: now,
    updatedAt: now,
  });
  const tx = db.transaction('invoices', 'readwrite');
  // An invoice already known by its number (an export came first) is left as the export says it.
  if ((await tx.store.getKey(record.id)) === undefined) await tx.store.put(record);
  await tx.done;
  return record;
}

/** A customer's invoices, newest first. Records that no longer validate are left where they are and named apart. */
export async function invoicesOf(
  db: TaitouDB,
  customerTaxId: string,
): Promise<{ invoices: Invoice[]; invalid: string[] }> {
  const taxId = normalizeTaxId(customerTaxId);
  // Natural persons have no tax ID: '' would gather every such buyer's invoices under one customer.
  if (!taxId) return { invoices: [], invalid: [] };
  const invoices: Invoice[] = [];
  const invalid: string[] = [];
  for (const raw of await db.getAllFromIndex('invoices', 'buyerTaxId', taxId)) {
    const parsed = InvoiceSchema.safeParse(raw);
    if (parsed.success) invoices.push(parsed.data);
    else invalid.push(String((raw as { id?: unknown }).id ?? ''));
  }
  return { invoices: invoices.sort(newestFirst), invalid };
}
