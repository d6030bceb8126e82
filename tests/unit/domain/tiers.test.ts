import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CustomerInputSchema } from '../../../lib/domain/customer';
import {
  CustomerInvoiceDefaultsSchema,
  type DefaultsOwner,
  effectiveDefaults,
  fillRemarks,
  REMARKS_LIMIT,
  remarkValues,
  type Tier,
  TiersSchema,
} from '../../../lib/domain/tiers';
import { customerInput } from '../../support/book';

const tiers: Tier[] = TiersSchema.parse([
  {
    id: 'vip',
    label: 'VIP',
    defaults: {
      invoiceType: 'special',
      remarks: '合同号：{合同号}',
      deliveryEmail: 'fapiao@vip.example.cn',
      showAddressBank: true,
    },
  },
  {
    id: '金牌',
    label: '金牌客户',
    defaults: { invoiceType: 'normal', remarks: '{月份}服务费', deliveryMobile: '13800138000' },
  },
]);

/** A customer as the book parses it today (invoiceDefaults with type and remarks only), with what a test says. */
function owner(over: Partial<DefaultsOwner> = {}): DefaultsOwner {
  return { ...CustomerInputSchema.parse(customerInput()), ...over };
}
const own = (over: Partial<DefaultsOwner['invoiceDefaults']>) => ({ type: null, remarks: '', ...over });

describe('tiers', () => {
  it('always has 普通 and VIP first, then the tiers the user defined in their order', () => {
    expect(TiersSchema.parse([])).toEqual([
      { id: 'normal', label: '普通', defaults: { invoiceType: null, remarks: '' } },
      { id: 'vip', label: 'VIP', defaults: { invoiceType: null, remarks: '' } },
    ]);
    expect(tiers.map((t) => t.id)).toEqual(['normal', 'vip', '金牌']);
    expect(tiers[1]?.defaults).toMatchObject({ invoiceType: 'special', deliveryEmail: 'fapiao@vip.example.cn' });
    const custom = TiersSchema.parse([
      { id: ' 战略 ', label: '战略客户' },
      { id: 'normal', label: '普通客户' },
    ]);
    expect(custom.map((t) => [t.id, t.label])).toEqual([
      ['normal', '普通客户'],
      ['vip', 'VIP'],
      ['战略', '战略客户'],
    ]);
  });

  it('refuses two tiers with one id, an empty id or label, and an id longer than customer.tier takes', () => {
    expect(
      TiersSchema.safeParse([
        { id: 'vip', label: 'A' },
        { id: 'vip', label: 'B' },
      ]).success,
    ).toBe(false);
    expect(TiersSchema.safeParse([{ id: ' ', label: 'A' }]).success).toBe(false);
    expect(TiersSchema.safeParse([{ id: 'a', label: '' }]).success).toBe(false);
    expect(TiersSchema.safeParse([{ id: 'x'.repeat(41), label: 'A' }]).success).toBe(false);
    const long = { id: 'a', label: 'A', defaults: { remarks: 'x'.repeat(REMARKS_LIMIT + 1) } };
    expect(TiersSchema.safeParse([long]).success).toBe(false);
  });
});

