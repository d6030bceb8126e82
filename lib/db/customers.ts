import { type IDBPTransaction, unwrap } from 'idb';
import { applyAction, type BulkAction } from '../domain/bulk';
import { type Customer, type CustomerDraft, CustomerInputSchema, CustomerSchema } from '../domain/customer';
import { normalizeDraft } from '../domain/validate';
import { searchKeys } from '../search/keys';
import type { TaitouDB } from './open';
import { type BookResult, fail, ok } from './result';
import type { AuditEntry, QuarantineEntry, StoredAuditEntry, TaitouSchema } from './schema';
import { indexKey, isSealed, openCustomer, type StoredCustomer, sealCustomer, within } from './sealed';

export type WriteTx = IDBPTransaction<TaitouSchema, ('customers' | 'audit' | 'invoices')[], 'readwrite'>;

export interface WriteOptions {
  now?: number;
  batch?: string;
}

function parseInput(input: unknown): BookResult<CustomerDraft> {
  const parsed = CustomerInputSchema.safeParse(input);
  if (!parsed.success) {
    return fail({ code: 'invalid', issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) });
  }
  return ok(normalizeDraft(parsed.data));
}

/** The id of another customer that already has this tax ID, if any. */
export async function taxIdOwner(tx: WriteTx, draft: CustomerDraft, self?: string): Promise<string | undefined> {
  if (!draft.taxId) return undefined;
  const key = await within(tx, indexKey(tx.db, 'taxId', draft.taxId));
  const owner = await tx.objectStore('customers').index('taxId').getKey(key);
  return owner !== undefined && owner !== self ? owner : undefined;
}

/** Runs `work` in one read-write transaction over customers and audit, and waits until it has committed. */
async function inTransaction<T>(db: TaitouDB, work: (tx: WriteTx) => Promise<BookResult<T>>): Promise<BookResult<T>> {
  const tx = db.transaction(['customers', 'audit'], 'readwrite');
  const result = await work(tx);
  await tx.done;
  return result;
}

/**
 * One customer inside a write, opened. A sealed record that will not open stops the write: writing it back from
 * what could be read would lose it.
 */
export async function readIn(tx: WriteTx, id: string): Promise<Customer | undefined> {
  const stored = await tx.objectStore('customers').get(id);
  if (stored === undefined) return undefined;
  const opened = await within(tx, openCustomer(tx.db, stored));
  if (isSealed(opened)) throw new Error(`customer ${id} will not open with this key`);
  return opened as Customer;
}

/**
 * Stores the change's `after` (deletes the customer when it is null) and appends the change to the audit log; both
 * sealed while the lock is on.
 */
export async function apply(tx: WriteTx, change: Omit<StoredAuditEntry, 'at' | 'batch'>, now: number, batch?: string) {
  const before = change.before && (await within(tx, sealCustomer(tx.db, change.before)));
  const after = change.after && (await within(tx, sealCustomer(tx.db, change.after)));
  if (after) await tx.objectStore('customers').put(after);
  else await tx.objectStore('customers').delete(change.customerId);
  const entry = { ...change, before, after, at: now };
  await tx.objectStore('audit').add(batch ? { ...entry, batch } : entry);
}

/** Adds a customer; a tax ID that another customer has is refused (the clerk merges instead). */
export async function createCustomer(
  db: TaitouDB,
  input: unknown,
  opts: WriteOptions = {},
): Promise<BookResult<Customer>> {
  const draft = parseInput(input);
  if (!draft.ok) return draft;
  return inTransaction(db, (tx) => createIn(tx, draft.value, opts));
}

/** A customer as the book first stores it: a new id, revision 1, never used. */
export function newCustomer(draft: CustomerDraft, now: number, keys: Customer['keys']): Customer {
  return {
    ...draft,
    id: crypto.randomUUID(),
    createdAt: now,
    updatedAt: now,
    lastUsedAt: null,
    useCount: 0,
    revision: 1,
    keys,
  };
}

/** Adds one validated customer inside a caller's transaction (over at least customers and audit). */
export async function createIn(tx: WriteTx, draft: CustomerDraft, opts: WriteOptions): Promise<BookResult<Customer>> {
  const existingId = await taxIdOwner(tx, draft);
  if (existingId) return fail({ code: 'duplicateTaxId', existingId });
  const now = opts.now ?? Date.now();
  const customer = newCustomer(draft, now, searchKeys(draft.name, draft.taxId));
  await apply(tx, { customerId: customer.id, action: 'create', before: null, after: customer }, now, opts.batch);
  return ok(customer);
}

