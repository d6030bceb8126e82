import { describe, expect, it } from 'vitest';
import { addAttachment, getAttachment, listAttachments } from '../../../lib/db/attachments';
import {
  changeMany,
  createCustomer,
  customerHistory,
  customerIdBy,
  getCustomer,
  listCustomers,
  listQuarantine,
  markUsed,
  undoChange,
  updateCustomer,
} from '../../../lib/db/customers';
import type { TaitouDB } from '../../../lib/db/open';
import { isSealed, setVault, VaultLocked, vaultOn } from '../../../lib/db/sealed';
import { listSnapshots, openSnapshots, saveSnapshot } from '../../../lib/db/snapshots';
import { sealBook, unsealBook } from '../../../lib/db/vault-book';
import { keysFromSecret } from '../../../lib/vault/cipher';
import { customerInput, freshBook } from '../../support/book';

const SECRETS = ['北京小米科技有限责任公司', '91110000600037341L', '0200049619200088888', '清河中街', '010-60606666'];
const newKeys = () => keysFromSecret(crypto.getRandomValues(new Uint8Array(64)));

/** Every string anywhere in a stored value (ciphertext is bytes, not strings). */
function strings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(strings);
  if (value && typeof value === 'object' && !(value instanceof ArrayBuffer) && !ArrayBuffer.isView(value)) {
    return Object.values(value).flatMap(strings);
  }
  return [];
}

async function rawStores(db: TaitouDB) {
  return { customers: await db.getAll('customers'), audit: await db.getAll('audit') };
}

describe('the book with the lock on', () => {
  it('keeps no customer detail in the clear, in the records, their index keys or the history', async () => {
    const db = await freshBook();
    setVault(db, await newKeys());
    const created = await createCustomer(db, customerInput());
    if (!created.ok) throw new Error('create failed');
    const updated = await updateCustomer(db, created.value.id, 1, customerInput({ notes: '备注 note' }));
    expect(updated.ok).toBe(true);
    const stored = await rawStores(db);
    expect(stored.customers.every(isSealed)).toBe(true);
    expect(
      stored.audit
        .flatMap((e) => [e.before, e.after])
        .filter(Boolean)
        .every(isSealed),
    ).toBe(true);
    const visible = strings(stored).join('\n');
    for (const secret of [...SECRETS, '备注']) expect(visible).not.toContain(secret);

    // What callers get is exactly what they would get without the lock.
    expect(await getCustomer(db, created.value.id)).toEqual(updated.ok && updated.value);
    const history = await customerHistory(db, created.value.id);
    expect(history.map((h) => h.after?.name)).toEqual([SECRETS[0], SECRETS[0]]);
    expect(history[1]?.before?.notes).toBe('');
    expect(await customerIdBy(db, 'taxId', '91110000600037341L')).toBe(created.value.id);
  });

  it('still refuses a second customer with the same tax ID, and undoes through sealed history', async () => {
    const db = await freshBook();
    setVault(db, await newKeys());
    const first = await createCustomer(db, customerInput());
    if (!first.ok) throw new Error('create failed');
    const again = await createCustomer(db, customerInput({ name: '另一家公司' }));
    expect(again.ok || again.error.code).toBe('duplicateTaxId');

    await markUsed(db, first.value.id, 1234);
    const tagged = await changeMany(db, [first.value.id], { kind: 'tag', tag: '重要' });
    expect(tagged.changed).toEqual([first.value.id]);
    const afterTag = await getCustomer(db, first.value.id);
    expect(afterTag).toMatchObject({ tags: ['重要'], useCount: 1, lastUsedAt: 1234, revision: 2 });

    const [, tagEntry] = await customerHistory(db, first.value.id);
    const undone = await undoChange(db, tagEntry?.seq ?? -1);
    expect(undone.ok && undone.value).toMatchObject({ tags: [], revision: 3 });
    expect(await getCustomer(db, first.value.id)).toMatchObject({ tags: [], revision: 3 });
  });

  it('reads and writes nothing while locked, and quarantines nothing', async () => {
    const db = await freshBook();
    setVault(db, await newKeys());
    const created = await createCustomer(db, customerInput());
    if (!created.ok) throw new Error('create failed');
    const before = await rawStores(db);
    setVault(db, 'locked');
    await expect(getCustomer(db, created.value.id)).rejects.toBeInstanceOf(VaultLocked);
    await expect(listCustomers(db)).rejects.toBeInstanceOf(VaultLocked);
    await expect(createCustomer(db, customerInput({ taxId: '' }))).rejects.toBeInstanceOf(VaultLocked);
    await expect(updateCustomer(db, created.value.id, 1, customerInput())).rejects.toBeInstanceOf(VaultLocked);
    expect(await rawStores(db)).toEqual(before);
    expect(await listQuarantine(db)).toEqual([]);
  });

  it('sends a record that will not open (altered) to the quarantine whole, and refuses to unseal the book over it', async () => {
    const db = await freshBook();
    const keys = await newKeys();
    setVault(db, keys);
    const created = await createCustomer(db, customerInput());
    if (!created.ok) throw new Error('create failed');
    const [stored] = await db.getAll('customers');
    if (!stored || !isSealed(stored)) throw new Error('not sealed');
    const altered = {
      ...stored,
      sealed: { ...stored.sealed, data: new Uint8Array(stored.sealed.data.byteLength).buffer },
    };
    await db.put('customers', altered);
    expect(await unsealBook(db, keys)).toMatchObject({ stuck: [created.value.id] });
    expect(vaultOn(db)).toBe(true);
    expect(await listCustomers(db)).toMatchObject({ customers: [], quarantined: [{ key: created.value.id }] });
    expect((await listQuarantine(db))[0]?.raw).toEqual(altered);
  });
});

