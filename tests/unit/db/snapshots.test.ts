import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { createCustomer } from '../../../lib/db/customers';
import { bookStamp } from '../../../lib/db/index-cache';
import type { TaitouDB } from '../../../lib/db/open';
import {
  clearSnapshots,
  dropAllSnapshots,
  dropSnapshots,
  listSnapshots,
  openSnapshots,
  PART_RECORDS,
  readRawCustomers,
  readSnapshot,
  replaceCustomers,
  type SnapshotDB,
  saveSnapshot,
} from '../../../lib/db/snapshots';
import { customerInput, freshBook } from '../../support/book';
import { generateCustomers } from '../../support/generate';

/** Structured-clone bytes (V8's own serializer, as IndexedDB uses): equal bytes are the same record, ArrayBuffers too. */
const bytes = (records: readonly unknown[]) => records.map((r) => serialize(r).toString('base64'));

/** A record as the lock keeps it: a few fields in the clear and an encrypted body, which must never be parsed. */
function envelope(id: string, seed: number) {
  const data = new Uint8Array(48).map((_, i) => (i * 31 + seed) % 256);
  return {
    id,
    revision: 3,
    createdAt: 1,
    updatedAt: 2,
    lastUsedAt: null,
    useCount: 0,
    keys: { name: `token-${seed}` },
    sealed: { iv: new Uint8Array(12).fill(seed), data: data.buffer },
  };
}

/** A book of real customers, two sealed envelopes and one record that no longer validates, all put as they are. */
async function mixedBook() {
  const db = await freshBook();
  for (const name of ['宁波港湾物流有限公司', '杭州西湖龙井茶业有限公司']) {
    const created = await createCustomer(db, customerInput({ name, taxId: '' }));
    if (!created.ok) throw new Error('create failed');
  }
  const raw = db as unknown as { put(store: string, value: unknown): Promise<unknown> };
  await raw.put('customers', envelope('sealed-1', 1));
  await raw.put('customers', envelope('sealed-2', 2));
  await raw.put('customers', { id: 'odd', name: 42, revision: 1, updatedAt: 5, lastUsedAt: null });
  return db;
}

const meta = async (db: TaitouDB, takenAt = 1000) => ({
  takenAt,
  reason: 'daily' as const,
  bookVersion: db.version,
  stamp: await bookStamp(db),
});

async function take(db: TaitouDB, snaps: SnapshotDB, keep = 5, takenAt = 1000) {
  return saveSnapshot(snaps, await meta(db, takenAt), await readRawCustomers(db), keep);
}

const partCount = async (snaps: SnapshotDB) => (await snaps.getAllKeys('parts')).length;

