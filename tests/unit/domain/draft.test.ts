import { describe, expect, it } from 'vitest';
import { CustomerInputSchema } from '../../../lib/domain/customer';
import { draftForCheck, inputOfDraft, type QuickDraft } from '../../../lib/domain/draft';

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