describe('turning the lock on and off', () => {
  it('seals every record of a book in the clear and opens them all back to exactly what they were', async () => {
    const db = await freshBook();
    for (const [i, taxId] of ['91110000600037341L', '91310000MA1FL8XQ30', ''].entries()) {
      const made = await createCustomer(db, customerInput({ name: `${SECRETS[0]}${i}`, taxId }));
      if (made.ok)
        await updateCustomer(db, made.value.id, 1, customerInput({ name: `${SECRETS[0]}${i}`, taxId, notes: 'x' }));
    }
    const [owner] = (await listCustomers(db)).customers;
    const licence = new TextEncoder().encode('%PDF-1.4 营业执照 91110000600037341L %%EOF');
    const added = await addAttachment(db, owner?.id ?? '', '营业执照.pdf', licence);
    if (!added.ok) throw new Error('attach failed');
    const clear = await rawStores(db);
    const clearFiles = await db.getAll('attachments');
    // An automatic snapshot taken in the clear must not outlive the lock going on.
    const snaps = await openSnapshots(db);
    const stamp = { version: 5, lastAudit: 0, lastUse: 0, lastUpdate: 0, lastQuarantine: 0 };
    await saveSnapshot(snaps, { takenAt: 1, reason: 'daily', bookVersion: 5, stamp }, clear.customers, 5);
    const read = (await listCustomers(db)).customers;
    const keys = await newKeys();
    expect(await sealBook(db, keys)).toEqual({ customers: 3, history: 6, stuck: [] });
    const sealed = await rawStores(db);
    expect(strings(sealed).join('\n')).not.toContain(SECRETS[0]);
    expect((await listCustomers(db)).customers).toEqual(read);
    expect(await listSnapshots(snaps)).toEqual([]);
    // The kept file too: neither its name nor its bytes in the clear, and both as they were when read.
    const [file] = await db.getAll('attachments');
    expect(file && isSealed(file)).toBe(true);
    expect(file?.name).toBe('');
    expect(file?.data.byteLength).toBe(0);
    expect(await listAttachments(db, owner?.id ?? '')).toEqual([added.value]);
    expect(new Uint8Array((await getAttachment(db, added.value.id))?.data ?? new ArrayBuffer(0))).toEqual(licence);
    // A second pass (a worker that died half way) finds nothing left to seal.
    expect(await sealBook(db, keys)).toEqual({ customers: 0, history: 0, stuck: [] });

    expect(await unsealBook(db, keys)).toEqual({ customers: 3, history: 6, stuck: [] });
    expect(vaultOn(db)).toBe(false);
    expect(await rawStores(db)).toEqual(clear);
    expect(await db.getAll('attachments')).toEqual(clearFiles);
    snaps.close();
  });
});
