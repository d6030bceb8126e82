import { describe, expect, it } from 'vitest';
import { effectiveDefaults, type Tier, TiersSchema } from '../../../lib/domain/tiers';
import {
  addTier,
  defaultsFindings,
  isBuiltIn,
  labelFindings,
  removeTier,
  renameTier,
  setTierDefaults,
  tierCounts,
  tierDefaultsOf,
  tierDraftOf,
  tierIds,
  unknownPlaceholders,
} from '../../../lib/manager/tier-list';
import { customer } from '../../support/customer';

const BUILT_IN = TiersSchema.parse([]);
const codes = (tiers: readonly Tier[], label: string, self?: string) =>
  labelFindings(tiers, label, self).map((f) => f.code);

function added(tiers: readonly Tier[], label: string, id?: string) {
  const edit = addTier(tiers, label, id);
  if (!edit.ok) throw new Error(edit.finding.code);
  return edit;
}

describe('the tier list', () => {
  it('adds a tier named as typed, whose id is that name, so customers already holding it join', () => {
    const { tiers, id } = added(BUILT_IN, '  金牌 ');
    expect(id).toBe('金牌');
    expect(tiers.map((t) => [t.id, t.label])).toEqual([
      ['normal', '普通'],
      ['vip', 'VIP'],
      ['金牌', '金牌'],
    ]);
    // What the settings keep still checks out.
    expect(TiersSchema.parse(tiers)).toEqual(tiers);
    const holder = customer('a', '某公司', { tier: '金牌' });
    expect(effectiveDefaults(holder, tiers).tier.label).toBe('金牌');
  });

  it('refuses a name that is empty, too long, or another tier’s (any case), and the built-in ids', () => {
    const { tiers } = added(BUILT_IN, 'Gold');
    expect(codes(tiers, '   ')).toEqual(['tier.label.missing']);
    expect(codes(tiers, '长'.repeat(41))).toEqual(['tier.label.tooLong']);
    expect(codes(tiers, '长'.repeat(40))).toEqual([]);
    expect(codes(tiers, 'gold')).toEqual(['tier.label.taken']);
    expect(codes(tiers, '普通')).toEqual(['tier.label.taken']);
    expect(codes(tiers, 'Vip')).toEqual(['tier.label.taken']);
    expect(codes(tiers, 'normal')).toEqual(['tier.label.taken']);
    // A tier keeps its own name when renamed to it again.
    expect(codes(tiers, 'GOLD', 'Gold')).toEqual([]);
    expect(addTier(tiers, 'GOLD')).toMatchObject({ ok: false, finding: { code: 'tier.label.taken', field: 'label' } });
  });

  it('renames the label only: the id, and so the customers in the tier, stay', () => {
    const gold = added(BUILT_IN, '金牌');
    const renamed = renameTier(gold.tiers, '金牌', '钻石');
    if (!renamed.ok) throw new Error(renamed.finding.code);
    expect(renamed.tiers.at(-1)).toMatchObject({ id: '金牌', label: '钻石' });
    const holder = customer('a', '某公司', { tier: '金牌' });
    expect(effectiveDefaults(holder, renamed.tiers).tier.label).toBe('钻石');
    // A new tier named as the old id gets an id of its own.
    const again = added(renamed.tiers, '金牌');
    expect(again.id).toBe('金牌-2');
    expect(new Set(again.tiers.map((t) => t.id)).size).toBe(again.tiers.length);
    expect(TiersSchema.safeParse(again.tiers).success).toBe(true);
  });

  it('defines a tier customers already hold under the very value they hold', () => {
    const odd = ' 金牌  客户';
    const { tiers, id } = added(BUILT_IN, odd, odd);
    expect(id).toBe(odd);
    expect(tiers.at(-1)).toMatchObject({ id: odd, label: '金牌 客户' });
    expect(effectiveDefaults(customer('a', 'A', { tier: odd }), tiers).tier.label).toBe('金牌 客户');
    expect(TiersSchema.safeParse(tiers).success).toBe(true);
    // An id already taken falls back to the name.
    expect(added(BUILT_IN, '特约', 'vip').id).toBe('特约');
  });

  it('keeps ids within 40 characters when it must number one', () => {
    const long = '长'.repeat(40);
    const first = added(BUILT_IN, long);
    const renamed = renameTier(first.tiers, long, '短');
    if (!renamed.ok) throw new Error('rename refused');
    const second = added(renamed.tiers, long);
    expect(second.id).toBe(`${'长'.repeat(38)}-2`);
    expect(second.id).toHaveLength(40);
    expect(TiersSchema.safeParse(second.tiers).success).toBe(true);
  });

  it('never renames or removes the built-in tiers', () => {
    expect(isBuiltIn('vip') && isBuiltIn('normal') && !isBuiltIn('金牌')).toBe(true);
    expect(renameTier(BUILT_IN, 'vip', '贵宾')).toMatchObject({ ok: false, finding: { code: 'tier.builtIn' } });
    expect(removeTier(BUILT_IN, 'normal')).toEqual(BUILT_IN);
    const { tiers } = added(BUILT_IN, '金牌');
    expect(removeTier(tiers, '金牌')).toEqual(BUILT_IN);
    expect(renameTier(BUILT_IN, 'missing', 'x').ok).toBe(false);
  });

  it('sets one tier’s defaults and leaves the others', () => {
    const { tiers } = added(BUILT_IN, '金牌');
    const next = setTierDefaults(tiers, 'vip', { invoiceType: 'special', remarks: '合同 {合同号}' });
    expect(next.find((t) => t.id === 'vip')?.defaults).toEqual({ invoiceType: 'special', remarks: '合同 {合同号}' });
    expect(next.filter((t) => t.id !== 'vip')).toEqual(tiers.filter((t) => t.id !== 'vip'));
  });

  it('counts customers per tier value and offers defined tiers first, then held values no tier defines', () => {
    const book = [
      customer('a', 'A', { tier: 'vip' }),
      customer('b', 'B', { tier: '银牌' }),
      customer('c', 'C', { tier: 'vip' }),
      customer('d', 'D'),
      customer('e', 'E', { tier: '铜牌' }),
    ];
    const counts = tierCounts(book);
    expect(Object.fromEntries(counts)).toEqual({ vip: 2, 银牌: 1, normal: 1, 铜牌: 1 });
    const { tiers } = added(BUILT_IN, '金牌');
    // Pinyin order: tong before yin.
    expect(tierIds(tiers, counts.keys())).toEqual(['normal', 'vip', '金牌', '铜牌', '银牌']);
    expect(tierIds(tiers, ['', '金牌'])).toEqual(['normal', 'vip', '金牌']);
  });
});

