import { describe, expect, it } from 'vitest';
import { planFill } from '../../../lib/fill/plan';
import type { FillValues } from '../../../lib/fill/values';

const values: FillValues = {
  customerId: 'c1',
  name: '北京小米科技有限责任公司',
  taxId: '91110000600037341L',
  address: '北京市海淀区清河中街68号',
  phone: '010-60606666',
  bankName: '中国工商银行北京海淀支行',
  bankAccount: '',
  email: '',
  mobile: '',
  naturalPerson: false,
};

describe('planFill', () => {
  it('writes each role, joins combined fields, and says why it skips', () => {
    const steps = planFill(
      [
        { role: 'name', maxLength: 300, fillable: true },
        { role: 'taxId', maxLength: 15, fillable: true },
        { role: 'addressPhone', maxLength: null, fillable: true },
        { role: 'bankNameAccount', maxLength: null, fillable: true },
        { role: 'bankAccount', maxLength: 50, fillable: true },
        { role: 'phone', maxLength: null, fillable: false },
        { role: 'naturalPerson', maxLength: null, fillable: true },
      ],
      values,
    );
    expect(steps).toEqual([
      { index: 0, role: 'name', action: 'write', value: '北京小米科技有限责任公司' },
      { index: 1, role: 'taxId', action: 'skip', reason: 'tooLong' },
      { index: 2, role: 'addressPhone', action: 'write', value: '北京市海淀区清河中街68号 010-60606666' },
      { index: 3, role: 'bankNameAccount', action: 'write', value: '中国工商银行北京海淀支行' },
      { index: 4, role: 'bankAccount', action: 'skip', reason: 'missing' },
      { index: 5, role: 'phone', action: 'skip', reason: 'hidden' },
      { index: 6, role: 'naturalPerson', action: 'write', value: false },
    ]);
  });
});

describe('planFill with invoice defaults', () => {
  const withDefaults: FillValues = {
    ...values,
    invoiceType: 'special',
    remarks: '合同号 HT-7 北京小米科技有限责任公司 2026年3月',
    showAddressBank: true,
  };

  it('writes the type, the remarks and both show flags when the defaults say so', () => {
    const steps = planFill(
      [
        { role: 'invoiceType', maxLength: null, fillable: true },
        { role: 'remarks', maxLength: 230, fillable: true, current: '' },
        { role: 'showAddressPhone', maxLength: null, fillable: true },
        { role: 'showBankAccount', maxLength: null, fillable: true },
      ],
      withDefaults,
    );
    expect(steps.map((s) => (s.action === 'write' ? s.value : s.reason))).toEqual([
      'special',
      withDefaults.remarks,
      true,
      true,
    ]);
  });

  it('leaves the fields quietly when no default applies (noDefault, never "missing")', () => {
    const steps = planFill(
      [
        { role: 'invoiceType', maxLength: null, fillable: true },
        { role: 'remarks', maxLength: 230, fillable: true },
        { role: 'showAddressPhone', maxLength: null, fillable: false },
        { role: 'showBankAccount', maxLength: null, fillable: true },
      ],
      { ...values, invoiceType: null, remarks: '', showAddressBank: null },
    );
    expect(steps.map((s) => s.action === 'skip' && s.reason)).toEqual([
      'noDefault',
      'noDefault',
      'noDefault',
      'noDefault',
    ]);
    // A showAddressBank of false is a default (clear the boxes), not the absence of one.
    const cleared = planFill([{ role: 'showBankAccount', maxLength: null, fillable: true }], {
      ...values,
      showAddressBank: false,
    });
    expect(cleared).toEqual([{ index: 0, role: 'showBankAccount', action: 'write', value: false }]);
  });

  it("keeps remarks the clerk typed, but replaces Taitou's own from an earlier fill", () => {
    const field = { role: 'remarks' as const, maxLength: 230, fillable: true };
    const plan = (current: string, ours: boolean) => planFill([{ ...field, current, ours }], withDefaults)[0];
    expect(plan('客户要求：写上项目编号 A-12', false)).toMatchObject({ action: 'skip', reason: 'kept' });
    expect(plan('   ', false)).toMatchObject({ action: 'write' });
    expect(plan('上一个客户的备注', true)).toMatchObject({ action: 'write', value: withDefaults.remarks });
    // The same text again is no overwrite.
    expect(plan(withDefaults.remarks ?? '', false)).toMatchObject({ action: 'write' });
    // Other roles are overwritten as before: a buyer field holds the customer being filled.
    expect(planFill([{ role: 'name', maxLength: 300, fillable: true, current: '别的公司' }], values)[0]).toMatchObject({
      action: 'write',
    });
  });

  it('skips remarks that the field cannot hold whole', () => {
    expect(planFill([{ role: 'remarks', maxLength: 10, fillable: true }], withDefaults)[0]).toMatchObject({
      action: 'skip',
      reason: 'tooLong',
    });
  });
});