/** Adds many customers in one transaction, skipping (and reporting) those that fail. */
export async function createCustomers(
  db: TaitouDB,
  inputs: readonly unknown[],
  opts: WriteOptions = {},
): Promise<{ created: Customer[]; refused: { index: number; result: BookResult<Customer> }[] }> {
  const tx = db.transaction(['customers', 'audit'], 'readwrite');
  const created: Customer[] = [];
  const refused: { index: number; result: BookResult<Customer> }[] = [];
  for (const [index, input] of inputs.entries()) {
    const draft = parseInput(input);
    const result = draft.ok ? await createIn(tx, draft.value, opts) : fail<Customer>(draft.error);
    if (result.ok) created.push(result.value);
    else refused.push({ index, result });
  }
  await tx.done;
  return { created, refused };
}

/**
 * Saves an edit made to revision `expectedRevision`. If the stored customer has moved on (another tab, the popup,
 * a capture prompt), the write is refused with the current record so that nothing is overwritten silently.
 */
export async function updateCustomer(
  db: TaitouDB,
  id: string,
  expectedRevision: number,
  input: unknown,
  opts: WriteOptions = {},
): Promise<BookResult<Customer>> {
  const draft = parseInput(input);
  if (!draft.ok) return draft;
  return inTransaction(db, async (tx) => {
    const current = await readIn(tx, id);
    if (!current) return fail({ code: 'conflict', current: null });
    if (current.revision !== expectedRevision) return fail({ code: 'conflict', current });
    const existingId = await taxIdOwner(tx, draft.value, id);
    if (existingId) return fail({ code: 'duplicateTaxId', existingId });
    const now = opts.now ?? Date.now();
    const next: Customer = {
      ...current,
      ...draft.value,
      updatedAt: now,
      revision: current.revision + 1,
      keys: searchKeys(draft.value.name, draft.value.taxId),
    };
    await apply(tx, { customerId: id, action: 'update', before: current, after: next }, now, opts.batch);
    return ok(next);
  });
}

/** Deletes the customer as of `expectedRevision`; the audit log keeps it for undo. */
export function deleteCustomer(
  db: TaitouDB,
  id: string,
  expectedRevision: number,
  opts: WriteOptions = {},
): Promise<BookResult<Customer>> {
  return inTransaction(db, async (tx) => {
    const current = await readIn(tx, id);
    if (!current) return fail({ code: 'notFound' });
    if (current.revision !== expectedRevision) return fail({ code: 'conflict', current });
    await apply(
      tx,
      { customerId: id, action: 'delete', before: current, after: null },
      opts.now ?? Date.now(),
      opts.batch,
    );
    return ok(current);
  });
}

/**
 * Reverts one audited change, provided the customer is still as that change left it. The undo is itself audited,
 * so undoing it again redoes the change.
 */
export function undoChange(db: TaitouDB, seq: number, opts: WriteOptions = {}): Promise<BookResult<Customer | null>> {
  return inTransaction(db, async (tx) => {
    const entry = await tx.objectStore('audit').get(seq);
    // An import's chunk is taken back whole, with its batch (undoBatch).
    if (!entry || entry.created) return fail({ code: 'notFound' });
    return undoIn(tx, entry, opts.now ?? Date.now(), opts.batch);
  });
}

async function undoIn(
  tx: WriteTx,
  entry: StoredAuditEntry,
  now: number,
  batch: string | undefined,
): Promise<BookResult<Customer | null>> {
  const current = (await readIn(tx, entry.customerId)) ?? null;
  // A creation an import recorded in bulk names no record: the customer it added was at revision 1.
  const left = entry.action === 'create' && !entry.after ? 1 : (entry.after?.revision ?? null);
  if ((current?.revision ?? null) !== left) return fail({ code: 'conflict', current });
  // Sealed first, so that its tax ID is the index's key whether the lock is on or off. A sealed record's clear
  // revision and date are what it opens with, so the new ones need no encryption.
  // Uses are not edits: the fills counted since the undone change stay counted, on top of the uses it restores (a
  // merge undone gives each customer back its own). Clear fields, so no encryption either way.
  const usedSince = current && entry.after ? current.useCount - entry.after.useCount : 0;
  const since =
    current && entry.before && usedSince > 0
      ? { useCount: entry.before.useCount + usedSince, lastUsedAt: current.lastUsedAt }
      : {};
  const restored: StoredCustomer | null = entry.before
    ? await within(
        tx,
        sealCustomer(tx.db, {
          ...entry.before,
          ...since,
          updatedAt: now,
          revision: (current?.revision ?? entry.before.revision) + 1,
        }),
      )
    : null;
  const taxId = restored?.keys.taxId;
  const clash = taxId ? await tx.objectStore('customers').index('taxId').getKey(taxId) : undefined;
  if (restored && clash !== undefined && clash !== restored.id) {
    return fail({ code: 'duplicateTaxId', existingId: clash });
  }
  const undo = { customerId: entry.customerId, action: 'undo' as const, before: current, after: restored };
  await apply(tx, { ...undo, undoes: entry.seq }, now, batch);
  return ok(restored && ((await within(tx, openCustomer(tx.db, restored))) as Customer));
}

