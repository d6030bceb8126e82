import { addAttachment, getAttachment, listAttachments, removeAttachment } from '../db/attachments';
import {
  changeMany,
  createCustomer,
  createCustomers,
  customerHistory,
  customersAfter,
  deleteCustomer,
  getCustomer,
  getCustomers,
  markUsed,
  newestCustomers,
  recentCustomers,
  undoBatch,
  undoChange,
  updateCustomer,
} from '../db/customers';
import { recordIssued } from '../db/invoices';
import { mergeCustomers, mergeMany } from '../db/merge';
import type { TaitouDB } from '../db/open';
import type { BookResult } from '../db/result';
import { SAMPLE_CUSTOMERS } from '../demo/samples';
import { fromBase64, toBase64 } from '../domain/attachment';
import { chinaDay } from '../domain/credit';
import type { Customer } from '../domain/customer';
import { portalInvoice } from '../domain/invoice';
import { BACKUP_PORT, RESTORE_PORT } from '../messaging/backup-port';
import { IMPORT_PORT } from '../messaging/import-port';
import type { PortLike } from '../messaging/port';
import {
  type Handlers,
  isVaultMessage,
  type MessageName,
  type Origin,
  PROTOCOL,
  type VaultMessage,
} from '../messaging/protocol';
import type { FillReport, FillRequest } from '../messaging/tab';
import { analyticsHandlers } from './analytics-service';
import { type SettingsStore, serveBackup, serveRestore } from './backup-service';
import { bookIndex } from './book-index';
import { captureHandlers } from './capture-service';
import { creditService } from './credit-service';
import { customerCredit, customerInvoices } from './customer-extras-service';
import { serveImport } from './import-service';
import { type Broadcaster, menuRelay } from './menu-relay';
import { similarCustomers } from './similar';
import { type SnapshotService, snapshotService, withSnapshots, withSnapshotsBook } from './snapshot-service';
import { storageFullToPages } from './storage-full';
import { lockFirst, memoryArea, type VaultEnv, vaultService } from './vault-service';

/** Where the background's ports come from: the pages, and settings and callbacks the worker provides. */
export interface ServiceEnv {
  tabs: TabMessenger;
  broadcast: Broadcaster;
  settings: SettingsStore;
  /** After an import or a restore: the recent customers (the context menu) may have changed. */
  onChanged: () => void;
  /** Where the lock keeps its state (see vaultService); in memory when not given. */
  vault?: Omit<VaultEnv, 'onChange'>;
}

/**
 * The background's answers to the extension pages, and its ports (import, backup, restore). All can be served before
 * the book has opened (a message may be what woke the worker): each waits for it, and all fail with the reason if it
 * cannot open.
 */
export function bookService(opening: Promise<TaitouDB>, env: ServiceEnv) {
  // One credit reader for the worker's life, shared by the handlers and the ports that write invoices.
  const book = opening.then((db) => ({
    db,
    index: bookIndex(db),
    credit: creditService(db),
    snapshots: snapshotService(db),
  }));
  const ready = book.then(({ db, index, credit, snapshots }) =>
    handlersFor(db, env.tabs, env.broadcast, index, credit, snapshots),
  );
  ready.catch(() => undefined); // a book that cannot open is told by each handler (the lock may refuse first)
  const names = (Object.keys(PROTOCOL) as MessageName[]).filter((name) => !isVaultMessage(name));
  const waiting = (name: MessageName) => async (data: never, origin?: Origin) =>
    ((await ready)[name as Exclude<MessageName, VaultMessage>] as (d: never, o?: Origin) => unknown)(data, origin);
  const handlers = Object.fromEntries(names.map((name) => [name, waiting(name)])) as unknown as Handlers;
  // The customers are kept as a snapshot at the day's first write and before a risky one (see withSnapshots).
  const snapshots = book.then((b) => b.snapshots);
  snapshots.catch(() => undefined); // a book that cannot open is told by each handler
  const guarded = storageFullToPages(withSnapshots(handlers, snapshots));
  // While the book is locked nothing but the lock's own messages is answered; a lock or an unlock leaves the search
  // index to be read afresh (it is held in the clear in memory).
  const vault = vaultService(opening, {
    ...(env.vault ?? { local: memoryArea(), session: memoryArea() }),
    onChange: (locked) => {
      book.then(({ index }) => index.reload()).catch(() => undefined);
      env.broadcast({ type: 'taitou:vault', locked });
      env.onChanged();
    },
  });
  // A port is served at once (its first messages must not be missed) and reaches the book once the lock lets it.
  const unlocked = () => {
    const admitted = vault.admit().then(() => book);
    admitted.catch(() => undefined); // told to the page by the port's service when it reaches for the book
    return admitted;
  };
  /** What serves each port an extension page may open, by the port's name. */
  const ports = new Map<string, (port: PortLike<never, unknown>) => void>([
    [IMPORT_PORT, (port) => serveImport(port, withSnapshotsBook(unlocked(), 'import'), env.onChanged)],
    [BACKUP_PORT, (port) => serveBackup(port, unlocked(), env.settings)],
    [
      RESTORE_PORT,
      (port) =>
        serveRestore(port, withSnapshotsBook(unlocked(), 'restore'), env.settings, () => {
          // A restore may bring any buyer's invoices: what the credit reader kept is stale.
          book.then(({ credit }) => credit.forget());
          env.onChanged();
        }),
    ],
  ]);
  return {
    handlers: { ...lockFirst(guarded, vault.admit), ...vault.handlers } as Handlers,
    ports,
  };
}

