import { bookStamp } from '../db/index-cache';
import type { TaitouDB } from '../db/open';
import { vaultOn } from '../db/sealed';
import {
  dropSnapshots,
  listSnapshots,
  openSnapshots,
  readRawCustomers,
  readSnapshot,
  replaceCustomers,
  type SnapshotDB,
  type SnapshotMeta,
  type SnapshotReason,
  saveSnapshot,
} from '../db/snapshots';
import { chinaDay } from '../domain/credit';
import type { Handlers, MessageData, MessageName } from '../messaging/protocol';
import type { bookIndex } from './book-index';
import type { ImportBook } from './import-service';

/** How many automatic snapshots are kept. */
export const KEEP_SNAPSHOTS = 5;
/** A risky operation this soon after the last snapshot adds none: merging pair after pair must not copy the book each time. */
export const RISKY_GAP_MS = 10 * 60_000;

export interface SnapshotOptions {
  keep?: number;
  gapMs?: number;
  now?: () => number;
  /** The day a time falls on; a day's first write takes its snapshot. China time, as the clerks work. */
  day?: (time: number) => string;
}

/** A snapshot as the manager lists it. */
export interface SnapshotView {
  id: number;
  takenAt: number;
  reason: SnapshotReason;
  customers: number;
  /**
   * False for one taken before the book's database was upgraded (its records are of another version), or before the
   * lock was switched on or off (its records are sealed, or clear, unlike the book's).
   */
  restorable: boolean;
}

export type SnapshotRestore =
  | { ok: true; restored: number }
  | { ok: false; reason: 'notFound' | 'otherVersion' | 'otherLock' };

const sameStamp = (a: SnapshotMeta['stamp'], b: SnapshotMeta['stamp']) =>
  (Object.keys(b) as (keyof typeof b)[]).every((key) => a[key] === b[key]);

/**
 * The book's automatic snapshots (lib/db/snapshots.ts): `take` takes one when one is due, and the handlers list them
 * and restore one. Taking a snapshot never fails the write it goes with.
 */
export function snapshotService(book: TaitouDB, opts: SnapshotOptions = {}) {
  const keep = opts.keep ?? KEEP_SNAPSHOTS;
  const gap = opts.gapMs ?? RISKY_GAP_MS;
  const clock = opts.now ?? Date.now;
  const dayOf = opts.day ?? chinaDay;
  let opened: Promise<SnapshotDB> | undefined;
  const snaps = () => {
    opened ??= openSnapshots(book).catch((error) => {
      opened = undefined; // tried again next time
      throw error;
    });
    return opened;
  };
  /** The newest snapshot kept, or one being written (null: none; undefined: not read yet). */
  let latest: Pick<SnapshotMeta, 'takenAt' | 'stamp' | 'bookVersion'> | null | undefined;
  /** The day whose first write has had its snapshot (or its attempt). */
  let dailyDone = '';
  let writing: Promise<void> = Promise.resolve();
  let queue: Promise<void> = Promise.resolve();
  /** Why the last snapshot attempt failed, until the next one. */
  let failure: unknown;
  /** The lock's state when the kept snapshots were last checked against it. */
  let sweptWithLock: boolean | undefined;

  /**
   * Drops the snapshots whose records are not in the book's present form: clear copies of a book the lock now seals
   * must not outlive the switch, and sealed ones cannot be opened once the lock is off. Checked once per worker life
   * and again whenever the lock has been switched since.
   */
  const sweep = async (db: SnapshotDB) => {
    const locked = vaultOn(book);
    if (sweptWithLock === locked && latest !== undefined) return;
    const kept = await listSnapshots(db);
    const other = kept.filter((s) => Boolean(s.sealed) !== locked);
    if (other.length > 0)
      await dropSnapshots(
        db,
        other.map((s) => s.id),
      );
    sweptWithLock = locked;
    latest = kept.find((s) => !other.includes(s)) ?? null;
  };

  const decide = async (reason: SnapshotReason) => {
    failure = undefined;
    // A restore is taken back by the snapshot before it: that one must be kept, not assumed from one still writing.
    if (reason === 'restore') await writing;
    const db = await snaps();
    await sweep(db);
    const now = clock();
    const today = dayOf(now);
    if (reason === 'daily') {
      if (dailyDone === today) return;
      dailyDone = today;
      if (latest && dayOf(latest.takenAt) === today) return;
    } else if (reason !== 'restore' && latest && now - latest.takenAt < gap) {
      return;
    }
    const stamp = await bookStamp(book);
    if (latest && latest.bookVersion === book.version && sameStamp(latest.stamp, stamp)) return;
    const previous = latest;
    latest = { takenAt: now, stamp, bookVersion: book.version };
    const reading = readRawCustomers(book);
    writing = (async () => {
      const records = await reading;
      if (records.length === 0) {
        // Nothing to keep: the day's first write with customers to lose takes the snapshot.
        latest = previous;
        if (reason === 'daily') dailyDone = '';
        return;
      }
      await saveSnapshot(db, { takenAt: now, reason, bookVersion: book.version, stamp }, records, keep);
    })().catch((error) => {
      failure = error;
      latest = undefined; // read again from what is kept
    });
  };

  /**
   * Takes a snapshot when one is due: the day's first ('daily'), unless the day has one; before a risky operation,
   * unless the last snapshot is recent; before a restore, always. None when the book has not changed since the last.
   * Resolves once the snapshot's read of the book is queued: a write started afterwards waits for it, so the
   * snapshot holds the book as it was before that write. The copy is kept meanwhile. Never rejects: a snapshot that
   * cannot be taken (a full disk) is a snapshot missed, not a failed write.
   */
  function take(reason: SnapshotReason): Promise<void> {
    queue = queue
      .then(() => decide(reason))
      .catch((error) => {
        failure = error;
      });
    return queue;
  }

  /** The snapshot being written, if any, has been kept (or has failed). */
  const settled = () => queue.then(() => writing);

  const list = async (): Promise<SnapshotView[]> =>
    (await listSnapshots(await snaps())).map(({ id, takenAt, reason, customers, bookVersion, sealed }) => ({
      id,
      takenAt,
      reason,
      customers,
      restorable: bookVersion === book.version && Boolean(sealed) === vaultOn(book),
    }));

  /**
   * Puts a snapshot's customers back in place of the book's, in one transaction. The book as it is now is first kept
   * as a snapshot of its own ('restore'), so that the restore can be taken back the same way.
   */
  const restore = async (id: number, index: Pick<BookIndex, 'write' | 'reload'>): Promise<SnapshotRestore> => {
    const found = await readSnapshot(await snaps(), id);
    if (!found) return { ok: false, reason: 'notFound' };
    if (found.meta.bookVersion !== book.version) return { ok: false, reason: 'otherVersion' };
    if (Boolean(found.meta.sealed) !== vaultOn(book)) return { ok: false, reason: 'otherLock' };
    await take('restore');
    await settled();
    // The book as it is now could not be kept (a full disk): without it the restore could not be taken back.
    if (failure !== undefined) throw failure;
    const restored = await index.write(
      () => replaceCustomers(book, found.records, { now: clock() }),
      () => [],
    );
    // The whole book changed: the index is read afresh.
    index.reload();
    return { ok: true, restored };
  };

  /** The messages of the manager's backup view. */
  const handlers = (
    index: Pick<BookIndex, 'write' | 'reload'>,
    credit: { forget(): void },
  ): Pick<Handlers, 'page:snapshots' | 'page:restoreSnapshot'> => ({
    'page:snapshots': async () => ({ snapshots: await list(), keep }),
    'page:restoreSnapshot': async ({ id }) => {
      const result = await restore(id, index);
      // Restored customers may have other tax IDs: what the credit reader kept is stale.
      if (result.ok) credit.forget();
      return result;
    },
  });

  return { take, settled, list, restore, handlers };
}