describe('invoice defaults in a form', () => {
  const draft = { remarks: '', deliveryEmail: '', deliveryMobile: '' };
  const found = (over: Partial<typeof draft>, prefix?: string) =>
    defaultsFindings({ ...draft, ...over }, prefix).map((f) => [f.field, f.code, f.severity]);

  it('says what is wrong by field: remarks past 230, placeholders nobody fills, email and mobile', () => {
    expect(found({})).toEqual([]);
    expect(found({ remarks: 'x'.repeat(230) })).toEqual([]);
    expect(found({ remarks: 'x'.repeat(231) })).toEqual([['remarks', 'remarks.tooLong', 'error']]);
    expect(found({ remarks: '{合同号} {客户名称} ｛月份｝ {发票号}' })).toEqual([
      ['remarks', 'remarks.unknownPlaceholder', 'warning'],
    ]);
    expect(found({ deliveryEmail: 'caiwu@example' })).toEqual([['deliveryEmail', 'deliveryEmail.invalid', 'error']]);
    expect(found({ deliveryEmail: ' caiwu@example.com ' })).toEqual([]);
    expect(found({ deliveryMobile: '1380013800' })).toEqual([['deliveryMobile', 'deliveryMobile.invalid', 'error']]);
    expect(found({ deliveryMobile: '138 0013 8000' })).toEqual([]);
    expect(found({ deliveryEmail: 'x' }, 'invoiceDefaults.')).toEqual([
      ['invoiceDefaults.deliveryEmail', 'deliveryEmail.invalid', 'error'],
    ]);
  });

  it('names the placeholders left unfilled, as written', () => {
    expect(unknownPlaceholders('合同{合同号}，{ 发票号 }，{税号}{}')).toEqual(['{ 发票号 }']);
    expect(unknownPlaceholders('no braces')).toEqual([]);
  });

  it('turns a form into tier defaults and back, leaving out what is not said', () => {
    const form = {
      invoiceType: 'special' as const,
      remarks: '{客户名称}',
      deliveryEmail: ' caiwu@example.com ',
      deliveryMobile: '138-0013-8000',
      showAddressBank: 'hide' as const,
    };
    const defaults = tierDefaultsOf(form);
    expect(defaults).toEqual({
      invoiceType: 'special',
      remarks: '{客户名称}',
      deliveryEmail: 'caiwu@example.com',
      deliveryMobile: '13800138000',
      showAddressBank: false,
    });
    expect(tierDraftOf(defaults)).toEqual({
      ...form,
      deliveryEmail: 'caiwu@example.com',
      deliveryMobile: '13800138000',
    });
    const empty = tierDefaultsOf({
      ...form,
      invoiceType: '',
      deliveryEmail: ' ',
      deliveryMobile: '',
      showAddressBank: '',
    });
    expect(empty).toEqual({ invoiceType: null, remarks: '{客户名称}' });
    expect(tierDraftOf(empty).showAddressBank).toBe('');
    expect(tierDraftOf({ invoiceType: null, remarks: '', showAddressBank: true }).showAddressBank).toBe('show');
  });
});
