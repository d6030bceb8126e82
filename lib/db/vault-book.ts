import type { VaultKeys } from '../vault/cipher';
import { dropIndexSnapshot } from './index-cache';
import type { TaitouDB } from './open';
import type { Attachment, StoredAuditEntry } from './schema';
import {
  isSealed,
  openCustomer,
  openFile,
  type StoredCustomer,
  sealCustomer,
  sealEntry,
  sealFile,
  setVault,
} from './sealed';
import { dropAllSnapshots } from './snapshots';

/** What turning the lock on or off did; `stuck` records would not open and stopped the change (nothing written). */
export interface Converted {
  customers: number;
  history: number;
  stuck: string[];
}

/**
 * Seals every customer, audit record and kept file still in the clear (the lock is being turned on, or a worker that died
 * while it was turned on left some), in one transaction: all of it lands, or none. From here on the book is read
 * and written with `keys`. Copies kept in the clear (the saved search index, earlier snapshots) are dropped.
 */
export async function sealBook(db: TaitouDB, keys: VaultKeys): Promise<Converted> {
  setVault(db, keys);
  const { customers, audit, files } = await readAll(db);
  const sealedCustomers = await Promise.all(customers.filter((c) => !isSealed(c)).map((c) => sealCustomer(db, c)));
  const clear = audit.filter((e) => (e.before && !isSealed(e.before)) || (e.after && !isSealed(e.after)));
  const sealedAudit = await Promise.all(clear.map((e) => sealEntry(db, e)));
  const sealedFiles = (await Promise.all(
    files.filter((f) => !isSealed(f)).map((f) => sealFile(db, f)),
  )) as Attachment[];
  await writeAll(db, sealedCustomers, sealedAudit, sealedFiles);
  // Copies kept in the clear go: the search index (names, tax IDs) and the automatic snapshots taken before.
  await dropIndexSnapshot(db).catch(() => undefined);
  await dropAllSnapshots(db).catch(() => undefined);
  return { customers: sealedCustomers.length, history: sealedAudit.length, stuck: [] };
}

/**
 * Opens every sealed record and writes it back in the clear, in one transaction (the lock is being turned off). A
 * record that will not open with `keys` stops it all: written back as it is, it would be lost once the key is gone.
 */
export async function unsealBook(db: TaitouDB, keys: VaultKeys): Promise<Converted> {
  setVault(db, keys);
  const { customers, audit, files } = await readAll(db);
  const open = (c: StoredCustomer | null) => (c && isSealed(c) ? openCustomer(db, c) : c) as Promise<StoredCustomer>;
  const opened = await Promise.all(customers.filter(isSealed).map(open));
  const sealedAudit = audit.filter((e) => isSealed(e.before) || isSealed(e.after));
  const openedAudit = await Promise.all(
    sealedAudit.map(async (e) => ({ ...e, before: await open(e.before), after: await open(e.after) })),
  );
  const openedFiles = await Promise.all(files.filter(isSealed).map((f) => openFile(db, f)));
  const stuck = [
    ...opened.filter(isSealed).map((c) => c.id),
    ...openedAudit.filter((e) => isSealed(e.before) || isSealed(e.after)).map((e) => `audit:${e.seq}`),
    ...openedFiles.filter(isSealed).map((f) => `attachment:${f.id}`),
  ];
  if (stuck.length > 0) return { customers: 0, history: 0, stuck };
  await writeAll(db, opened, openedAudit, openedFiles);
  // Snapshots taken with the lock on hold sealed records, which nothing can open once the secret is gone.
  await dropAllSnapshots(db).catch(() => undefined);
  setVault(db, null);
  return { customers: opened.length, history: openedAudit.length, stuck };
}

async function readAll(db: TaitouDB) {
  const tx = db.transaction(['customers', 'audit', 'attachments']);
  const [customers, audit, files] = await Promise.all([
    tx.objectStore('customers').getAll(),
    tx.objectStore('audit').getAll(),
    tx.objectStore('attachments').getAll(),
    tx.done,
  ]);
  return { customers, audit, files };
}

async function writeAll(db: TaitouDB, customers: StoredCustomer[], audit: StoredAuditEntry[], files: Attachment[]) {
  const tx = db.transaction(['customers', 'audit', 'attachments'], 'readwrite');
  await Promise.all([
    ...customers.map((c) => tx.objectStore('customers').put(c)),
    ...audit.map((e) => tx.objectStore('audit').put(e)),
    ...files.map((f) => tx.objectStore('attachments').put(f)),
    tx.done,
  ]);
}
