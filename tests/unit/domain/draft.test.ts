import { describe, expect, it } from 'vitest';
import { type Customer, CustomerInputSchema } from '../../../lib/domain/customer';
import { draftForCheck, draftOfCustomer, inputOfDraft, inputOfEdit, type QuickDraft } from '../../../lib/domain/draft';
import { searchKeys } from '../../../lib/search/keys';

const DRAFT: QuickDraft = {
  name: '宁波港湾物流有限公司',
  taxId: '91330206MA2H3K5P7T',
  kind: 'company',
  address: '宁波市北仑区明州路88号',
  phone: '0574-86881234',
  bankName: '中国工商银行宁波北仑支行',
  bankAccount: '3901110009200012345',
  email: 'fp@example.com',
  mobile: '13800138000',
  invoiceType: 'special',
};

describe('the quick-add draft', () => {
  it('checks exactly what the book will store: the schema adds nothing draftForCheck lacks', () => {
    const stored = CustomerInputSchema.parse(inputOfDraft(DRAFT, 'manual'));
    expect(draftForCheck(DRAFT)).toEqual(stored);
    expect(draftForCheck({ ...DRAFT, invoiceType: '' }).invoiceDefaults.type).toBeNull();
  });
});

describe('editing a stored customer through the form', () => {
  const customer: Customer = {
    ...CustomerInputSchema.parse({
      ...inputOfDraft(DRAFT, 'paste'),
      entries: [
        { id: 'main', address: '旧地址', phone: '0574-1', bankName: '旧银行', bankAccount: '123456' },
        { id: 'branch', address: '分公司地址', phone: '', bankName: '', bankAccount: '' },
      ],
      defaultEntryId: 'main',
      tier: 'vip',
      tags: ['长期'],
      notes: '只开专票',
      invoiceDefaults: { type: 'special', remarks: '合同号 {contract}' },
    }),
    id: 'c1',
    createdAt: 1,
    updatedAt: 2,
    lastUsedAt: null,
    useCount: 0,
    revision: 3,
    keys: searchKeys(DRAFT.name, DRAFT.taxId),
  };

  it('shows the default entry', () => {
    expect(draftOfCustomer(customer)).toMatchObject({
      address: '旧地址',
      bankAccount: '123456',
      invoiceType: 'special',
    });
  });

  it('changes the default entry only, and keeps every field the form does not show', () => {
    const input = CustomerInputSchema.parse(inputOfEdit(customer, { ...draftOfCustomer(customer), address: '新地址' }));
    expect(input.entries).toEqual([
      { id: 'main', label: '', address: '新地址', phone: '0574-1', bankName: '旧银行', bankAccount: '123456' },
      { id: 'branch', label: '', address: '分公司地址', phone: '', bankName: '', bankAccount: '' },
    ]);
    expect(input).toMatchObject({
      tier: 'vip',
      tags: ['长期'],
      notes: '只开专票',
      source: 'paste',
      invoiceDefaults: { type: 'special', remarks: '合同号 {contract}' },
    });
  });
});
