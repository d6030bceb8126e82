import type { IDBPTransaction } from 'idb';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  type Backup,
  type BackupAuditEntry,
  type BackupProblem,
  type BackupQuarantineEntry,
  type BackupSettings,
  decodeData,
  parseBackup,
} from '../backup/format';
import { toBase64 } from '../domain/attachment';
import { CustomerSchema } from '../domain/customer';
import { InvoiceSchema } from '../domain/invoice';
import type { z } from '../domain/zod';
import { quietAbort } from './abort';
import { openEntry } from './customers';
import type { TaitouDB } from './open';
import type { Attachment, QuarantineEntry, TaitouSchema } from './schema';
import { openCustomer, openFile, type StoredCustomer, sealCustomer, sealEntry, sealFile } from './sealed';

/** Every store of the book; a backup holds them all and a restore writes them in one transaction. */
const STORES = ['customers', 'audit', 'quarantine', 'attachments', 'invoices'] as const;
type RestoreTx = IDBPTransaction<TaitouSchema, (typeof STORES)[number][], 'readwrite'>;
type KeptFile = { meta: Omit<Backup['attachments'][number], 'data'>; data: ArrayBuffer };

export interface ReadBackupOptions {
  now?: number;
  /** The extension's version, recorded in the file. */
  app?: string;
}

/**
 * The whole book as a backup, read in one read-only transaction so that no write lands half in it. A stored
 * customer or invoice that no longer validates goes into the backup's quarantine section (the book itself is not
 * touched), so the file always reads back and loses nothing.
 */
export async function readBackup(
  db: TaitouDB,
  settings: BackupSettings = {},
  opts: ReadBackupOptions = {},
): Promise<Backup> {
  const tx = db.transaction([...STORES], 'readonly');
  const [storedCustomers, storedAudit, quarantine, attachments, rawInvoices] = await Promise.all([
    tx.objectStore('customers').getAll(),
    tx.objectStore('audit').getAll(),
    tx.objectStore('quarantine').getAll(),
    tx.objectStore('attachments').getAll(),
    tx.objectStore('invoices').getAll(),
    tx.done,
  ]);
  // A backup holds the book in the clear (while the lock is on, the clerk may encrypt the file as a whole).
  const [rawCustomers, audit, files] = await Promise.all([
    Promise.all(storedCustomers.map((c) => openCustomer(db, c))),
    Promise.all(storedAudit.map((e) => openEntry(db, e))),
    Promise.all(attachments.map((f) => openFile(db, f))),
  ]);
  const now = opts.now ?? Date.now();
  const parked: QuarantineEntry[] = [];
  const customers = sortOut(rawCustomers, CustomerSchema, 'customers', now, parked);
  const invoices = sortOut(rawInvoices, InvoiceSchema, 'invoices', now, parked);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: now,
    app: opts.app ?? '',
    settings,
    customers,
    audit,
    quarantine: [...quarantine, ...parked],
    attachments: files.map(({ data, ...meta }) => ({ ...meta, data: toBase64(new Uint8Array(data)) })),
    invoices,
  };
}

/** The records that validate; the others are added to `parked` as quarantine entries of `store`, keyed by id. */
function sortOut<T>(
  raws: readonly unknown[],
  schema: z.ZodType<T>,
  store: QuarantineEntry['store'],
  now: number,
  parked: QuarantineEntry[],
): T[] {
  const valid: T[] = [];
  for (const raw of raws) {
    const parsed = schema.safeParse(raw);
    if (parsed.success) valid.push(parsed.data);
    else {
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      const key = String((raw as { id?: unknown }).id ?? '');
      parked.push({ at: now, store, key, reason: 'invalid', issues, raw });
    }
  }
  return valid;
}

export type RestoreMode = 'replace' | 'merge';

/** A backup customer a merge did not write: its tax ID belongs to another customer in the book. */
export interface RefusedCustomer {
  id: string;
  name: string;
  taxId: string;
  /** The book's customer that has the tax ID. */
  existingId: string;
}

export interface RestoreReport {
  mode: RestoreMode;
  /** Merge: the audit batch of every customer it wrote, for `undoBatch`. Replace: null (the old book is gone). */
  batch: string | null;
  added: number;
  updated: number;
  /** Customers the book already had as new as the backup's (merge). */
  unchanged: number;
  refused: RefusedCustomer[];
  attachmentsAdded: number;
  historyAdded: number;
  quarantineAdded: number;
  invoicesAdded: number;
}

/**
 * IndexedDB refused the writes (a full disk, a record it cannot store): the transaction was undone and the book is
 * as it was. `message` is the browser's, for a bug report.
 */
export type WriteFailed = { code: 'writeFailed'; message: string };

export type RestoreResult = { ok: true; report: RestoreReport } | { ok: false; problem: WriteFailed };