describe('effective defaults', () => {
  it("gives a customer with nothing of its own its tier's defaults, and its contact for delivery", () => {
    const vip = effectiveDefaults(
      owner({ tier: 'vip', email: 'caiwu@xiaomi.example.cn', mobile: '13911112222' }),
      tiers,
    );
    expect(vip).toMatchObject({
      invoiceType: 'special',
      remarks: '合同号：{合同号}',
      deliveryEmail: 'fapiao@vip.example.cn',
      deliveryMobile: '13911112222',
      showAddressBank: true,
    });
    expect(vip.tier.label).toBe('VIP');
    expect(vip.from).toEqual({
      invoiceType: 'tier',
      remarks: 'tier',
      deliveryEmail: 'tier',
      deliveryMobile: 'contact',
      showAddressBank: 'tier',
    });
  });

  it("lets the customer's own defaults win field by field", () => {
    const customer = owner({
      tier: 'vip',
      email: 'contact@example.cn',
      invoiceDefaults: own({ type: 'normal', deliveryEmail: 'own@example.cn', showAddressBank: false }),
    });
    const effective = effectiveDefaults(customer, tiers);
    expect(effective).toMatchObject({
      invoiceType: 'normal',
      remarks: '合同号：{合同号}',
      deliveryEmail: 'own@example.cn',
      showAddressBank: false,
    });
    expect(effective.from).toMatchObject({ invoiceType: 'customer', remarks: 'tier', showAddressBank: 'customer' });
    const remarks = effectiveDefaults(owner({ tier: 'vip', invoiceDefaults: own({ remarks: '按月结算' }) }), tiers);
    expect(remarks).toMatchObject({ remarks: '按月结算', invoiceType: 'special' });
  });

  it('leaves what nobody says to the clerk or the page', () => {
    const plain = effectiveDefaults(owner({ email: '', mobile: '' }), tiers);
    expect(plain).toMatchObject({
      invoiceType: null,
      remarks: '',
      deliveryEmail: '',
      deliveryMobile: '',
      showAddressBank: null,
    });
    expect(Object.values(plain.from)).toEqual(['none', 'none', 'none', 'none', 'none']);
    expect(plain.tier.id).toBe('normal');
  });

  it('finds a user-defined tier by its id, and takes an undefined one as a tier without defaults', () => {
    expect(effectiveDefaults(owner({ tier: '金牌' }), tiers)).toMatchObject({
      invoiceType: 'normal',
      remarks: '{月份}服务费',
      deliveryMobile: '13800138000',
    });
    const stray = effectiveDefaults(owner({ tier: '银牌', invoiceDefaults: own({ type: 'special' }) }), tiers);
    expect(stray.tier).toEqual({ id: '银牌', label: '银牌', defaults: { invoiceType: null, remarks: '' } });
    expect(stray).toMatchObject({ invoiceType: 'special', remarks: '' });
  });

  it("reads today's customers, whose invoice defaults are type and remarks, as customers with the new fields unset", () => {
    const today = CustomerInputSchema.parse(customerInput({ invoiceDefaults: { type: 'special', remarks: '备' } }));
    const extended = CustomerInvoiceDefaultsSchema.parse(today.invoiceDefaults);
    expect(extended).toEqual({
      type: 'special',
      remarks: '备',
      deliveryEmail: '',
      deliveryMobile: '',
      showAddressBank: null,
    });
    expect(CustomerInvoiceDefaultsSchema.safeParse({ remarks: 'x'.repeat(REMARKS_LIMIT + 1) }).success).toBe(false);
    expect(effectiveDefaults({ ...today, tier: 'vip', invoiceDefaults: extended }, tiers).from.showAddressBank).toBe(
      'tier',
    );
  });
});