/**
 * One action on many customers in one transaction: all of it is written, or none. Every change joins one audit
 * batch (its id is returned) so that `undoBatch` takes it back at once. Customers already as asked are left alone.
 */
export async function changeMany(
  db: TaitouDB,
  ids: readonly string[],
  action: BulkAction,
  opts: WriteOptions = {},
): Promise<{ batch: string; changed: string[] }> {
  const batch = opts.batch ?? crypto.randomUUID();
  const now = opts.now ?? Date.now();
  const changed: string[] = [];
  const tx = db.transaction(['customers', 'audit'], 'readwrite');
  for (const id of ids) {
    const current = await readIn(tx, id);
    if (!current) continue;
    const after = applyAction(current, action, now);
    if (after === current) continue;
    const next = after && { ...after, updatedAt: now, revision: current.revision + 1 };
    const change = { customerId: id, action: next ? ('update' as const) : ('delete' as const), before: current };
    await apply(tx, { ...change, after: next }, now, batch);
    changed.push(id);
  }
  await tx.done;
  return { batch, changed };
}

/**
 * Takes a whole batch back in one transaction, newest change first. A customer edited since is left as it is now and
 * reported, so an undo never overwrites later work.
 */
export async function undoBatch(
  db: TaitouDB,
  batch: string,
  opts: WriteOptions = {},
): Promise<{ batch: string; changed: string[]; conflicts: string[] }> {
  const undo = opts.batch ?? crypto.randomUUID();
  const now = opts.now ?? Date.now();
  const changed: string[] = [];
  const conflicts: string[] = [];
  const tx = db.transaction(['customers', 'audit'], 'readwrite');
  const entries = await tx.objectStore('audit').index('batch').getAll(batch);
  for (const entry of entries.sort((a, b) => (b.seq ?? 0) - (a.seq ?? 0))) {
    // An import's chunk stands for one creation per customer it added.
    const each = entry.created?.map((id) => ({ ...entry, customerId: id, action: 'create' as const })) ?? [entry];
    for (const one of each) {
      const result = await undoIn(tx, one, now, undo);
      (result.ok ? changed : conflicts).push(one.customerId);
    }
  }
  await tx.done;
  return { batch: undo, changed, conflicts };
}

/** Counts a fill: recency and frequency rank search results. Not a revision: usage never conflicts with edits. */
export async function markUsed(db: TaitouDB, id: string, now = Date.now()): Promise<void> {
  const tx = db.transaction('customers', 'readwrite');
  const current = await tx.store.get(id);
  if (current) await tx.store.put({ ...current, lastUsedAt: now, useCount: current.useCount + 1 });
  await tx.done;
}

/** The id of the customer with this tax ID (normalised) or name key, if the book has one. */
export async function customerIdBy(db: TaitouDB, index: 'taxId' | 'name', key: string): Promise<string | undefined> {
  return db.getKeyFromIndex('customers', index, await indexKey(db, index, key));
}

/** One customer, validated; an invalid stored record is quarantined and reported as missing. */
export async function getCustomer(db: TaitouDB, id: string): Promise<Customer | undefined> {
  const raw = await db.get('customers', id);
  if (raw === undefined) return undefined;
  const { customers } = await keepValid(db, [raw]);
  return customers[0];
}

/** Several customers in one read, in the order asked, leaving out those that are gone (or quarantined now). */
export async function getCustomers(db: TaitouDB, ids: readonly string[]): Promise<Customer[]> {
  const store = db.transaction('customers').store;
  const raws = await Promise.all(ids.map((id) => store.get(id)));
  const { customers } = await keepValid(
    db,
    raws.filter((r) => r !== undefined),
  );
  return customers;
}

