import { describe, expect, it } from 'vitest';
import { type Tier, TiersSchema } from '../../../lib/domain/tiers';
import { creditNoteOf, fillNotesOf, fillValuesOf } from '../../../lib/fill/values-of';
import { isFillRequest } from '../../../lib/messaging/tab';
import { customer, entry } from '../../support/customer';

const tiers: Tier[] = TiersSchema.parse([
  {
    id: 'vip',
    label: 'VIP',
    defaults: {
      invoiceType: 'special',
      remarks: '{客户名称}（{税号}）{月份}服务费 合同号：{合同号}',
      deliveryEmail: 'vip-desk@example.cn',
      showAddressBank: true,
    },
  },
  { id: '月结', label: '月结客户', defaults: { invoiceType: 'normal', remarks: '{month} 月结' } },
]);

const vip = customer('c1', '杭州西湖龙井茶业有限公司', {
  taxId: '913301061430725976',
  tier: 'vip',
  email: 'caiwu@longjing.example.cn',
  mobile: '13905710001',
  entries: [entry('c1-1', { address: '杭州市西湖区龙井路1号', bankAccount: '3301040160001234567' }), entry('c1-2')],
  defaultEntryId: 'c1-1',
});

describe('fillValuesOf', () => {
  it("gives a VIP customer its tier's defaults, the remarks filled for the day", () => {
    const values = fillValuesOf(vip, undefined, { tiers, today: '2026-03-15' });
    expect(values).toMatchObject({
      name: '杭州西湖龙井茶业有限公司',
      address: '杭州市西湖区龙井路1号',
      invoiceType: 'special',
      remarks: '杭州西湖龙井茶业有限公司（913301061430725976）2026年3月服务费 合同号：{合同号}',
      email: 'vip-desk@example.cn',
      // No delivery mobile on the tier: the contact's mobile.
      mobile: '13905710001',
      showAddressBank: true,
    });
  });

  it("lets the customer's own defaults win field by field", () => {
    const own = {
      ...vip,
      invoiceDefaults: {
        type: 'normal' as const,
        remarks: '',
        deliveryEmail: 'own@example.cn',
        deliveryMobile: '',
        showAddressBank: false,
      },
    };
    const values = fillValuesOf(own, 'c1-2', { tiers, today: '2026-03-15' });
    expect(values.invoiceType).toBe('normal');
    expect(values.email).toBe('own@example.cn');
    expect(values.showAddressBank).toBe(false);
    // The customer's remarks are unset: the tier's template applies.
    expect(values.remarks).toContain('2026年3月服务费');
    // The entry asked for.
    expect(values.address).toBe('');
  });

  it('uses a tier the clerk defined, and leaves everything unset for a tier without defaults', () => {
    const monthly = fillValuesOf({ ...vip, tier: '月结' }, undefined, { tiers, today: '2026-12-01' });
    expect(monthly).toMatchObject({ invoiceType: 'normal', remarks: '2026年12月 月结', showAddressBank: null });
    const plain = fillValuesOf({ ...vip, tier: 'normal' }, undefined, { tiers, today: '2026-12-01' });
    expect(plain).toMatchObject({
      invoiceType: null,
      remarks: '',
      showAddressBank: null,
      email: 'caiwu@longjing.example.cn',
    });
  });

  it('is what a content script accepts', () => {
    const values = fillValuesOf(vip, undefined, { tiers, today: '2026-03-15' });
    const notes = fillNotesOf(vip, { tiers, today: '2026-03-15' });
    expect(isFillRequest({ type: 'taitou:fill', values, notes })).toBe(true);
    expect(isFillRequest({ type: 'taitou:fill', values: { ...values, invoiceType: '专票' } })).toBe(false);
    expect(isFillRequest({ type: 'taitou:fill', values, notes: { remarksUnfilled: [1] } })).toBe(false);
    expect(isFillRequest({ type: 'taitou:fill', values, notes: { credit: { level: 'ok' } } })).toBe(false);
  });
});

describe('fillNotesOf', () => {
  it('names the placeholders the remarks left for the clerk, and nothing when all were filled', () => {
    expect(fillNotesOf(vip, { tiers, today: '2026-03-15' })).toEqual({ remarksUnfilled: ['{合同号}'] });
    expect(fillNotesOf({ ...vip, tier: '月结' }, { tiers, today: '2026-03-15' })).toBeUndefined();
  });

  it('says how much of an overlong remark was cut', () => {
    const long = { ...vip, invoiceDefaults: { ...vip.invoiceDefaults, remarks: `${'备'.repeat(225)}{客户名称}` } };
    const notes = fillNotesOf(long, { tiers, today: '2026-03-15' });
    expect(notes?.remarksCut).toBe(225 + '杭州西湖龙井茶业有限公司'.length - 230);
    expect(fillValuesOf(long, undefined, { tiers, today: '2026-03-15' }).remarks).toHaveLength(230);
  });

  it('carries the credit only near the limit or beyond', () => {
    const state = { period: 'month' as const, limit: 100_000, used: 85_000, remaining: 15_000, percent: 85 };
    expect(fillNotesOf({ ...vip, tier: '月结' }, { tiers }, { ...state, level: 'near' })).toEqual({
      credit: { level: 'near', ...state },
    });
    expect(fillNotesOf({ ...vip, tier: '月结' }, { tiers }, { ...state, level: 'ok' })).toBeUndefined();
    expect(creditNoteOf({ ...state, level: 'none', period: null, limit: null })).toBeUndefined();
    expect(creditNoteOf({ ...state, level: 'over', used: 120_000, remaining: -20_000, percent: 120 })).toMatchObject({
      level: 'over',
      remaining: -20_000,
    });
  });
});