describe('remarks templates', () => {
  const values = { contract: 'HT-2026-018', customerName: '北京小米科技有限责任公司', taxId: '91110000600037341L' };

  it('fills the known placeholders, Chinese or English, in either width of brace', () => {
    const filled = fillRemarks('合同号：{合同号}；{ customer }（{TAXID}）｛月份｝', { ...values, month: '2026年3月' });
    expect(filled).toEqual({
      text: '合同号：HT-2026-018；北京小米科技有限责任公司（91110000600037341L）2026年3月',
      unfilled: [],
      cut: 0,
    });
    expect(fillRemarks('{contract}/{合同编号}/{购买方名称}/{纳税人识别号}', values).text).toBe(
      'HT-2026-018/HT-2026-018/北京小米科技有限责任公司/91110000600037341L',
    );
  });

  it('leaves unknown placeholders and ones without a value as written, and names them', () => {
    const filled = fillRemarks('项目：{项目名称}，合同 {合同号}，{月份}，{税号}，{项目名称}', {
      taxId: '',
      customerName: 'x',
    });
    expect(filled.text).toBe('项目：{项目名称}，合同 {合同号}，{月份}，{税号}，{项目名称}');
    expect(filled.unfilled).toEqual(['{项目名称}', '{合同号}', '{月份}', '{税号}']);
    expect(fillRemarks('{} { } {a{b} 无占位符', values)).toEqual({
      text: '{} { } {a{b} 无占位符',
      unfilled: ['{b}'],
      cut: 0,
    });
  });

  it('never reads a value as a placeholder', () => {
    expect(fillRemarks('{客户名称}', { customerName: '{税号}公司', taxId: '9111' }).text).toBe('{税号}公司');
  });

  it('keeps remarks of exactly 230 characters whole and cuts what goes past, saying how much', () => {
    const fits = '备'.repeat(REMARKS_LIMIT - 11);
    expect(fillRemarks(`${fits}{合同号}`, values)).toEqual({ text: `${fits}HT-2026-018`, unfilled: [], cut: 0 });
    const filled = fillRemarks(`${fits}{合同号}。谢谢`, values);
    expect(filled).toEqual({ text: `${fits}HT-2026-018`, unfilled: [], cut: 3 });
    expect(filled.text).toHaveLength(REMARKS_LIMIT);
  });

  it('does not cut a character in half, nor a placeholder left for the clerk', () => {
    // 𠀀 is one character in two UTF-16 units; it would straddle the limit.
    const astral = fillRemarks(`${'备'.repeat(REMARKS_LIMIT - 1)}𠀀尾`, {});
    expect(astral).toEqual({ text: '备'.repeat(REMARKS_LIMIT - 1), unfilled: [], cut: 2 });
    const placeholder = fillRemarks(`${'备'.repeat(REMARKS_LIMIT - 3)}{合同号}`, {});
    expect(placeholder).toEqual({ text: '备'.repeat(REMARKS_LIMIT - 3), unfilled: [], cut: 5 });
    const kept = fillRemarks(`{合同号}${'备'.repeat(REMARKS_LIMIT)}`, {});
    expect(kept).toMatchObject({ unfilled: ['{合同号}'], cut: 5 });
  });

  it('never gives more than 230 characters, and leaves a template without placeholders that fits as it is', () => {
    const piece = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.constantFrom('{合同号}', '{客户名称}', '{税号}', '{月份}', '{未知}', '｛contract｝', '𠀀'),
    );
    const value = fc.option(fc.string({ maxLength: 300 }), { nil: undefined });
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 20 }), value, value, (pieces, contract, customerName) => {
        const template = pieces.join('');
        const filled = fillRemarks(template, { contract, customerName, taxId: '91110000600037341L' });
        expect(filled.text.length).toBeLessThanOrEqual(REMARKS_LIMIT);
        // A cut goes back from the limit by at most one placeholder (two braces and 30 characters).
        if (filled.cut > 0) expect(filled.text.length).toBeGreaterThanOrEqual(REMARKS_LIMIT - 32);
        for (const p of filled.unfilled) expect(filled.text).toContain(p);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: REMARKS_LIMIT }), (template) => {
        fc.pre(!/[{｛]/.test(template));
        expect(fillRemarks(template, values)).toEqual({ text: template, unfilled: [], cut: 0 });
      }),
    );
  });

  it("gives a customer's name, tax ID, month and day, and the contract number the clerk typed", () => {
    const customer = CustomerInputSchema.parse(customerInput());
    const got = remarkValues(customer, '2026-03-05', { contract: 'HT-9' });
    expect(got).toEqual({
      customerName: '北京小米科技有限责任公司',
      taxId: '91110000600037341L',
      month: '2026年3月',
      date: '2026年3月5日',
      contract: 'HT-9',
    });
    expect(fillRemarks('{月份}，{日期}，{合同号}', remarkValues(customer, '2026-12-31')).text).toBe(
      '2026年12月，2026年12月31日，{合同号}',
    );
    expect(() => remarkValues(customer, '2026/03/05')).toThrow(RangeError);
  });
});