/** The whole book. Records that no longer validate are moved to the quarantine and returned beside it. */
export async function listCustomers(db: TaitouDB): Promise<{ customers: Customer[]; quarantined: QuarantineEntry[] }> {
  return keepValid(db, await db.getAll('customers'));
}

async function keepValid(db: TaitouDB, raws: unknown[]) {
  const customers: Customer[] = [];
  const quarantined: QuarantineEntry[] = [];
  const now = Date.now();
  const opened = await Promise.all(raws.map((raw) => openCustomer(db, raw)));
  for (const [i, raw] of raws.entries()) {
    const parsed = CustomerSchema.safeParse(opened[i]);
    if (parsed.success) customers.push(parsed.data);
    else {
      const key = String((raw as { id?: unknown } | null)?.id ?? '');
      const issues = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
      quarantined.push({ at: now, store: 'customers', key, reason: 'invalid', issues, raw });
    }
  }
  if (quarantined.length > 0) {
    const tx = db.transaction(['customers', 'quarantine'], 'readwrite');
    for (const entry of quarantined) {
      await tx.objectStore('quarantine').add(entry);
      await tx.objectStore('customers').delete(entry.key);
    }
    await tx.done;
  }
  return { customers, quarantined };
}

/** The customers changed most recently, newest first: what the manager shows before the whole book has loaded. */
export async function newestCustomers(db: TaitouDB, limit: number): Promise<Customer[]> {
  return (await keepValid(db, await lastByIndex(db, 'updatedAt', limit))).customers;
}

type RecordsIndex = IDBIndex & {
  getAllRecords?(options: { direction: 'prev'; count: number }): IDBRequest<{ value: unknown }[]>;
};

/**
 * The last `count` customers in an index's order, last first. Chromium reads them in one request
 * (getAllRecords); elsewhere a cursor walks back one record at a time, which costs a round trip each.
 */
async function lastByIndex(db: TaitouDB, name: 'updatedAt' | 'lastUsedAt', count: number): Promise<unknown[]> {
  const index = db.transaction('customers').store.index(name);
  const raw = unwrap(index) as RecordsIndex;
  if (raw.getAllRecords) {
    const request = raw.getAllRecords({ direction: 'prev', count });
    const records = await new Promise<{ value: unknown }[]>((resolve, reject) => {
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    return records.map((r) => r.value);
  }
  const values: unknown[] = [];
  let cursor = await index.openCursor(null, 'prev');
  for (; cursor && values.length < count; cursor = await cursor.continue()) values.push(cursor.value);
  return values;
}

/** Up to `size` customers in id order, after the id `after` (from the start when null), validated. */
export async function customersAfter(db: TaitouDB, after: string | null, size: number): Promise<Customer[]> {
  const range = after === null ? undefined : IDBKeyRange.lowerBound(after, true);
  return (await keepValid(db, await db.getAll('customers', range, size))).customers;
}

/** The customers used most recently, topped up with the most recently changed. */
export async function recentCustomers(db: TaitouDB, limit: number): Promise<Customer[]> {
  const used = await lastByIndex(db, 'lastUsedAt', limit);
  const topUp = used.length < limit ? await lastByIndex(db, 'updatedAt', limit) : [];
  const byId = new Map<unknown, unknown>();
  for (const raw of [...used, ...topUp]) {
    const id = (raw as { id?: unknown }).id;
    if (byId.size < limit && !byId.has(id)) byId.set(id, raw);
  }
  return (await keepValid(db, [...byId.values()])).customers;
}

/** Everything that happened to one customer, oldest first. */
export async function customerHistory(db: TaitouDB, customerId: string): Promise<AuditEntry[]> {
  return Promise.all((await db.getAllFromIndex('audit', 'customerId', customerId)).map((e) => openEntry(db, e)));
}

/** An audit entry with its records opened (a record that will not open is left as stored). */
export async function openEntry(db: TaitouDB, entry: StoredAuditEntry): Promise<AuditEntry> {
  const [before, after] = await Promise.all([openCustomer(db, entry.before), openCustomer(db, entry.after)]);
  return { ...entry, before: before as Customer | null, after: after as Customer | null };
}

export function listQuarantine(db: TaitouDB): Promise<QuarantineEntry[]> {
  return db.getAll('quarantine');
}
