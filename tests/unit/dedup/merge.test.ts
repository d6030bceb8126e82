import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeCluster } from '../../../lib/dedup/merge';
import { type BillingEntry, type Customer, CustomerSchema } from '../../../lib/domain/customer';
import { customer } from './records';

const XIAOMI = '91110108551385082Q';

const entry = (id: string, address: string, phone = '', bankAccount = '', label = ''): BillingEntry => ({
  id,
  label,
  address,
  phone,
  bankName: bankAccount ? '招商银行北京清河支行' : '',
  bankAccount,
});

function cluster(): Customer[] {
  return [
    customer('a', {
      name: '北京小米科技有限公司',
      taxId: XIAOMI,
      entries: [entry('a-1', '北京市海淀区清河中街68号', '010-62345678', '6222021234567890')],
      tags: ['VIP'],
      notes: '月底开票',
      useCount: 12,
      lastUsedAt: 300,
      createdAt: 100,
      review: { status: 'verified', by: '王会计', at: 50 },
      email: 'fin@xiaomi.example',
    }),
    customer('b', {
      name: '小米科技（北京）有限公司',
      taxId: '',
      entries: [
        entry('b-1', '北京市海淀区 清河中街68号', '010 6234 5678', '6222 0212 3456 7890', '总部'),
        entry('b-2', '北京市朝阳区望京东路1号', '010-88889999', '1100123456789', '仓库'),
      ],
      defaultEntryId: 'b-2',
      tags: ['长期合作', 'VIP'],
      notes: '联系人换了',
      useCount: 3,
      lastUsedAt: 900,
      createdAt: 50,
      mobile: '13812345678',
      review: { status: 'verified', by: '李出纳', at: 80 },
    }),
    customer('c', {
      name: '北京小米科技有限公司',
      taxId: XIAOMI,
      entries: [entry('a-1', '北京市昌平区回龙观1号')],
      notes: '月底开票',
      useCount: 0,
      lastUsedAt: null,
      createdAt: 200,
    }),
  ];
}

describe('merging a cluster', () => {
  it('keeps the survivor’s fields, every distinct entry, the sums and unions, and says what to delete', () => {
    const result = mergeCluster(cluster(), 'a', {}, 1000);
    if (!result.ok) throw new Error(result.issues.join('; '));
    const { merged, deleteIds } = result;
    expect(deleteIds).toEqual(['b', 'c']);
    expect(merged).toMatchObject({
      id: 'a',
      name: '北京小米科技有限公司',
      taxId: XIAOMI,
      email: 'fin@xiaomi.example',
      mobile: '',
      useCount: 15,
      lastUsedAt: 900,
      createdAt: 50,
      updatedAt: 1000,
      tags: ['VIP', '长期合作'],
      notes: '月底开票\n联系人换了',
      defaultEntryId: 'a-1',
    });
    // b-1 is a-1 written with spaces: one entry, which takes b-1's label; c's a-1 is another place, renamed.
    expect(merged.entries.map((e) => [e.id, e.label, e.address])).toEqual([
      ['a-1', '总部', '北京市海淀区清河中街68号'],
      ['b-2', '仓库', '北京市朝阳区望京东路1号'],
      ['a-1-2', '', '北京市昌平区回龙观1号'],
    ]);
    expect(CustomerSchema.safeParse(merged).success).toBe(true);
  });

  it('takes any field from the member the clerk picked, and the default entry they chose', () => {
    const result = mergeCluster(
      cluster(),
      'a',
      { fields: { name: 'b', mobile: 'b', taxId: 'c' }, defaultEntryId: 'b-2' },
      1000,
    );
    if (!result.ok) throw new Error(result.issues.join('; '));
    expect(result.merged).toMatchObject({ name: '小米科技（北京）有限公司', mobile: '13812345678', taxId: XIAOMI });
    expect(result.merged.keys).toEqual({ ...cluster()[1]?.keys, taxId: XIAOMI });
    expect(result.merged.defaultEntryId).toBe('b-2');
  });

  it('points a chosen default that was a copy of another entry at the entry kept', () => {
    const result = mergeCluster(cluster(), 'a', { defaultEntryId: 'b-1' });
    expect(result.ok && result.merged.defaultEntryId).toBe('a-1');
  });

  it('keeps the latest review only if it checked the name and tax ID the merge keeps', () => {
    // b was verified last, but under another name and without the tax ID.
    const kept = mergeCluster(cluster(), 'a', {});
    expect(kept.ok && kept.merged.review).toEqual({ status: 'pending', by: '', at: null });
    const same = mergeCluster(cluster(), 'a', { fields: { name: 'b', taxId: 'b' } });
    expect(same.ok && same.merged.review).toEqual({ status: 'verified', by: '李出纳', at: 80 });
    const older = mergeCluster(
      cluster().map((m) => (m.id === 'b' ? { ...m, review: { status: 'pending' as const, by: '', at: null } } : m)),
      'c',
      {},
    );
    expect(older.ok && older.merged.review).toEqual({ status: 'verified', by: '王会计', at: 50 });
  });

  it('refuses a survivor or a choice that is not a member, and a result the book would refuse', () => {
    expect(mergeCluster(cluster(), 'z')).toMatchObject({ ok: false, code: 'unknownMember' });
    expect(mergeCluster(cluster(), 'a', { fields: { name: 'z' } })).toMatchObject({ ok: false, code: 'unknownMember' });
    const long = cluster().map((m, i) => ({ ...m, notes: String(i).repeat(3000) }));
    expect(mergeCluster(long, 'a')).toMatchObject({ ok: false, code: 'invalid' });
  });
});

