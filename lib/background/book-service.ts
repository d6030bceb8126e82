import {
  createCustomer,
  createCustomers,
  customerHistory,
  deleteCustomer,
  getCustomer,
  getCustomers,
  listCustomers,
  listQuarantine,
  markUsed,
  recentCustomerIds,
  undoChange,
  updateCustomer,
} from '../db/customers';
import type { TaitouDB } from '../db/open';
import type { BookResult } from '../db/result';
import { SAMPLE_CUSTOMERS } from '../demo/samples';
import type { Customer } from '../domain/customer';
import { fillValuesOf } from '../fill/values-of';
import { type Handlers, type MessageName, type Origin, PROTOCOL } from '../messaging/protocol';
import type { FillReport, FillRequest } from '../messaging/tab';
import { SearchIndex } from '../search/index';
import { captureHandlers } from './capture-service';
import { type Broadcaster, menuRelay } from './menu-relay';

/**
 * The background's answers to the extension pages. They can be registered before the book has opened (a message
 * may be what woke the worker): each waits for it, and all reject with the reason if it cannot open.
 */
export function bookHandlers(opening: Promise<TaitouDB>, tabs: TabMessenger, broadcast: Broadcaster): Handlers {
  const ready = opening.then((db) => handlersFor(db, tabs, broadcast));
  const names = Object.keys(PROTOCOL) as MessageName[];
  const waiting = (name: MessageName) => async (data: never, origin?: Origin) =>
    ((await ready)[name] as (d: never, o?: Origin) => unknown)(data, origin);
  return Object.fromEntries(names.map((name) => [name, waiting(name)])) as unknown as Handlers;
}

/** Sends a fill request to a tab's frames; resolves with the answering frame's report, or undefined if none had fields. */
export type TabMessenger = (tabId: number, request: FillRequest) => Promise<FillReport | undefined>;

/** The book in IndexedDB plus an in-memory search index, built on first use and kept in step with every write. */
export function handlersFor(db: TaitouDB, tabs: TabMessenger, broadcast: Broadcaster): Handlers {
  let index: Promise<SearchIndex> | undefined;
  const searchIndex = () => {
    index ??= listCustomers(db).then(({ customers }) => new SearchIndex(customers));
    return index;
  };
  // After a write, the index takes whatever the store now holds for that customer (or drops it): one rule for
  // create, update, delete, undo, use and capture alike.
  const sync = async (id: string) => {
    const [idx, now] = await Promise.all([searchIndex(), getCustomer(db, id)]);
    if (now) idx.upsert(now);
    else idx.remove(id);
  };
  const reindex = async <T>(result: BookResult<T>, id: string | undefined): Promise<BookResult<T>> => {
    if (result.ok && id) await sync(id);
    return result;
  };
  const createdId = (result: BookResult<Customer>) => (result.ok ? result.value.id : undefined);
  const byIds = (ids: string[]) => getCustomers(db, ids);

  const capture = captureHandlers(db);
  return {
    ...menuRelay(broadcast),
    ...capture,
    'page:saveCapture': async (data) => {
      const result = await capture['page:saveCapture'](data);
      return reindex(result, createdId(result));
    },
    'page:search': async ({ query, limit }) => byIds((await searchIndex()).search(query, limit).map((h) => h.id)),
    'page:recent': async ({ limit }) => byIds(await recentCustomerIds(db, limit)),
    'page:get': async ({ id }) => (await getCustomer(db, id)) ?? null,
    'page:create': async ({ input }) => {
      const result = await createCustomer(db, input);
      return reindex(result, createdId(result));
    },
    'page:update': async ({ id, revision, input }) => reindex(await updateCustomer(db, id, revision, input), id),
    'page:delete': async ({ id, revision }) => reindex(await deleteCustomer(db, id, revision), id),
    'page:undo': async ({ seq }) => reindex(await undoChange(db, seq), (await db.get('audit', seq))?.customerId),
    'page:history': async ({ id }) => customerHistory(db, id),
    'page:stats': async () => {
      await searchIndex(); // reading the whole book once also quarantines what no longer validates
      return { customers: await db.count('customers'), quarantined: (await listQuarantine(db)).length };
    },
    'page:fill': async ({ tabId, id, entryId }) => {
      const customer = await getCustomer(db, id);
      if (!customer) return { ok: false, reason: 'notFound' };
      const report = await tabs(tabId, { type: 'taitou:fill', values: fillValuesOf(customer, entryId) }).catch(
        () => undefined,
      );
      if (!report) return { ok: false, reason: 'noFields' };
      await markUsed(db, id);
      await sync(id); // recency ranks results
      return { ok: true, report };
    },
    'page:loadSamples': async () => {
      const { created, refused } = await createCustomers(db, SAMPLE_CUSTOMERS);
      const idx = await searchIndex();
      for (const c of created) idx.upsert(c);
      return { added: created.length, skipped: refused.length };
    },
  };
}
