import { type IDBPDatabase, type IDBPTransaction, unwrap } from 'idb';
import type { Customer } from '../domain/customer';
import { indexToken, type Sealed, seal, unseal, type VaultKeys } from '../vault/cipher';

/**
 * A customer as the store keeps it while the lock is on: what the indexes and the revision checks need in the clear
 * (the id, revision, dates and use count), the index keys as tokens, and the whole record encrypted.
 */
export interface SealedCustomer {
  id: string;
  revision: number;
  createdAt: number;
  updatedAt: number;
  lastUsedAt: number | null;
  useCount: number;
  keys: { name: string; taxId?: string };
  sealed: Sealed;
}
export type StoredCustomer = Customer | SealedCustomer;

/** The book is locked: nothing is read or written until the clerk unlocks it. */
export class VaultLocked extends Error {
  override name = 'VaultLocked';
  constructor() {
    super('taitou:locked');
  }
}

/** An open database, idb's wrapper (of any schema) or the browser's own. */
type AnyDB = Pick<IDBPDatabase<unknown>, 'name'> | IDBDatabase;
const raw = (db: AnyDB) => (db instanceof IDBDatabase ? db : (unwrap(db as IDBPDatabase<unknown>) as IDBDatabase));

/** Per open database: its keys while unlocked, 'locked' while the lock is on without them; absent when off. */
const vaults = new WeakMap<IDBDatabase, VaultKeys | 'locked'>();

/** What the book's readers and writers use from now on: keys (unlocked), 'locked', or null (no lock). */
export function setVault(db: AnyDB, state: VaultKeys | 'locked' | null): void {
  if (state) vaults.set(raw(db), state);
  else vaults.delete(raw(db));
}

/** Whether the lock is on (locked or not): then nothing of the book may be kept in the clear on disk. */
export const vaultOn = (db: AnyDB): boolean => vaults.has(raw(db));

/** The keys to seal with, null when the lock is off; throws while locked. */
export function vaultKeys(db: AnyDB): VaultKeys | null {
  const state = vaults.get(raw(db));
  if (state === 'locked') throw new VaultLocked();
  return state ?? null;
}

export const isSealed = (value: unknown): value is { sealed: Sealed } =>
  typeof value === 'object' && value !== null && 'sealed' in value;

