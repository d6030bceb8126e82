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