export interface RestoreOptions {
  now?: number;
  /** The audit batch of a merge; a new id when not given. */
  batch?: string;
}

/**
 * Restores a backup (from `parseBackup` or `readBackup`). 'replace' makes the book exactly the backup; 'merge' adds
 * what the book lacks and keeps the newer of two versions of a customer (by updatedAt), auditing its writes under
 * one batch. Either all of it is written or, if anything fails, none of it.
 */
export async function restoreBackup(
  db: TaitouDB,
  backup: Backup,
  mode: RestoreMode,
  opts: RestoreOptions = {},
): Promise<RestoreResult> {
  // Decoded before the transaction opens: it must not sit idle (and commit) while the CPU works.
  const files: KeptFile[] = [];
  for (const { data, ...meta } of backup.attachments) {
    const bytes = decodeData(data);
    if (!bytes) {
      return { ok: false, problem: { code: 'writeFailed', message: `attachment ${meta.id}: data is not base64` } };
    }
    files.push({ meta, data: bytes.buffer });
  }
  // Sealed (while the lock is on) before the transaction opens, like the files above.
  const sealed: SealedRecords = {
    customers: await Promise.all(backup.customers.map((c) => sealCustomer(db, c))),
    audit: await Promise.all(backup.audit.map((e) => sealEntry(db, e))),
    files: await Promise.all(files.map(({ meta, data }) => sealFile(db, { ...meta, data }))),
  };
  const tx = db.transaction([...STORES], 'readwrite');
  const abort = quietAbort(tx);
  try {
    const report =
      mode === 'replace'
        ? await replaceBook(tx, backup, sealed, files)
        : await mergeIntoBook(tx, backup, sealed, files, opts.batch ?? crypto.randomUUID(), opts.now ?? Date.now());
    await tx.done;
    return { ok: true, report };
  } catch (error) {
    await abort();
    const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
    return { ok: false, problem: { code: 'writeFailed', message } };
  }
}

export type RestoreTextResult =
  | { ok: true; report: RestoreReport; settings: BackupSettings }
  | { ok: false; problem: BackupProblem | WriteFailed };

/**
 * Reads a backup file's text and restores it. A file that does not check out is refused with the reason before
 * anything is written; the settings it carried come back for the caller to apply.
 */
export async function restoreBackupText(
  db: TaitouDB,
  text: string,
  mode: RestoreMode,
  opts: RestoreOptions = {},
): Promise<RestoreTextResult> {
  const parsed = parseBackup(text);
  if (!parsed.ok) return parsed;
  const restored = await restoreBackup(db, parsed.backup, mode, opts);
  return restored.ok ? { ...restored, settings: parsed.backup.settings } : restored;
}

/** A backup's customers and history, index for index, as the store keeps them (sealed while the lock is on). */
interface SealedRecords {
  customers: StoredCustomer[];
  files: Attachment[];
  audit: (Omit<BackupAuditEntry, 'before' | 'after'> & {
    before: StoredCustomer | null;
    after: StoredCustomer | null;
  })[];
}

async function replaceBook(
  tx: RestoreTx,
  backup: Backup,
  sealed: SealedRecords,
  files: KeptFile[],
): Promise<RestoreReport> {
  await Promise.all(STORES.map((name) => tx.objectStore(name).clear()));
  // Requests queue in order within the transaction; waiting for each in turn would only add round trips.
  await Promise.all([
    ...sealed.customers.map((customer) => tx.objectStore('customers').put(customer)),
    ...sealed.audit.map((entry) => tx.objectStore('audit').put(entry)),
    ...backup.quarantine.map((entry) => tx.objectStore('quarantine').put(entry)),
    ...sealed.files.map((file) => tx.objectStore('attachments').put(file)),
    ...backup.invoices.map((invoice) => tx.objectStore('invoices').put(invoice)),
  ]);
  return {
    mode: 'replace',
    batch: null,
    added: backup.customers.length,
    updated: 0,
    unchanged: 0,
    refused: [],
    attachmentsAdded: files.length,
    historyAdded: backup.audit.length,
    quarantineAdded: backup.quarantine.length,
    invoicesAdded: backup.invoices.length,
  };
}

