import { getCustomers, listCustomers } from '../db/customers';
import { bookStamp, readIndexSnapshot, writeIndexSnapshot } from '../db/index-cache';
import type { TaitouDB } from '../db/open';
import { vaultOn } from '../db/sealed';
import type { Customer } from '../domain/customer';
import { type IndexSnapshot, SearchIndex } from '../search/index';

/** How long the book must rest after a write before the index is saved for the worker's next life. */
export const SAVE_DELAY_MS = 2000;

function restore(saved: IndexSnapshot | undefined): SearchIndex | null {
  try {
    return saved ? SearchIndex.restore(saved) : null;
  } catch {
    return null; // a damaged snapshot is only a cache: build from the book instead
  }
}

/**
 * The background's search index over the book. A worker that wakes up restores the snapshot it saved last, if the
 * book has not changed since; otherwise it reads the whole book. Every write goes through `write`, which brings the
 * written customers up to date in the index; once the book rests, the index is saved again.
 */
export function bookIndex(db: TaitouDB, saveDelayMs = SAVE_DELAY_MS) {
  let index: Promise<SearchIndex> | undefined;
  let ready: SearchIndex | undefined;
  let writing = 0;
  let epoch = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  // While the lock is on the index is never saved (it holds names and tax IDs): each worker builds it afresh.
  const load = async () => {
    const restored = vaultOn(db) ? null : restore(await readIndexSnapshot(db, await bookStamp(db)));
    if (restored) return restored;
    const built = new SearchIndex((await listCustomers(db)).customers);
    schedule();
    return built;
  };
  const get = () => {
    index ??= load().then((idx) => {
      ready = idx;
      return idx;
    });
    return index;
  };
  /** How many customers the index holds, once it is loaded (it holds every valid one); counting is slow in IDB. */
  const size = () => ready?.size;

  // The snapshot must hold exactly the writes its stamp counts: save only when none is running or began meanwhile.
  const save = async () => {
    const idx = await get();
    const startedAt = epoch;
    const stamp = await bookStamp(db);
    if (writing > 0 || epoch !== startedAt) return schedule();
    if (vaultOn(db)) return;
    await writeIndexSnapshot(db, stamp, idx.snapshot());
  };
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => save().catch(() => undefined), saveDelayMs);
  }

  /**
   * The index takes what was written: a customer record as it is, an id by reading what the store now holds for it
   * (dropping it when it is gone).
   */
  const sync = async (written: readonly (string | Customer)[]) => {
    const ids = written.filter((w) => typeof w === 'string');
    const [idx, now] = await Promise.all([get(), getCustomers(db, ids)]);
    const found = new Set(now.map((c) => c.id));
    const records = written.filter((w) => typeof w !== 'string');
    idx.apply(
      [...now, ...records],
      ids.filter((id) => !found.has(id)),
    );
  };

  /** Forgets the index (the whole book was replaced, or the index could not follow): the next search reads it afresh. */
  function reload() {
    index = undefined;
    ready = undefined;
    epoch++;
  }

  /** Runs a write to the book, then syncs the customers `written` names (or gives whole) in its result. */
  const write = async <T>(
    work: () => Promise<T>,
    written: (result: T) => readonly (string | Customer)[],
  ): Promise<T> => {
    writing++;
    epoch++;
    try {
      const result = await work();
      // The write has landed: an index that cannot follow is read afresh later, never a reason to say it failed.
      await sync(written(result)).catch(reload);
      return result;
    } finally {
      writing--;
      schedule();
    }
  };

  return { get, write, size, reload };
}
