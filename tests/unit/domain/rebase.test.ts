import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type BillingEntry, type CustomerDraft, CustomerInputSchema } from '../../../lib/domain/customer';
import { editableOf } from '../../../lib/domain/edit';
import { type DraftChange, draftChanges, rebaseEdits, sameValue } from '../../../lib/domain/rebase';
import { customer, entry } from '../../support/customer';

const base: CustomerDraft = {
  ...editableOf(customer('c1', '杭州西湖龙井茶业有限公司', { taxId: '91330106MA2B3C4D5X', tags: ['长期', '华东'] })),
  entries: [
    entry('main', {
      address: '杭州市西湖区龙井路1号',
      phone: '0571-87961234',
      bankName: '工商银行',
      bankAccount: '1202',
    }),
    entry('store', { label: '门店', address: '杭州市上城区河坊街8号' }),
  ],
  defaultEntryId: 'main',
  notes: '月底前开票',
};
const withEntry = (d: CustomerDraft, id: string, patch: Partial<BillingEntry>): CustomerDraft => ({
  ...d,
  entries: d.entries.map((e) => (e.id === id ? { ...e, ...patch } : e)),
});

describe('rebaseEdits', () => {
  it('keeps a change made elsewhere to a field the clerk did not touch, in the same entry too', () => {
    const theirs = withEntry({ ...base, notes: '只开专票' }, 'main', { address: '杭州市西湖区梅灵北路9号' });
    const mine = withEntry({ ...base, contact: '王经理' }, 'main', { phone: '0571-86660000' });
    const result = rebaseEdits(base, mine, theirs);
    expect(result.notes).toBe('只开专票');
    expect(result.contact).toBe('王经理');
    expect(result.entries[0]).toEqual({ ...theirs.entries[0], phone: '0571-86660000' });
    expect(result.entries[1]).toEqual(base.entries[1]);
  });

  it('where both changed one field, the clerk’s value is kept (the clerk chose to keep theirs own)', () => {
    const result = rebaseEdits(base, { ...base, notes: '我的' }, { ...base, notes: '别处的' });
    expect(result.notes).toBe('我的');
  });

  it('each invoice default is a field of its own', () => {
    const defaults = base.invoiceDefaults;
    const theirs = { ...base, invoiceDefaults: { ...defaults, type: 'special' as const } };
    const mine = { ...base, invoiceDefaults: { ...defaults, remarks: '合同号 {合同号}' } };
    expect(rebaseEdits(base, mine, theirs).invoiceDefaults).toEqual({
      ...defaults,
      type: 'special',
      remarks: '合同号 {合同号}',
    });
    expect(draftChanges(base, mine)).toEqual([{ kind: 'field', field: 'invoiceDefaults', part: 'remarks' }]);
  });

  it('tags: the clerk’s additions and removals applied to the tags as changed elsewhere', () => {
    const theirs = { ...base, tags: ['长期', '华东', '月结'] }; // a bulk 加标签 elsewhere
    const mine = { ...base, tags: ['华东', 'VIP 候选'] };
    expect(rebaseEdits(base, mine, theirs).tags).toEqual(['华东', '月结', 'VIP 候选']);
    expect(rebaseEdits(base, base, theirs).tags).toEqual(theirs.tags);
  });

  it('entries: added on both sides kept (one renamed when both took the same id); a removal stands', () => {
    const theirs = { ...base, entries: [...base.entries, entry('e3', { address: '别处加的' })] };
    const mine = {
      ...base,
      entries: [base.entries[0] as BillingEntry, entry('e3', { address: '我加的' })],
      defaultEntryId: 'e3',
    };
    const result = rebaseEdits(base, mine, theirs);
    expect(result.entries.map((e) => [e.id, e.address])).toEqual([
      ['main', '杭州市西湖区龙井路1号'],
      ['e3', '别处加的'],
      ['e3-2', '我加的'],
    ]);
    expect(result.defaultEntryId).toBe('e3-2');
  });

  it('an entry removed elsewhere stays removed unless the clerk changed it; the default falls back to one kept', () => {
    const theirs = { ...base, entries: [base.entries[1] as BillingEntry], defaultEntryId: 'store' };
    expect(rebaseEdits(base, { ...base, notes: 'x' }, theirs).entries.map((e) => e.id)).toEqual(['store']);
    const changed = withEntry(base, 'main', { phone: '0571-1' });
    const result = rebaseEdits(base, changed, theirs);
    expect(result.entries.map((e) => e.id)).toEqual(['store', 'main']);
    expect(result.defaultEntryId).toBe('store');
  });
});

describe('draftChanges', () => {
  it('names each field and each entry field that differs, and entries added or removed', () => {
    const to = withEntry({ ...base, tags: ['长期'], entries: [...base.entries, entry('e3')] }, 'main', {
      bankAccount: '9',
    });
    expect(draftChanges(base, { ...to, entries: to.entries.filter((e) => e.id !== 'store') })).toEqual([
      { kind: 'field', field: 'tags' },
      { kind: 'entry', entryId: 'main', field: 'bankAccount' },
      { kind: 'entryAdded', entryId: 'e3' },
      { kind: 'entryRemoved', entryId: 'store' },
    ]);
    expect(draftChanges(base, structuredClone(base))).toEqual([]);
  });
});

describe('sameValue', () => {
  it('ignores the order of keys, not of arrays', () => {
    expect(sameValue({ a: 1, b: [1, 2] }, { b: [1, 2], a: 1 })).toBe(true);
    expect(sameValue([1, 2], [2, 1])).toBe(false);
    expect(sameValue({ a: undefined }, {})).toBe(false);
    expect(sameValue(null, {})).toBe(false);
  });
});