async function mergeIntoBook(
  tx: RestoreTx,
  backup: Backup,
  sealed: SealedRecords,
  files: KeptFile[],
  batch: string,
  now: number,
): Promise<RestoreReport> {
  const historyAdded = await mergeHistory(tx, sealed.audit);
  const customers = tx.objectStore('customers');
  const audit = tx.objectStore('audit');
  const report: RestoreReport = {
    mode: 'merge',
    batch,
    added: 0,
    updated: 0,
    unchanged: 0,
    refused: [],
    attachmentsAdded: 0,
    historyAdded,
    quarantineAdded: 0,
    invoicesAdded: 0,
  };
  for (const [i, customer] of backup.customers.entries()) {
    const current = await customers.get(customer.id);
    if (current && current.updatedAt >= customer.updatedAt) {
      report.unchanged++;
      continue;
    }
    const stored = sealed.customers[i] as StoredCustomer;
    const owner = stored.keys.taxId ? await customers.index('taxId').getKey(stored.keys.taxId) : undefined;
    if (owner !== undefined && owner !== customer.id) {
      const { id, name, taxId } = customer;
      report.refused.push({ id, name, taxId, existingId: owner });
      continue;
    }
    // A new revision, not the backup's: an editor holding the book's revision must see the change as a conflict.
    const after = current ? { ...stored, revision: current.revision + 1 } : stored;
    await customers.put(after);
    const action = current ? ('update' as const) : ('create' as const);
    await audit.add({ at: now, customerId: customer.id, action, before: current ?? null, after, batch });
    if (current) report.updated++;
    else report.added++;
  }
  const refusedIds = new Set(report.refused.map((r) => r.id));
  for (const [i, { meta }] of files.entries()) {
    // A refused customer's files would belong to nobody in the book (or to no one the clerk meant).
    if (refusedIds.has(meta.customerId)) continue;
    if ((await tx.objectStore('attachments').getKey(meta.id)) !== undefined) continue;
    await tx.objectStore('attachments').add(sealed.files[i] as Attachment);
    report.attachmentsAdded++;
  }
  report.quarantineAdded = await mergeQuarantine(tx, backup.quarantine);
  // An invoice the book has already is the same invoice (its number is its id): the book's copy stands.
  for (const invoice of backup.invoices) {
    if ((await tx.objectStore('invoices').getKey(invoice.id)) !== undefined) continue;
    await tx.objectStore('invoices').add(invoice);
    report.invoicesAdded++;
  }
  return report;
}

const revisionOf = (customer: unknown) =>
  typeof customer === 'object' && customer !== null ? ((customer as { revision?: unknown }).revision ?? null) : null;

/** Which change an audit entry records, whatever number either book gave it. */
const changeKey = (
  entry: Pick<BackupAuditEntry, 'at' | 'action' | 'batch' | 'created'> & { before: unknown; after: unknown },
) =>
  JSON.stringify([
    entry.at,
    entry.action,
    revisionOf(entry.before),
    revisionOf(entry.after),
    entry.batch ?? null,
    entry.created?.[0] ?? null,
  ]);

/**
 * Adds the backup's history entries the book lacks. Sequence numbers are the book's own, so an added entry gets a
 * new one and an undo entry points at the new number of the entry it undid. That entry may be another customer's:
 * undoing an import undoes its chunk entry (customerId '') once per customer the chunk added, so the numbers are
 * mapped across the whole file. In seq order, an undone entry is always met before its undo.
 */
async function mergeHistory(tx: RestoreTx, entries: SealedRecords['audit']): Promise<number> {
  const audit = tx.objectStore('audit');
  // Per customer, the book's entries by what change they record; read from the index as each customer comes up.
  const knownBy = new Map<string, Map<string, number>>();
  const knownFor = async (customerId: string) => {
    let known = knownBy.get(customerId);
    if (!known) {
      known = new Map();
      for (const entry of await audit.index('customerId').getAll(customerId)) {
        if (entry.seq !== undefined) known.set(changeKey(entry), entry.seq);
      }
      knownBy.set(customerId, known);
    }
    return known;
  };
  // The backup's seq of each entry, to the book's.
  const renumbered = new Map<number, number>();
  let added = 0;
  for (const { seq, undoes, ...entry } of [...entries].sort((a, b) => (a.seq ?? 0) - (b.seq ?? 0))) {
    const known = await knownFor(entry.customerId);
    const key = changeKey(entry);
    let at = known.get(key);
    if (at === undefined) {
      const undone = undoes === undefined ? undefined : renumbered.get(undoes);
      at = await audit.add(undone === undefined ? entry : { ...entry, undoes: undone });
      known.set(key, at);
      added++;
    }
    if (seq !== undefined) renumbered.set(seq, at);
  }
  return added;
}

/** Adds the quarantined records the book does not hold yet (the same record parked at the same time). */
async function mergeQuarantine(tx: RestoreTx, entries: readonly BackupQuarantineEntry[]): Promise<number> {
  const store = tx.objectStore('quarantine');
  const keyOf = (e: Omit<QuarantineEntry, 'seq'>) => JSON.stringify([e.store, e.key, e.at, e.reason]);
  const known = new Set((await store.getAll()).map(keyOf));
  let added = 0;
  for (const { seq, ...entry } of entries) {
    if (known.has(keyOf(entry))) continue;
    known.add(keyOf(entry));
    await store.add(entry);
    added++;
  }
  return added;
}