const label = (id: string) => `customers:${id}`;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The stored form each opened record came from, so that writing it back unchanged (an audit's `before`) costs nothing. */
const storedOf = new WeakMap<object, StoredCustomer>();

/**
 * The record as the store should keep it now: sealed while the lock is on, as it is otherwise. Without a lock the
 * answer is no promise, so that a transaction pays nothing for the check (see `within`).
 */
export function sealCustomer(db: AnyDB, customer: StoredCustomer): StoredCustomer | Promise<StoredCustomer> {
  const keys = vaultKeys(db);
  if (!keys || isSealed(customer)) return customer;
  const kept = storedOf.get(customer);
  return kept && isSealed(kept) ? kept : sealWith(keys, customer);
}

async function sealWith(keys: VaultKeys, customer: Customer): Promise<SealedCustomer> {
  const { id, revision, createdAt, updatedAt, lastUsedAt, useCount } = customer;
  const [name, taxId, sealed] = await Promise.all([
    indexToken(keys, 'name', customer.keys.name),
    customer.keys.taxId ? indexToken(keys, 'taxId', customer.keys.taxId) : undefined,
    seal(keys, encoder.encode(JSON.stringify(customer)), label(id)),
  ]);
  const stored: SealedCustomer = {
    id,
    revision,
    createdAt,
    updatedAt,
    lastUsedAt,
    useCount,
    keys: taxId ? { name, taxId } : { name },
    sealed,
  };
  storedOf.set(customer, stored);
  return stored;
}

/**
 * A stored record as a customer (not yet validated: the caller parses it). A sealed record that will not open
 * (altered, or sealed under another key) comes back as it is, so that validation sends it to the quarantine whole.
 * The clear fields win over the sealed ones: a fill (use count) and an undo (revision) change only those.
 */
export function openCustomer(db: AnyDB, stored: unknown): unknown {
  if (!isSealed(stored)) return stored;
  const keys = vaultKeys(db);
  return keys ? openWith(keys, stored as SealedCustomer) : stored;
}

async function openWith(keys: VaultKeys, envelope: SealedCustomer): Promise<unknown> {
  const plain = await unseal(keys, envelope.sealed, label(String(envelope.id)));
  if (!plain) return envelope;
  const { revision, updatedAt, lastUsedAt, useCount } = envelope;
  const opened = { ...JSON.parse(decoder.decode(plain)), revision, updatedAt, lastUsedAt, useCount };
  storedOf.set(opened, envelope);
  return opened;
}

/** The key to look a value up by in the customers' `taxId` or `name` index: a token while the lock is on. */
export function indexKey(db: AnyDB, kind: 'taxId' | 'name', value: string): string | Promise<string> {
  const keys = vaultKeys(db);
  return keys ? indexToken(keys, kind, value) : value;
}

type AnyTx = IDBPTransaction<unknown, string[], IDBTransactionMode>;

/**
 * Waits for `work` (encryption, which is not IndexedDB) inside an open transaction. A transaction commits as soon as
 * it has no request pending, so while the work runs a cheap read is kept in flight; the transaction stays open and
 * what it read before still holds when the writes go in.
 */
export async function within<T>(tx: { objectStoreNames: unknown }, work: Promise<T> | T): Promise<T> {
  if (!(work instanceof Promise)) return work;
  let settled = false;
  const outcome = work.finally(() => {
    settled = true;
  });
  outcome.catch(() => {});
  const anyTx = tx as unknown as AnyTx;
  const store = anyTx.objectStore(anyTx.objectStoreNames[0] as string);
  while (!settled) await store.getKey('\u0000');
  return outcome;
}

/** An audit entry's records as the store should keep them now (see sealCustomer). */
export async function sealEntry<E extends { before: StoredCustomer | null; after: StoredCustomer | null }>(
  db: AnyDB,
  entry: E,
): Promise<E> {
  const [before, after] = await Promise.all([
    entry.before && sealCustomer(db, entry.before),
    entry.after && sealCustomer(db, entry.after),
  ]);
  return { ...entry, before, after };
}

/** A kept file as the store keeps it while the lock is on: its name and bytes sealed together. */
export interface SealedFile {
  name: '';
  data: ArrayBuffer;
  sealed: Sealed;
}

const fileLabel = (id: string) => `attachments:${id}`;

/** A file's name and bytes as the store should keep them now: sealed while the lock is on (see sealCustomer). */
export async function sealFile<F extends { id: string; name: string; data: ArrayBuffer }>(
  db: AnyDB,
  file: F,
): Promise<F | (Omit<F, 'name' | 'data'> & SealedFile)> {
  const keys = vaultKeys(db);
  if (!keys || isSealed(file)) return file;
  // Through JSON: a lone surrogate in a name survives as an escape, where TextEncoder would replace it.
  const name = encoder.encode(JSON.stringify(file.name));
  const body = new Uint8Array(4 + name.length + file.data.byteLength);
  new DataView(body.buffer).setUint32(0, name.length);
  body.set(name, 4);
  body.set(new Uint8Array(file.data), 4 + name.length);
  return { ...file, name: '', data: new ArrayBuffer(0), sealed: await seal(keys, body, fileLabel(file.id)) };
}

/** A stored file with its name and bytes opened; one that will not open comes back as it is. */
export async function openFile<F extends { id: string; name: string; data: ArrayBuffer }>(
  db: AnyDB,
  file: F,
): Promise<F> {
  if (!isSealed(file)) return file;
  const keys = vaultKeys(db);
  const body = keys && (await unseal(keys, (file as unknown as SealedFile).sealed, fileLabel(file.id)));
  if (!body) return file;
  const length = new DataView(body.buffer, body.byteOffset).getUint32(0);
  const { sealed: _, ...rest } = file as F & { sealed: Sealed };
  return {
    ...rest,
    name: JSON.parse(decoder.decode(body.subarray(4, 4 + length))),
    data: body.slice(4 + length).buffer,
  } as unknown as F;
}