// Generated edits: a few fields and entry fields set to one of a few values, entries added and removed.
const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const edit = fc.oneof(
  fc.record({ kind: fc.constant('notes' as const), value: pick(['', 'a', 'b']) }),
  fc.record({ kind: fc.constant('contact' as const), value: pick(['', 'x', 'y']) }),
  fc.record({ kind: fc.constant('tier' as const), value: pick(['normal', 'vip']) }),
  fc.record({
    kind: fc.constant('defaults' as const),
    part: pick(['type', 'remarks'] as const),
    value: pick([null, 'special', '', '备注']),
  }),
  fc.record({ kind: fc.constant('tag' as const), value: pick(['长期', '华东', '月结', 'VIP']), add: fc.boolean() }),
  fc.record({
    kind: fc.constant('entry' as const),
    id: pick(['main', 'store']),
    field: pick(['address', 'phone', 'bankName'] as const),
    value: pick(['1', '2', '']),
  }),
  fc.record({ kind: fc.constant('addEntry' as const), id: pick(['e3', 'e4']) }),
  fc.record({ kind: fc.constant('removeEntry' as const), id: pick(['main', 'store']) }),
  fc.record({ kind: fc.constant('default' as const), id: pick(['main', 'store', 'e3']) }),
);
type Edit = typeof edit extends fc.Arbitrary<infer E> ? E : never;

function applyEdit(d: CustomerDraft, e: Edit): CustomerDraft {
  switch (e.kind) {
    case 'notes':
    case 'contact':
    case 'tier':
      return { ...d, [e.kind]: e.value };
    case 'defaults': {
      const value = e.part === 'type' ? (e.value === 'special' ? 'special' : null) : (e.value ?? '');
      return { ...d, invoiceDefaults: { ...d.invoiceDefaults, [e.part]: value } };
    }
    case 'tag':
      return { ...d, tags: e.add ? [...new Set([...d.tags, e.value])] : d.tags.filter((t) => t !== e.value) };
    case 'entry':
      return withEntry(d, e.id, { [e.field]: e.value });
    case 'addEntry':
      return d.entries.some((x) => x.id === e.id)
        ? d
        : { ...d, entries: [...d.entries, entry(e.id, { address: e.id })] };
    case 'removeEntry': {
      const entries = d.entries.filter((x) => x.id !== e.id);
      if (entries.length === 0) return d;
      const defaultEntryId = entries.some((x) => x.id === d.defaultEntryId) ? d.defaultEntryId : (entries[0]?.id ?? '');
      return { ...d, entries, defaultEntryId };
    }
    case 'default':
      return d.entries.some((x) => x.id === e.id) ? { ...d, defaultEntryId: e.id } : d;
  }
}
const edited = fc.array(edit, { maxLength: 6 }).map((edits) => edits.reduce(applyEdit, base));

describe('rebaseEdits, generated', () => {
  it('with no edits of the clerk it is theirs; with no change elsewhere it is the clerk’s', () => {
    fc.assert(
      fc.property(edited, (other) => {
        expect(rebaseEdits(base, base, other)).toEqual(other);
        expect(rebaseEdits(base, other, base)).toEqual(other);
      }),
    );
  });

  it('every change of either side lands unless the other side changed the same part; the result is a valid customer', () => {
    fc.assert(
      fc.property(edited, edited, (mine, theirs) => {
        const result = rebaseEdits(base, mine, theirs);
        expect(CustomerInputSchema.safeParse(result).success).toBe(true);
        const mineChanges = draftChanges(base, mine);
        const key = (c: (typeof mineChanges)[number]) => JSON.stringify(c);
        const touched = new Set(mineChanges.map(key));
        const entryOf = (d: CustomerDraft, id: string) => d.entries.find((e) => e.id === id);
        const partOf = (d: CustomerDraft, change: DraftChange) =>
          change.kind !== 'field'
            ? undefined
            : change.field === 'invoiceDefaults'
              ? d.invoiceDefaults[change.part]
              : d[change.field];
        for (const change of mineChanges) {
          if (change.kind === 'field' && !['tags', 'defaultEntryId'].includes(change.field)) {
            expect(partOf(result, change)).toEqual(partOf(mine, change));
          }
          if (change.kind === 'entry' && entryOf(theirs, change.entryId)) {
            expect(entryOf(result, change.entryId)?.[change.field]).toBe(entryOf(mine, change.entryId)?.[change.field]);
          }
        }
        for (const change of draftChanges(base, theirs)) {
          if (touched.has(key(change))) continue;
          if (change.kind === 'field' && !['tags', 'defaultEntryId'].includes(change.field)) {
            expect(partOf(result, change)).toEqual(partOf(theirs, change));
          }
          if (change.kind === 'entry' && entryOf(mine, change.entryId)) {
            expect(entryOf(result, change.entryId)?.[change.field]).toBe(
              entryOf(theirs, change.entryId)?.[change.field],
            );
          }
        }
        const removed = base.tags.filter((t) => !mine.tags.includes(t));
        const wanted = new Set([
          ...theirs.tags.filter((t) => !removed.includes(t)),
          ...mine.tags.filter((t) => !base.tags.includes(t)),
        ]);
        expect(new Set(result.tags)).toEqual(wanted);
        expect(result.tags).toHaveLength(wanted.size);
      }),
    );
  });
});
