import { openDB } from 'idb';
import type { IndexSnapshot } from '../search/index';
import type { TaitouDB } from './open';

/**
 * Where the background keeps its search index between service-worker lives. A database of its own: it is a cache,
 * never the book, so losing it or finding it unreadable only costs a rebuild.
 */
const CACHE_DB = 'taitou-cache';
const STORE = 'snapshots';

/**
 * What the book looked like when a snapshot was taken; any write to the book moves at least one part. Only the
 * last key of each log and index is read: counting 100,000 customers would keep IndexedDB busy for a good part of
 * a second, in front of the pages' own requests.
 */
export interface BookStamp {
  /** A migration may rewrite customers. */
  version: number;
  /** Audited writes: create, update, delete, undo, bulk changes. */
  lastAudit: number;
  /** Uses (markUsed) are not audited but move lastUsedAt. */
  lastUse: number;
  lastUpdate: number;
  /** A record that stopped validating leaves the book for the quarantine. */
  lastQuarantine: number;
}

export async function bookStamp(db: TaitouDB): Promise<BookStamp> {
  const tx = db.transaction(['customers', 'audit', 'quarantine']);
  const customers = tx.objectStore('customers');
  const newest = async (cursor: Promise<{ key: unknown } | null>) => Number((await cursor)?.key ?? 0);
  const [lastAudit, lastUse, lastUpdate, lastQuarantine] = await Promise.all([
    newest(tx.objectStore('audit').openKeyCursor(null, 'prev')),
    newest(customers.index('lastUsedAt').openKeyCursor(null, 'prev')),
    newest(customers.index('updatedAt').openKeyCursor(null, 'prev')),
    newest(tx.objectStore('quarantine').openKeyCursor(null, 'prev')),
  ]);
  return { version: db.version, lastAudit, lastUse, lastUpdate, lastQuarantine };
}

const sameStamp = (a: BookStamp, b: BookStamp) =>
  (Object.keys(b) as (keyof BookStamp)[]).every((key) => a[key] === b[key]);

const openCache = () =>
  openDB(CACHE_DB, 1, {
    upgrade(db) {
      db.createObjectStore(STORE);
    },
  });

/**
 * A snapshot is kept as one record per column beside a head record with the stamp. A worker reading it back then
 * turns each column into objects in a task of its own, and the pages' requests get answered in between instead of
 * waiting for the whole index (hundreds of milliseconds at 100,000 customers).
 */
type Part = keyof IndexSnapshot;
const partKey = (book: string, part: Part) => `${book}/${part}`;

/** The snapshot of `book` as it is now; undefined when there is none, it is older, or it cannot be read. */
export async function readIndexSnapshot(book: TaitouDB, stamp: BookStamp): Promise<IndexSnapshot | undefined> {
  try {
    const db = await openCache();
    try {
      const tx = db.transaction(STORE); // the head and its parts as one write left them
      const head = (await tx.store.get(book.name)) as { stamp: BookStamp; parts: Part[] } | undefined;
      if (!head?.stamp || !Array.isArray(head.parts) || !sameStamp(head.stamp, stamp)) return undefined;
      const snapshot: Record<string, unknown> = {};
      for (const part of head.parts) snapshot[part] = await tx.store.get(partKey(book.name, part));
      return snapshot as unknown as IndexSnapshot;
    } finally {
      db.close();
    }
  } catch {
    return undefined;
  }
}

/** Keeps `index`, taken when `book` was as `stamp` says, under the book's database name; all parts or none. */
export async function writeIndexSnapshot(book: TaitouDB, stamp: BookStamp, index: IndexSnapshot): Promise<void> {
  const db = await openCache();
  try {
    const tx = db.transaction(STORE, 'readwrite');
    const parts = Object.keys(index) as Part[];
    await Promise.all([
      ...parts.map((part) => tx.store.put(index[part], partKey(book.name, part))),
      tx.store.put({ stamp, parts }, book.name),
      tx.done,
    ]);
  } finally {
    db.close();
  }
}

/** Forgets the saved index of `book` (the lock went on: it held names and tax IDs in the clear). */
export async function dropIndexSnapshot(book: TaitouDB): Promise<void> {
  const db = await openCache();
  try {
    const tx = db.transaction(STORE, 'readwrite');
    const prefix = `${book.name}/`;
    await Promise.all([
      tx.store.delete(book.name),
      tx.store.delete(IDBKeyRange.bound(prefix, `${prefix}\uffff`)),
      tx.done,
    ]);
  } finally {
    db.close();
  }
}
