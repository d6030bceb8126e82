import { type DBSchema, type IDBPDatabase, openDB } from 'idb';
import { quietAbort } from './abort';
import type { BookStamp } from './index-cache';
import type { TaitouDB } from './open';
import { isSealed } from './sealed';

/*
 * Automatic snapshots of the customer book, kept in a database of their own beside it. A snapshot holds the records
 * of the customers store exactly as stored (structured clones, never parsed): with the lock on they are encrypted
 * envelopes and stay so. Invoice history, the change history and attachments are left to the backup file: none of
 * the operations a snapshot guards against loses them, and they would multiply its size.
 */

export const SNAPSHOT_REASONS = ['daily', 'import', 'bulkDelete', 'merge', 'restore'] as const;
/** What a snapshot was taken before: the first write of a day, or a risky operation. */
export type SnapshotReason = (typeof SNAPSHOT_REASONS)[number];

export interface SnapshotMeta {
  id: number;
  takenAt: number;
  reason: SnapshotReason;
  customers: number;
  /** The book's database version then: records of another version are never put back into this one. */
  bookVersion: number;
  /** The book as it was (see bookStamp): a book that has not changed since is not copied again. */
  stamp: BookStamp;
  parts: number;
  /**
   * The records were sealed (the lock was on). Never put back into a book in the other state: clear records would sit
   * in a locked book, and sealed ones in a book whose secret is gone.
   */
  sealed: boolean;
}

/** Records per stored part: large enough to keep requests few, small enough to keep each value a few megabytes. */
export const PART_RECORDS = 2000;

interface Part {
  snapshot: number;
  part: number;
  records: unknown[];
}

interface SnapshotSchema extends DBSchema {
  snapshots: { key: number; value: SnapshotMeta };
  parts: { key: [number, number]; value: Part };
}

export type SnapshotDB = IDBPDatabase<SnapshotSchema>;

/** The snapshots of `book`, in the database named after it ('taitou-snapshots' for the book 'taitou'). */
export function openSnapshots(book: Pick<TaitouDB, 'name'>): Promise<SnapshotDB> {
  return openDB<SnapshotSchema>(`${book.name}-snapshots`, 1, {
    upgrade(db) {
      db.createObjectStore('snapshots', { keyPath: 'id', autoIncrement: true });
      db.createObjectStore('parts', { keyPath: ['snapshot', 'part'] });
    },
  });
}

/**
 * A request's promise. A value the store refuses at once (one it cannot clone, or without a key) throws rather than
 * failing its request: as a rejection it fails the transaction's Promise.all like any other, and the requests queued
 * before it, rejected by the abort, are not left unheard.
 */
function request<T>(make: () => Promise<T>): Promise<T> {
  try {
    return make();
  } catch (error) {
    return Promise.reject(error);
  }
}

const partsOf = (id: number) => IDBKeyRange.bound([id, 0], [id, Number.POSITIVE_INFINITY]);

/**
 * Starts reading every record of the book's customers store, as stored. The read transaction is opened before this
 * returns, so a write the caller starts afterwards waits for it: the records are the book as it was before that write.
 */
export function readRawCustomers(book: TaitouDB): Promise<unknown[]> {
  return book.transaction('customers').store.getAll() as Promise<unknown[]>;
}

/**
 * Keeps `records` as a new snapshot and drops the oldest beyond the newest `keep`, in one transaction: the new
 * snapshot is kept whole and the old ones go, or (the disk is full) nothing changes at all.
 */