// Members drawn from a few addresses, phones and accounts, so that entries often repeat across members.
const arbitraryEntry = fc.record({
  address: fc.constantFrom('', '北京市海淀区清河中街68号', '北京市 海淀区 清河中街68号', '上海市徐汇区漕溪北路1号'),
  phone: fc.constantFrom('', '010-62345678', '010 6234 5678', '13812345678'),
  bankAccount: fc.constantFrom('', '6222021234567890', '6222 0212 3456 7890', '1100123456789'),
  label: fc.constantFrom('', '总部', '仓库'),
});
const arbitraryMember = fc.record({
  entries: fc.array(arbitraryEntry, { minLength: 1, maxLength: 4 }),
  useCount: fc.nat({ max: 1000 }),
  lastUsedAt: fc.option(fc.nat({ max: 10_000 }), { nil: null }),
  tags: fc.subarray(['VIP', '月结', '专票', '长期合作']),
});
const arbitraryCluster = fc.array(arbitraryMember, { minLength: 2, maxLength: 5 }).map((members) =>
  members.map((m, i) =>
    customer(`m${i}`, {
      name: '北京小米科技有限公司',
      taxId: i === 0 ? XIAOMI : '',
      useCount: m.useCount,
      lastUsedAt: m.lastUsedAt,
      tags: m.tags,
      // Entry ids repeat across members on purpose: the merge must keep them apart.
      entries: m.entries.map((e, n) => ({ ...e, id: `e${n}`, bankName: '' })),
    }),
  ),
);

const digits = (text: string) => text.replace(/\D/g, '');
const place = (e: BillingEntry) => [e.address.replace(/\s/g, ''), digits(e.phone), digits(e.bankAccount)].join('|');

describe('merge properties', () => {
  it('keeps every entry of every member (once), sums the use, keeps the latest use and every tag', () => {
    fc.assert(
      fc.property(arbitraryCluster, fc.nat(), (members, pick) => {
        const survivor = members[pick % members.length] as Customer;
        const result = mergeCluster(members, survivor.id, {}, 1);
        if (!result.ok) throw new Error(result.issues.join('; '));
        const { merged, deleteIds } = result;
        const kept = merged.entries.map(place);
        for (const m of members) for (const e of m.entries) expect(kept).toContain(place(e));
        expect(new Set(kept).size).toBe(kept.length);
        expect(new Set(merged.entries.map((e) => e.id)).size).toBe(merged.entries.length);
        expect(merged.entries.some((e) => e.id === merged.defaultEntryId)).toBe(true);
        expect(merged.useCount).toBe(members.reduce((n, m) => n + m.useCount, 0));
        const uses = members.map((m) => m.lastUsedAt).filter((t): t is number => t !== null);
        expect(merged.lastUsedAt).toBe(uses.length ? Math.max(...uses) : null);
        expect(new Set(merged.tags)).toEqual(new Set(members.flatMap((m) => m.tags)));
        expect(deleteIds.sort()).toEqual(
          members
            .filter((m) => m !== survivor)
            .map((m) => m.id)
            .sort(),
        );
        expect(merged.id).toBe(survivor.id);
      }),
      { numRuns: 200 },
    );
  });
});