type BookIndex = ReturnType<typeof bookIndex>;
export type SnapshotService = ReturnType<typeof snapshotService>;

/** Which writes take a snapshot, and as what. */
const TRIGGERS: Partial<{ [K in MessageName]: (data: MessageData<K>) => SnapshotReason }> = {
  'page:create': () => 'daily',
  'page:update': () => 'daily',
  'page:delete': () => 'daily',
  'page:undo': () => 'daily',
  'page:bulk': ({ action }) => (action.kind === 'delete' ? 'bulkDelete' : 'daily'),
  'page:undoBatch': () => 'daily',
  'page:merge': () => 'merge',
  'page:mergeMany': () => 'merge',
  'page:saveCapture': () => 'daily',
  'page:loadSamples': () => 'daily',
};

/**
 * The same handlers, giving the snapshot service its chance at those that write customers (see `take`). A risky
 * write waits for its snapshot's read, so that the snapshot holds the book before it. The day's snapshot is taken
 * just after the day's first write, not before: reading a book of 100,000 customers takes seconds, and the first
 * save of a morning should not wait for them.
 */
export function withSnapshots(handlers: Handlers, service: Promise<Pick<SnapshotService, 'take'>>): Handlers {
  const out = { ...handlers } as Record<string, (data: unknown, origin?: unknown) => Promise<unknown>>;
  for (const [name, reasonOf] of Object.entries(TRIGGERS) as [string, (data: unknown) => SnapshotReason][]) {
    const handle = out[name];
    if (!handle) continue;
    out[name] = async (data, origin) => {
      const reason = reasonOf(data);
      if (reason !== 'daily') await (await service).take(reason);
      const result = await handle(data, origin);
      if (reason === 'daily') service.then((s) => s.take('daily')).catch(() => undefined);
      return result;
    };
  }
  return out as unknown as Handlers;
}

/** The book a port writes through, its writes preceded by a snapshot when one is due (an import, a restore). */
export function withSnapshotsBook<B extends ImportBook & { snapshots: Pick<SnapshotService, 'take'> }>(
  book: Promise<B>,
  reason: SnapshotReason,
): Promise<B> {
  const wrapped = book.then((b) => ({
    ...b,
    index: {
      ...b.index,
      write: async <T>(
        work: () => Promise<T>,
        written: (result: T) => ReturnType<Parameters<B['index']['write']>[1]>,
      ) => {
        await b.snapshots.take(reason);
        return b.index.write(work, written);
      },
    },
  }));
  wrapped.catch(() => undefined); // a book that cannot be reached is told by the port's service
  return wrapped;
}