/** Sends a fill request to a tab's frames; resolves with the answering frame's report, or undefined if none had fields. */
export type TabMessenger = (tabId: number, request: FillRequest) => Promise<FillReport | undefined>;

/** The book in IndexedDB plus its search index (see bookIndex); every write goes through the index's `write`. */
export function handlersFor(
  db: TaitouDB,
  tabs: TabMessenger,
  broadcast: Broadcaster,
  index = bookIndex(db),
  credit = creditService(db),
  snapshots: SnapshotService = snapshotService(db),
): Omit<Handlers, VaultMessage> {
  const only = (id: string) => (result: BookResult<unknown>) => (result.ok ? [id] : []);
  const created = (result: BookResult<Customer>) => (result.ok ? [result.value.id] : []);
  const byIds = (ids: string[]) => getCustomers(db, ids);

  const capture = captureHandlers(db, index.get);
  return {
    ...menuRelay(broadcast),
    ...analyticsHandlers(db),
    ...credit.handlers,
    ...capture,
    ...snapshots.handlers(index, credit),
    'page:saveCapture': (data) => index.write(() => capture['page:saveCapture'](data), created),
    'cs:issued': async (issued) => {
      const id = crypto.randomUUID().replaceAll('-', '');
      const record = await recordIssued(db, portalInvoice({ ...issued, issuedOn: chinaDay(Date.now()) }, id));
      // The buyer's credit has moved: the next check reads it again.
      credit.forget([record.buyerTaxId]);
      return null;
    },
    'page:search': async ({ query, limit }) => byIds((await index.get()).search(query, limit).map((h) => h.id)),
    'page:recent': ({ limit }) => recentCustomers(db, limit),
    'page:get': async ({ id }) => (await getCustomer(db, id)) ?? null,
    'page:getMany': ({ ids }) => byIds(ids),
    'page:create': ({ input }) => index.write(() => createCustomer(db, input), created),
    'page:update': ({ id, revision, input }) => index.write(() => updateCustomer(db, id, revision, input), only(id)),
    'page:delete': ({ id, revision }) => index.write(() => deleteCustomer(db, id, revision), only(id)),
    'page:undo': async ({ seq }) => {
      const id = (await db.get('audit', seq))?.customerId ?? '';
      return index.write(() => undoChange(db, seq), only(id));
    },
    'cs:warm': async () => {
      await index.get();
      return null;
    },
    'page:history': async ({ id }) => customerHistory(db, id),
    'page:bookKeys': async () => (await index.get()).keys(),
    'page:similar': async (draft) => similarCustomers(db, await index.get(), draft),
    'page:newest': ({ limit }) => newestCustomers(db, limit),
    'page:pageOf': ({ after, limit }) => customersAfter(db, after, limit),
    'page:bulk': ({ ids, action }) =>
      index.write(
        () => changeMany(db, ids, action),
        (r) => r.changed,
      ),
    'page:merge': ({ members, survivorId, choices }) =>
      index.write(
        () => mergeCustomers(db, members, survivorId, choices),
        (r) => (r.ok ? [r.value.merged, ...r.value.deleted] : []),
      ),
    'page:mergeMany': ({ groups }) =>
      index.write(
        () => mergeMany(db, groups),
        (r) => (r.ok ? [...r.value.changed, ...r.value.deleted] : []),
      ),
    'page:undoBatch': ({ batch }) =>
      index.write(
        () => undoBatch(db, batch),
        (r) => r.changed,
      ),
    'page:customerInvoices': ({ id, offset, limit }) => customerInvoices(db, id, offset, limit),
    'page:customerCredit': ({ id, limit }) => customerCredit(db, id, limit),
    'page:attachments': ({ customerId }) => listAttachments(db, customerId),
    'page:attachment': async ({ id }) => {
      const found = await getAttachment(db, id);
      if (!found) return null;
      const { data, ...meta } = found;
      return { ...meta, data: toBase64(new Uint8Array(data)) };
    },
    'page:attach': ({ customerId, name, data }) => addAttachment(db, customerId, name, fromBase64(data)),
    'page:detach': async ({ id }) => {
      await removeAttachment(db, id);
      return null;
    },
    'page:stats': async () => {
      // Start the index (a rebuild also quarantines what no longer validates) without waiting for it; once it is
      // loaded, its size is the count, which IndexedDB takes a while to give at 100,000 customers.
      index.get().catch(() => undefined);
      const customers = index.size() ?? (await db.count('customers'));
      return { customers, quarantined: await db.count('quarantine') };
    },
    'page:fill': async ({ tabId, id, entryId }) => {
      const customer = await getCustomer(db, id);
      if (!customer) return { ok: false, reason: 'notFound' };
      const report = await tabs(tabId, await credit.fillRequest(customer, entryId)).catch(() => undefined);
      if (!report) return { ok: false, reason: 'noFields' };
      await index.write(
        () => markUsed(db, id),
        () => [id],
      ); // recency ranks results
      return { ok: true, report };
    },
    'page:loadSamples': async () => {
      const { created: added, refused } = await index.write(
        () => createCustomers(db, SAMPLE_CUSTOMERS),
        (r) => r.created.map((c) => c.id),
      );
      return { added: added.length, skipped: refused.length };
    },
  };
}