export async function saveSnapshot(
  snaps: SnapshotDB,
  meta: Omit<SnapshotMeta, 'id' | 'parts' | 'customers' | 'sealed'>,
  records: readonly unknown[],
  keep: number,
): Promise<SnapshotMeta> {
  const tx = snaps.transaction(['snapshots', 'parts'], 'readwrite');
  const abort = quietAbort(tx);
  try {
    const parts = Math.ceil(records.length / PART_RECORDS);
    const draft = { ...meta, customers: records.length, parts, sealed: records.some(isSealed) };
    const kept = (await tx.objectStore('snapshots').getAllKeys()).sort((a, b) => a - b);
    const dropped = kept.slice(0, Math.max(0, kept.length - Math.max(1, keep) + 1));
    const id = await tx.objectStore('snapshots').add(draft as SnapshotMeta);
    // Queued together and awaited at once: a refused one must not sit unheard while another is awaited.
    const writes: Promise<unknown>[] = [];
    for (let part = 0; part < parts; part++) {
      const slice = records.slice(part * PART_RECORDS, (part + 1) * PART_RECORDS);
      writes.push(request(() => tx.objectStore('parts').put({ snapshot: id, part, records: slice })));
    }
    for (const old of dropped) {
      writes.push(tx.objectStore('snapshots').delete(old), tx.objectStore('parts').delete(partsOf(old)));
    }
    await Promise.all(writes);
    await tx.done;
    return { ...draft, id };
  } catch (error) {
    await abort();
    throw error;
  }
}

/** Every snapshot kept, newest first (without its records). */
export async function listSnapshots(snaps: SnapshotDB): Promise<SnapshotMeta[]> {
  return (await snaps.getAll('snapshots')).sort((a, b) => b.id - a.id);
}

/** One snapshot and its records in their order, read in one transaction; undefined when it is not kept (any more). */
export async function readSnapshot(
  snaps: SnapshotDB,
  id: number,
): Promise<{ meta: SnapshotMeta; records: unknown[] } | undefined> {
  const tx = snaps.transaction(['snapshots', 'parts']);
  const [meta, parts] = await Promise.all([
    tx.objectStore('snapshots').get(id),
    tx.objectStore('parts').getAll(partsOf(id)),
  ]);
  if (!meta || parts.length !== meta.parts) return undefined;
  return { meta, records: parts.sort((a, b) => a.part - b.part).flatMap((p) => p.records) };
}

/** Drops these snapshots and their records. */
export async function dropSnapshots(snaps: SnapshotDB, ids: readonly number[]): Promise<void> {
  const tx = snaps.transaction(['snapshots', 'parts'], 'readwrite');
  await Promise.all([
    ...ids.flatMap((id) => [tx.objectStore('snapshots').delete(id), tx.objectStore('parts').delete(partsOf(id))]),
    tx.done,
  ]);
}

/** Drops every snapshot (for when records kept in them could no longer be read back into the book). */
export async function clearSnapshots(snaps: SnapshotDB): Promise<void> {
  const tx = snaps.transaction(['snapshots', 'parts'], 'readwrite');
  await Promise.all([tx.objectStore('snapshots').clear(), tx.objectStore('parts').clear(), tx.done]);
}

/**
 * Drops every snapshot of `book`. For the lock being switched on or off: the snapshots hold the records in the form
 * they had, clear copies that must not outlive the lock, or sealed ones whose secret is about to go.
 */
export async function dropAllSnapshots(book: Pick<TaitouDB, 'name'>): Promise<void> {
  const snaps = await openSnapshots(book);
  try {
    await clearSnapshots(snaps);
  } finally {
    snaps.close();
  }
}

/**
 * Makes the book's customers exactly `records` (a snapshot's, as stored) in ONE transaction: all of them are written
 * or, if anything fails (a full disk), the book is left as it was. An entry in the change history marks the restore
 * (a batch that changes no customer): it moves the book's stamp, so that no search index saved before is taken for
 * the restored book's. Customers' own histories, invoices and attachments stay as they are.
 */
export async function replaceCustomers(
  book: TaitouDB,
  records: readonly unknown[],
  opts: { now?: number; batch?: string } = {},
): Promise<number> {
  const tx = book.transaction(['customers', 'audit'], 'readwrite');
  const abort = quietAbort(tx);
  try {
    const customers = tx.objectStore('customers');
    await customers.clear();
    // Requests queue in order within the transaction; waiting for each in turn would only add round trips.
    await Promise.all([
      ...records.map((record) => request(() => customers.put(record as never))),
      tx.objectStore('audit').add({
        at: opts.now ?? Date.now(),
        customerId: '',
        action: 'import',
        before: null,
        after: null,
        batch: opts.batch ?? crypto.randomUUID(),
        created: [],
      }),
    ]);
    await tx.done;
    return records.length;
  } catch (error) {
    await abort();
    throw error;
  }
}
