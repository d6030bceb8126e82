import { unwrap } from 'idb';
import type { Customer } from '../domain/customer';
import { mergeImported } from '../domain/merge-imported';
import { nameKey, normalizeTaxId } from '../domain/normalize';
import type { ImportWrite } from '../import/writes';
import { quietAbort } from './abort';
import { newCustomer, readIn, taxIdOwner, type WriteTx } from './customers';
import type { TaitouDB } from './open';
import type { StoredAuditEntry } from './schema';
import { type StoredCustomer, sealCustomer, within } from './sealed';

/** What an import did, row by row; `batch` undoes all of it (undoBatch). */
export interface ImportOutcome {
  batch: string;
  added: Customer[];
  updated: Customer[];
  /** Rows that matched their customer exactly: nothing to write. */
  unchanged: number[];
  /** Rows the book refused when it came to write them: the tax ID arrived meanwhile, or the customer was deleted. */
  refused: { row: number; reason: 'duplicateTaxId' | 'notFound' }[];
}

export interface ImportOptions {
  batch?: string;
  now?: number;
  /** Aborting rolls the whole import back: the book is left exactly as before. */
  signal?: AbortSignal;
  /** Called after each chunk has been written (not yet committed) with the number of rows done. */
  onProgress?: (done: number) => void;
  chunk?: number;
}

/** Requests in flight at a time: enough to keep IndexedDB busy, few enough to report progress and hear a cancel. */
const CHUNK = 1000;

/**
 * Writes an import in ONE transaction: it lands whole or not at all. A cancel (`signal`), a closed page or a worker
 * that dies before the commit leaves the book as it was. Every change is audited under one batch (new customers a
 * chunk at a time). A new customer
 * whose tax ID the book already has is refused for that row only (the unique index says so; nothing is read first).
 */
export async function commitImport(
  db: TaitouDB,
  writes: readonly ImportWrite[],
  opts: ImportOptions = {},
): Promise<ImportOutcome> {
  const batch = opts.batch ?? crypto.randomUUID();
  const now = opts.now ?? Date.now();
  const outcome: ImportOutcome = { batch, added: [], updated: [], unchanged: [], refused: [] };
  const tx = db.transaction(['customers', 'audit'], 'readwrite');
  const abort = quietAbort(tx);
  if (opts.signal?.aborted) abort();
  opts.signal?.addEventListener('abort', abort, { once: true });
  try {
    const size = opts.chunk ?? CHUNK;
    for (let i = 0; i < writes.length && !opts.signal?.aborted; i += size) {
      const from = outcome.added.length;
      const chunk = writes.slice(i, i + size);
      // New customers are sealed (while the lock is on) all at once, before their requests go in.
      const fresh = chunk.map((w) => (w.id ? null : newCustomer(w.draft, now, keysOf(w))));
      const stored = await within(tx, Promise.all(fresh.map((c) => c && sealCustomer(tx.db, c))));
      await Promise.all(
        chunk.map((w, k) => {
          const customer = fresh[k];
          const kept = stored[k];
          return customer && kept ? add(tx, w, customer, kept, outcome) : update(tx, w, now, batch, outcome);
        }),
      );
      const created = outcome.added.slice(from).map((c) => c.id);
      if (created.length > 0) {
        await tx
          .objectStore('audit')
          .add(audit({ customerId: '', action: 'import', before: null, after: null, created }, now, batch));
      }
      opts.onProgress?.(Math.min(i + size, writes.length));
    }
    await tx.done;
  } finally {
    opts.signal?.removeEventListener('abort', abort);
  }
  return outcome;
}

function audit(change: Omit<StoredAuditEntry, 'at' | 'batch'>, now: number, batch: string): StoredAuditEntry {
  return { ...change, at: now, batch };
}

/**
 * A plain `add`, its ConstraintError (tax ID taken) kept from aborting the transaction. Its audit entry is the chunk's
 * (see `created` in AuditEntry).
 */
function add(
  tx: WriteTx,
  write: ImportWrite,
  customer: Customer,
  stored: StoredCustomer,
  outcome: ImportOutcome,
): Promise<void> {
  const raw = unwrap(tx);
  return new Promise((resolve, reject) => {
    const request = raw.objectStore('customers').add(stored);
    request.onsuccess = () => {
      outcome.added.push(customer);
      resolve();
    };
    request.onerror = (event) => {
      // Only the unique tax ID may refuse a row; anything else (a full disk) aborts the whole import.
      if (request.error?.name !== 'ConstraintError') return reject(request.error);
      event.preventDefault();
      event.stopPropagation();
      outcome.refused.push({ row: write.row, reason: 'duplicateTaxId' });
      resolve();
    };
  });
}

/**
 * The stored keys: pinyin and initials as the page computed them (the costly part), the name and tax ID keys from
 * the draft itself, so that the unique tax-ID index and duplicate checks never rest on what a page said.
 */
function keysOf(write: ImportWrite): Customer['keys'] {
  const { pinyin, initials } = write.keys;
  const taxId = normalizeTaxId(write.draft.taxId);
  const keys = { name: nameKey(write.draft.name), pinyin, initials };
  return taxId ? { ...keys, taxId } : keys;
}

async function update(tx: WriteTx, write: ImportWrite, now: number, batch: string, outcome: ImportOutcome) {
  const current = write.id ? await readIn(tx, write.id) : undefined;
  if (!current) {
    outcome.refused.push({ row: write.row, reason: 'notFound' });
    return;
  }
  const merged = mergeImported(current, write.draft);
  if (!merged) {
    outcome.unchanged.push(write.row);
    return;
  }
  if (await taxIdOwner(tx, merged, current.id)) {
    outcome.refused.push({ row: write.row, reason: 'duplicateTaxId' });
    return;
  }
  const next: Customer = {
    ...merged,
    updatedAt: now,
    revision: current.revision + 1,
    keys: keysOf({ ...write, draft: merged }),
  };
  const [before, after] = await within(tx, Promise.all([sealCustomer(tx.db, current), sealCustomer(tx.db, next)]));
  await tx.objectStore('customers').put(after);
  await tx.objectStore('audit').add(audit({ customerId: current.id, action: 'update', before, after }, now, batch));
  outcome.updated.push(next);
}
