import { describe, expect, it } from 'vitest';
import { createCustomer, listCustomers, undoBatch, updateCustomer } from '../../../lib/db/customers';
import { mergeCustomers, mergeMany } from '../../../lib/db/merge';
import type { Customer } from '../../../lib/domain/customer';
import { customerInput, freshBook } from '../../support/book';

/** A head record with the tax ID, and a second record of the same company typed without it, elsewhere. */
async function twoOfOne() {
  const db = await freshBook();
  const made = async (input: Parameters<typeof customerInput>[0]) => {
    const r = await createCustomer(db, customerInput(input));
    if (!r.ok) throw new Error('create failed');
    return r.value;
  };
  const head = await made({});
  const typed = await made({
    name: '北京小米科技有限责任公司（财务部）',
    taxId: '',
    entries: [{ id: 'w', label: '仓库', address: '北京市昌平区回龙观西大街1号', phone: '010-88886666' }],
    defaultEntryId: 'w',
    contact: '王会计',
    tags: ['月结'],
  });
  return { db, head, typed };
}

const members = (...cs: Customer[]) => cs.map((c) => ({ id: c.id, revision: c.revision }));

describe('merging customers', () => {
  it('keeps every address as an alternative, takes the chosen fields, and undoes as one batch', async () => {
    const { db, head, typed } = await twoOfOne();
    const result = await mergeCustomers(db, members(head, typed), head.id, {
      fields: { contact: typed.id },
    });
    if (!result.ok) throw new Error(result.error.code);
    const { customers } = await listCustomers(db);
    expect(customers.map((c) => c.id)).toEqual([head.id]);
    const [merged] = customers;
    expect(merged).toMatchObject({
      name: head.name,
      taxId: head.taxId,
      contact: '王会计',
      tags: ['月结'],
      revision: 2,
    });
    expect(merged?.entries.map((e) => e.address)).toEqual(['北京市海淀区清河中街68号', '北京市昌平区回龙观西大街1号']);
    expect(result.value.deleted).toEqual([typed.id]);

    const undone = await undoBatch(db, result.value.batch);
    expect(undone.conflicts).toEqual([]);
    const back = (await listCustomers(db)).customers;
    expect(back.map((c) => [c.id, c.entries.length, c.contact]).sort()).toEqual(
      [
        [head.id, 1, ''],
        [typed.id, 1, '王会计'],
      ].sort(),
    );
  });

  it('writes nothing when a member changed since the clerk looked', async () => {
    const { db, head, typed } = await twoOfOne();
    await updateCustomer(db, typed.id, typed.revision, { ...typed, notes: '刚改过' });
    const result = await mergeCustomers(db, members(head, typed), head.id);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.code).toBe('conflict');
    expect((await listCustomers(db)).customers).toHaveLength(2);
  });
});

describe('merging several groups at once (the auto-merge)', () => {
  async function threeGroups() {
    const db = await freshBook();
    const made = async (name: string, taxId = '') => {
      const r = await createCustomer(db, customerInput({ name, taxId }));
      if (!r.ok) throw new Error('create failed');
      return r.value;
    };
    return {
      db,
      groups: [
        [await made('北京小米科技有限责任公司', '91110000600037341L'), await made('北京小米科技有限公司')],
        [await made('宁波港湾物流有限公司', '91330206MA2H3K5P7L'), await made('宁波港湾物流有限责任公司')],
        [await made('杭州云栖智能科技有限公司', '91330106MA2B3C4D5X'), await made('杭州云栖智能科技有限责任公司')],
      ],
    };
  }
  const requests = (groups: Customer[][]) =>
    groups.map((g) => ({ members: members(...g), survivorId: g[0]?.id ?? '' }));

  it('merges every group in one batch that one undo takes back, and leaves out a group changed meanwhile', async () => {
    const { db, groups } = await threeGroups();
    const before = (await listCustomers(db)).customers;
    const changed = groups[2]?.[1] as Customer;
    await updateCustomer(
      db,
      changed.id,
      changed.revision,
      customerInput({ name: changed.name, taxId: '', notes: '改' }),
    );
    const result = await mergeMany(db, requests(groups));
    if (!result.ok) throw new Error(result.error.code);
    expect(result.value).toMatchObject({ merged: 2, conflicts: 1 });
    expect(result.value.changed).toEqual([groups[0]?.[0]?.id, groups[1]?.[0]?.id]);
    expect(result.value.deleted).toEqual([groups[0]?.[1]?.id, groups[1]?.[1]?.id]);
    expect((await listCustomers(db)).customers).toHaveLength(4);

    const undone = await undoBatch(db, result.value.batch);
    expect(undone.conflicts).toEqual([]);
    const after = (await listCustomers(db)).customers;
    expect(after.map((c) => [c.id, c.name]).sort()).toEqual(before.map((c) => [c.id, c.name]).sort());
  });

  it('writes nothing when one merge is refused', async () => {
    const { db, groups } = await threeGroups();
    const before = (await listCustomers(db)).customers;
    const bad = requests(groups);
    bad[1] = { ...bad[1], survivorId: 'nobody', members: bad[1]?.members ?? [] };
    const result = await mergeMany(db, bad);
    expect(result.ok).toBe(false);
    expect((await listCustomers(db)).customers).toEqual(before);
  });
});
