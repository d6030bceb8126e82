import { describe, expect, it } from 'vitest';
import { classify } from '../../../lib/fill/classify';
import { emptyFacts, type FieldFacts } from '../../../lib/fill/facts';

const field = (facts: Partial<FieldFacts>): FieldFacts => ({ ...emptyFacts(facts.kind ?? 'input'), ...facts });

describe('classify by label', () => {
  // The national platform's buyer block (portals.md §1), labels as on the form, inside 购买方信息.
  it.each([
    ['名称', 'name'],
    ['统一社会信用代码/纳税人识别号', 'taxId'],
    ['购买方地址', 'address'],
    ['电话', 'phone'],
    ['购方开户银行', 'bankName'],
    ['银行账号', 'bankAccount'],
  ])('dppt %s → %s', (label, role) => {
    expect(classify(field({ label, section: '购买方信息' }))).toBe(role);
  });

  it.each([
    ['地址、电话', 'addressPhone'],
    ['地址及电话', 'addressPhone'],
    ['开户行及账号', 'bankNameAccount'],
    ['开户银行及帐号', 'bankNameAccount'],
    ['购货单位名称', 'name'],
    ['单位名称', 'name'],
    ['纳税人识别号', 'taxId'],
    ['税号', 'taxId'],
    ['开户行', 'bankName'],
    ['银行账户', 'bankAccount'],
    ['收票人邮箱', 'email'],
    ['手机号码', 'mobile'],
  ])('legacy and SaaS %s → %s', (label, role) => {
    expect(classify(field({ label }))).toBe(role);
  });

  it('takes the natural-person checkbox only as a checkbox', () => {
    expect(classify(field({ kind: 'checkbox', type: 'checkbox', label: '是否开票给自然人' }))).toBe('naturalPerson');
    expect(classify(field({ kind: 'checkbox', type: 'checkbox', label: '是否展示购买方地址电话' }))).toBe(
      'showAddressPhone',
    );
    expect(classify(field({ label: '是否开票给自然人' }))).toBeNull();
  });
});

describe('invoice fields the defaults fill', () => {
  const box = (facts: Partial<FieldFacts>) => field({ kind: 'checkbox', type: 'checkbox', ...facts });
  it.each([
    [box({ label: '是否展示购买方地址电话' }), 'showAddressPhone'],
    [box({ label: '展示购买方地址、电话' }), 'showAddressPhone'],
    [box({ label: '是否展示购买方信息' }), 'showAddressPhone'],
    [box({ name: 'sfzsgmfdzdh' }), 'showAddressPhone'],
    [box({ label: '是否展示购买方银行账号' }), 'showBankAccount'],
    [box({ label: '显示开户行及账号' }), 'showBankAccount'],
    [box({ name: 'sfzsgmfyhzhbq' }), 'showBankAccount'],
    [box({ label: 'Show buyer bank account' }), 'showBankAccount'],
    [field({ kind: 'textarea', label: '备注' }), 'remarks'],
    [field({ label: '备注信息' }), 'remarks'],
    [field({ kind: 'textarea', name: 'bz' }), 'remarks'],
    [field({ placeholder: 'Remarks' }), 'remarks'],
    [field({ kind: 'select', label: '发票类型' }), 'invoiceType'],
    [field({ kind: 'select', label: '发票种类' }), 'invoiceType'],
    [field({ kind: 'select', name: 'fplxdm' }), 'invoiceType'],
    [field({ kind: 'radio', type: 'radio', label: '票种', options: ['专票'] }), 'invoiceType'],
    [field({ kind: 'radio', type: 'radio', label: '选择票类', options: ['普通发票'] }), 'invoiceType'],
  ])('%j → %s', (facts, role) => {
    expect(classify(facts)).toBe(role);
  });

  it.each([
    // A text field labelled like a flag, or a flag's key on a text field, is neither.
    [field({ label: '是否展示购买方地址电话' })],
    // A div-based select cannot be set by script: no invoice-type field.
    [field({ kind: 'combobox', label: '发票类型' })],
    [field({ kind: 'input', label: '发票类型' })],
    // A radio is only ever a choice, never a buyer detail or a flag.
    [field({ kind: 'radio', type: 'radio', label: '名称', section: '购买方信息' })],
    [field({ kind: 'radio', type: 'radio', label: '是否开票给自然人' })],
    // The seller's remarks, or anything in the seller block, stay out.
    [field({ kind: 'textarea', label: '备注', section: '销售方信息' })],
    [box({ label: '是否展示销售方地址电话' })],
  ])('%j → null', (facts) => {
    expect(classify(facts)).toBeNull();
  });
});

describe('classify by name and id', () => {
  // Interface and legacy names from portals.md §2.
  it.each([
    ['gmfmc', 'name'],
    ['gfmc', 'name'],
    ['GHFMC', 'name'],
    ['buyerName', 'name'],
    ['gmfnsrsbh', 'taxId'],
    ['GMF_NSRSBH', 'taxId'],
    ['gfsh', 'taxId'],
    ['buyerTaxNum', 'taxId'],
    ['buyerTaxNo', 'taxId'],
    ['GHF_DZ', 'address'],
    ['buyerAddress', 'address'],
    ['gmfdh', 'phone'],
    ['GHF_GDDH', 'phone'],
    ['buyerTelphone', 'phone'],
    ['gfdzdh', 'addressPhone'],
    ['buyerAddressPhone', 'addressPhone'],
    ['GMF_KHH', 'bankName'],
    ['buyerBankName', 'bankName'],
    ['GMF_ZH', 'bankAccount'],
    ['buyerBankNumber', 'bankAccount'],
    ['gfyhzh', 'bankNameAccount'],
    ['GHF_YHZH', 'bankNameAccount'],
    ['buyerAccount', 'bankNameAccount'],
  ])('%s → %s', (name, role) => {
    expect(classify(field({ name }))).toBe(role);
  });

  it('lets the label win over the name', () => {
    expect(classify(field({ name: 'gfyhzh', label: '银行账号' }))).toBe('bankAccount');
  });
});

describe('never the buyer', () => {
  it.each([
    [{ label: '名称', section: '销售方信息' }],
    [{ label: '销方名称' }],
    [{ label: '统一社会信用代码/纳税人识别号', section: '销售方信息' }],
    [{ name: 'xsfmc' }],
    [{ name: 'xfsh' }],
    [{ name: 'sellerTaxNo' }],
    [{ placeholder: '搜索客户名称' }],
    [{ type: 'search', placeholder: '名称' }],
    [{ label: '用户名' }],
    [{ type: 'password', label: '密码' }],
    [{ label: '验证码', name: 'yzm' }],
    [{ label: '项目名称' }],
    [{ label: '金额' }],
    [{ type: 'hidden', name: 'gmfmc' }],
    [{ name: 'name' }],
  ])('%j', (facts) => {
    expect(classify(field(facts))).toBeNull();
  });

  it('keeps a bare 名称 when the block or the key says buyer', () => {
    expect(classify(field({ name: 'name' }))).toBeNull();
    expect(classify(field({ name: 'name', section: '购买方信息' }))).toBe('name');
    expect(classify(field({ label: '名称' }))).toBe('name');
  });
});