describe('snapshots', () => {
  it('copies the records as stored, byte for byte: envelopes stay sealed and an invalid record stays as it was', async () => {
    const db = await mixedBook();
    const snaps = await openSnapshots(db);
    const saved = await take(db, snaps);
    // Sealed records among them: the snapshot is marked so, to go back only into a locked book.
    expect(saved).toMatchObject({ customers: 5, parts: 1, reason: 'daily', bookVersion: db.version, sealed: true });

    const read = await readSnapshot(snaps, saved.id);
    const stored = await db.getAll('customers');
    expect(read?.records).toHaveLength(5);
    expect(bytes(read?.records ?? [])).toEqual(bytes(stored));
    const sealed = read?.records.find((r) => (r as { id: string }).id === 'sealed-2') as ReturnType<typeof envelope>;
    expect(sealed.sealed.data).toBeInstanceOf(ArrayBuffer);
    expect([...new Uint8Array(sealed.sealed.data)]).toEqual([...new Uint8Array(envelope('x', 2).sealed.data)]);
    // Nothing was parsed on the way: the invalid record is in the snapshot, not in the quarantine.
    expect(await db.count('quarantine')).toBe(0);
  });

  it('keeps a large book in parts and reads it back in its order', async () => {
    const db = await freshBook();
    const many = generateCustomers(PART_RECORDS * 2 + 7, 3);
    const tx = db.transaction('customers', 'readwrite');
    await Promise.all([...many.map((c) => tx.store.put(c)), tx.done]);
    const snaps = await openSnapshots(db);
    const saved = await take(db, snaps);
    expect(saved).toMatchObject({ parts: 3, sealed: false });
    expect(await partCount(snaps)).toBe(3);
    const read = await readSnapshot(snaps, saved.id);
    expect(bytes(read?.records ?? [])).toEqual(bytes(await db.getAll('customers')));
  }, 30_000);

  it('keeps exactly the newest N, and drops the parts of those it lets go', async () => {
    const db = await mixedBook();
    const snaps = await openSnapshots(db);
    const ids: number[] = [];
    for (let i = 0; i < 8; i++) ids.push((await take(db, snaps, 5, 1000 + i)).id);
    const kept = await listSnapshots(snaps);
    expect(kept.map((s) => s.id)).toEqual(ids.slice(3).reverse());
    expect(kept.map((s) => s.takenAt)).toEqual([1007, 1006, 1005, 1004, 1003]);
    expect(await partCount(snaps)).toBe(5);
    expect(await readSnapshot(snaps, ids[0] ?? 0)).toBeUndefined();

    // Keeping fewer from now on trims at the next snapshot.
    await take(db, snaps, 2, 2000);
    expect((await listSnapshots(snaps)).map((s) => s.takenAt)).toEqual([2000, 1007]);
    expect(await partCount(snaps)).toBe(2);
  });

  it('writes a snapshot whole or not at all: a failed one leaves the kept ones and drops none', async () => {
    const db = await mixedBook();
    const snaps = await openSnapshots(db);
    for (let i = 0; i < 3; i++) await take(db, snaps, 3, 1000 + i);
    const before = await listSnapshots(snaps);
    // A value IndexedDB cannot store fails its part's request, after the meta and the other parts went in.
    const records = [...(await readRawCustomers(db)), ...generateCustomers(PART_RECORDS, 5), { id: 'x', f: () => 1 }];
    await expect(saveSnapshot(snaps, await meta(db, 5000), records, 3)).rejects.toThrow();
    expect(await listSnapshots(snaps)).toEqual(before);
    expect(await partCount(snaps)).toBe(3);
  });

  it('drops the snapshots asked, or all of them', async () => {
    const db = await mixedBook();
    const snaps = await openSnapshots(db);
    const first = await take(db, snaps);
    const second = await take(db, snaps);
    await dropSnapshots(snaps, [first.id]);
    expect((await listSnapshots(snaps)).map((s) => s.id)).toEqual([second.id]);
    expect(await partCount(snaps)).toBe(1);
    await take(db, snaps);
    await clearSnapshots(snaps);
    expect(await listSnapshots(snaps)).toEqual([]);
    expect(await partCount(snaps)).toBe(0);
    await take(db, snaps);
    await dropAllSnapshots(db);
    expect(await listSnapshots(snaps)).toEqual([]);
  });
});

describe('replaceCustomers', () => {
  it("makes the book's customers exactly the records given, marks the restore in the history and moves the stamp", async () => {
    const db = await mixedBook();
    const snaps = await openSnapshots(db);
    const saved = await take(db, snaps);
    const snapshot = (await readSnapshot(snaps, saved.id))?.records ?? [];
    // The book moves on: one more customer, one changed, one deleted.
    await createCustomer(db, customerInput());
    await db.delete('customers', 'sealed-1');
    const stampBefore = await bookStamp(db);
    const auditBefore = await db.count('audit');

    expect(await replaceCustomers(db, snapshot, { now: 9000, batch: 'restore-1' })).toBe(5);
    expect(bytes(await db.getAll('customers'))).toEqual(bytes(snapshot));
    expect(await db.count('audit')).toBe(auditBefore + 1);
    const [marker] = await db.getAllFromIndex('audit', 'batch', 'restore-1');
    expect(marker).toMatchObject({
      at: 9000,
      customerId: '',
      action: 'import',
      before: null,
      after: null,
      created: [],
    });
    expect(await bookStamp(db)).not.toEqual(stampBefore);
  });

  it('changes nothing when any record cannot be written', async () => {
    const db = await mixedBook();
    const ids = async () => (await db.getAll('customers')).map((c) => `${c.id}@${c.revision}`).sort();
    const before = await ids();
    const auditBefore = await db.count('audit');
    const records = [...generateCustomers(50, 7), { name: 'no id: the store has nowhere to put it' }];
    await expect(replaceCustomers(db, records)).rejects.toThrow();
    expect(await ids()).toEqual(before);
    expect(await db.count('audit')).toBe(auditBefore);
  });
});
