import { describe, expect, it } from 'vitest';
import { type Customer, CustomerInputSchema } from '../../../lib/domain/customer';
import {
  addEntry,
  changeEntry,
  editableOf,
  parseCreditAmount,
  parseTags,
  removeEntry,
  unverify,
  verify,
} from '../../../lib/domain/edit';
import { validateCustomer } from '../../../lib/domain/validate';
import { searchKeys } from '../../../lib/search/keys';

const NAME = '宁波港湾物流有限公司';
const TAX_ID = '91330206MA2H3K5P7T';
const customer: Customer = {
  ...CustomerInputSchema.parse({
    name: NAME,
    taxId: TAX_ID,
    entries: [
      { id: 'main', address: '旧地址', phone: '0574-86881234', bankName: '旧银行', bankAccount: '123456' },
      { id: 'branch', label: '仓库', address: '分公司地址' },
    ],
    defaultEntryId: 'main',
    tier: 'vip',
    tags: ['长期'],
    notes: '只开专票',
    invoiceDefaults: { type: 'special', remarks: '合同号 {contract}' },
    creditLimit: { amount: 50000, period: 'month' },
    source: 'paste',
  }),
  id: 'c1',
  createdAt: 1,
  updatedAt: 2,
  lastUsedAt: 5,
  useCount: 4,
  revision: 3,
  keys: searchKeys(NAME, TAX_ID),
};

describe('editing a stored customer', () => {
  it('edits every field a person owns and nothing the book owns; saving it unchanged stores the same customer', () => {
    const draft = editableOf(customer);
    for (const key of ['id', 'createdAt', 'updatedAt', 'lastUsedAt', 'useCount', 'revision', 'keys']) {
      expect(draft).not.toHaveProperty(key);
    }
    expect(CustomerInputSchema.parse(draft)).toEqual(draft);
    expect(draft).toMatchObject({ tier: 'vip', notes: '只开专票', source: 'paste', creditLimit: { amount: 50000 } });
  });

  it('adds an empty entry with an id of its own, and keeps the default', () => {
    const twice = addEntry(addEntry(editableOf(customer)));
    expect(twice.entries.map((e) => e.id)).toEqual(['main', 'branch', 'e3', 'e4']);
    expect(twice.entries[3]).toEqual({ id: 'e4', label: '', address: '', phone: '', bankName: '', bankAccount: '' });
    expect(twice.defaultEntryId).toBe('main');
    expect(addEntry(removeEntry(twice, 'e3')).entries.map((e) => e.id)).toEqual(['main', 'branch', 'e4', 'e5']);
  });

  it('moves the default to the first remaining entry when the default is removed, and never removes the last', () => {
    const withoutMain = removeEntry(editableOf(customer), 'main');
    expect(withoutMain.entries.map((e) => e.id)).toEqual(['branch']);
    expect(withoutMain.defaultEntryId).toBe('branch');
    expect(removeEntry(withoutMain, 'branch')).toBe(withoutMain);
    expect(removeEntry(editableOf(customer), 'branch').defaultEntryId).toBe('main');
  });

  it('changes one entry only', () => {
    const changed = changeEntry(editableOf(customer), 'branch', { phone: '0574-1234567' });
    expect(changed.entries[1]).toMatchObject({ label: '仓库', phone: '0574-1234567' });
    expect(changed.entries[0]).toEqual(customer.entries[0]);
  });

  it('reads tags separated the ways clerks type them', () => {
    expect(parseTags('长期，月结, 华东、 专票;重点；长期')).toEqual(['长期', '月结', '华东', '专票', '重点']);
    expect(parseTags('  ')).toEqual([]);
  });

  it('reads a credit limit, and makes anything else an error validation reports and the book refuses', () => {
    expect(parseCreditAmount('')).toBeNull();
    expect(parseCreditAmount(' 50,000 ')).toBe(50000);
    expect(parseCreditAmount('12345.67')).toBe(12345.67);
    for (const bad of ['5万', '-10', '1.234', 'abc', '1e6']) {
      const amount = parseCreditAmount(bad);
      expect(amount, bad).toBeNaN();
      const draft = { ...editableOf(customer), creditLimit: { amount: amount ?? 0, period: 'month' as const } };
      expect(validateCustomer(draft).map((f) => f.code)).toContain('creditLimit.invalid');
      expect(CustomerInputSchema.safeParse(draft).success).toBe(false);
    }
    expect(validateCustomer(editableOf(customer)).map((f) => f.code)).not.toContain('creditLimit.invalid');
  });

  it('marks verified now, by whom', () => {
    expect(verify(editableOf(customer), ' 王会计 ', 1234).review).toEqual({
      status: 'verified',
      by: '王会计',
      at: 1234,
    });
  });
});

describe('the details of editing', () => {
  it('takes a limit typed with a Chinese input method (full-width digits and comma)', () => {
    expect(parseCreditAmount('５０，０００')).toBe(50000);
  });

  it('going back to 待核实 forgets who verified it and when', () => {
    const verified = verify(editableOf(customer), '王会计', 1234);
    expect(unverify(verified).review).toEqual({ status: 'pending', by: '', at: null });
  });

  it('reports tags the book would refuse instead of failing the save without a word', () => {
    const long = { ...editableOf(customer), tags: ['长'.repeat(41)] };
    const many = { ...editableOf(customer), tags: Array.from({ length: 51 }, (_, i) => `t${i}`) };
    for (const draft of [long, many]) {
      expect(validateCustomer(draft).map((f) => f.code)).toContain('tags.tooLong');
      expect(CustomerInputSchema.safeParse(draft).success).toBe(false);
    }
    expect(validateCustomer(editableOf(customer)).map((f) => f.code)).not.toContain('tags.tooLong');
  });
});
