import { describe, expect, it } from 'vitest';
import { type CustomerInput, CustomerInputSchema } from '../../../lib/domain/customer';
import { isPhone, normalizeDraft, validateCustomer } from '../../../lib/domain/validate';
import { customerInput } from '../../support/book';

/** The shared valid customer, parsed, with `entry` overriding fields of its one billing entry. */
function draft(input: Partial<CustomerInput> & { entry?: Record<string, string> } = {}) {
  const { entry, ...rest } = input;
  const base = customerInput(rest);
  return CustomerInputSchema.parse({ ...base, entries: base.entries.map((e) => ({ ...e, ...entry })) });
}
const codes = (c: ReturnType<typeof draft>) => validateCustomer(c).map((f) => `${f.severity}:${f.code}`);

describe('validateCustomer', () => {
  it('finds nothing in a complete company', () => {
    expect(validateCustomer(draft())).toEqual([]);
  });

  it('reports a mistyped credit code as an error with both languages', () => {
    const [f] = validateCustomer(draft({ taxId: '91110000600037341K' }));
    expect(f).toMatchObject({ code: 'taxId.checksum', field: 'taxId', severity: 'error' });
    expect(f?.message['zh-CN']).toContain('L');
    expect(f?.message.en).toContain('expected L');
  });

  it('warns on legacy lengths and on a missing tax ID, but not for natural persons', () => {
    expect(codes(draft({ taxId: '110108600037341' }))).toEqual(['warning:taxId.legacy']);
    expect(codes(draft({ taxId: '' }))).toContain('warning:taxId.missing');
    expect(codes(draft({ taxId: '', kind: 'naturalPerson', name: '张三' }))).toEqual([]);
  });

  it('checks the tax ID after normalising full-width and lower-case input', () => {
    expect(validateCustomer(draft({ taxId: '９１１１００００６０００３７３４１ｌ' }))).toEqual([]);
  });

  it('never applies Luhn to bank accounts, only digits and length', () => {
    // This real-format account fails Luhn; it must still be accepted.
    expect(codes(draft({ entry: { bankAccount: '1234 5678 9012 3456 78' } }))).toEqual([]);
    expect(codes(draft({ entry: { bankAccount: '12345' } }))).toEqual(['error:bankAccount.invalid']);
    expect(codes(draft({ entry: { bankAccount: '6222-0200-ABCD' } }))).toEqual(['error:bankAccount.invalid']);
  });

  it('tells what a 专票 still needs: info when 普票 is the default, error when 专票 is', () => {
    const partial = { entry: { bankName: '', bankAccount: '' } };
    const asInfo = validateCustomer(draft(partial));
    expect(asInfo.map((f) => f.severity)).toEqual(['info']);
    expect(asInfo[0]?.message['zh-CN']).toBe('开专票还缺：开户行、银行账号');
    const asError = validateCustomer(draft({ ...partial, invoiceDefaults: { type: 'special', remarks: '' } }));
    expect(asError[0]).toMatchObject({ code: 'special.incomplete', severity: 'error' });
  });

  it('refuses 专票 for a natural person', () => {
    const person = draft({ kind: 'naturalPerson', taxId: '', invoiceDefaults: { type: 'special', remarks: '' } });
    expect(codes(person)).toEqual(['error:special.naturalPerson']);
  });

  it('flags a wrong mobile and e-mail as warnings', () => {
    expect(codes(draft({ mobile: '1381234567', email: 'a@b' }))).toEqual([
      'warning:mobile.invalid',
      'warning:email.invalid',
    ]);
  });
});

describe('isPhone', () => {
  it.each([
    '13812345678',
    '138 1234 5678',
    '010-60606666',
    '0571-88888888',
    '0575 87996781',
    '020-87654321转8001',
    '(0755)26888888',
    '021-5089 1234-12',
    '88888888',
  ])('accepts %s', (p) => {
    expect(isPhone(p)).toBe(true);
  });
  it.each(['12812345678', '010-1234', 'abc', '0571-888888888888'])('rejects %s', (p) => {
    expect(isPhone(p)).toBe(false);
  });
});

describe('normalizeDraft', () => {
  it('cleans widths, spaces, case and digits, and folds duplicate tags', () => {
    const d = normalizeDraft(
      draft({
        name: '  北京小米科技有限责任公司（海淀）  ',
        taxId: '９１１１０ ０００６０００３７３４１ｌ',
        tags: [' 月结 ', '月结', ''],
        entry: { bankAccount: '0200 0496-1920 0088 888', phone: '０１０－６０６０６６６６' },
      }),
    );
    expect(d.name).toBe('北京小米科技有限责任公司（海淀）');
    expect(d.taxId).toBe('91110000600037341L');
    expect(d.tags).toEqual(['月结']);
    expect(d.entries[0]?.bankAccount).toBe('0200049619200088888');
    expect(d.entries[0]?.phone).toBe('010-60606666');
  });
});
