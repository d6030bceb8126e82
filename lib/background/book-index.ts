import { getCustomer, listCustomers } from '../db/customers';
import { bookStamp, readIndexSnapshot, writeIndexSnapshot } from '../db/index-cache';
import type { TaitouDB } from '../db/open';
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

  const load = async () => {
    const restored = restore(await readIndexSnapshot(db, await bookStamp(db)));
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
    await writeIndexSnapshot(db, stamp, idx.snapshot());
  };
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(() => save().catch(() => undefined), saveDelayMs);
  }

  /** The index takes what the store now holds for this customer, or drops it. */
  const sync = async (id: string) => {
    const [idx, now] = await Promise.all([get(), getCustomer(db, id)]);
    if (now) idx.upsert(now);
    else idx.remove(id);
  };

  /** Runs a write to the book, then syncs the customers `written` names in its result. */
  const write = async <T>(work: () => Promise<T>, written: (result: T) => readonly string[]): Promise<T> => {
    writing++;
    epoch++;
    try {
      const result = await work();
      for (const id of written(result)) await sync(id);
      return result;
    } finally {
      writing--;
      schedule();
    }
  };

  return { get, write, size };
}
