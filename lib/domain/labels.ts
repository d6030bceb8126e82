import type { BuyerDetails } from './buyer';

/**
 * The words people put before or above a buyer's details: labels in chat messages (smart paste) and column
 * headers in spreadsheets (import). One table for both, so a wording learnt for one is known to the other.
 */

/** What labels name: the buyer's invoice details and the ways to reach them. */
export interface LabelledBuyer extends BuyerDetails {
  email: string;
  mobile: string;
  contact: string;
}

type Field = keyof LabelledBuyer;
/** Where a label's value goes: one field, a combined column that is split into two, or nowhere. */
export type Target = Field | 'addressPhone' | 'bankNameAccount' | 'ignored';

/** The labels people write before each value, lower-case. The longest label that fits wins. */
export const LABELS: Record<Target, readonly string[]> = {
  name: [
    '名称',
    '单位名称',
    '公司名称',
    '企业名称',
    '客户名称',
    '发票抬头',
    '抬头',
    '开票名称',
    'name',
    'company',
    'company name',
  ],
  taxId: [
    '税号',
    '纳税人识别号',
    '纳税人识别码',
    '统一社会信用代码',
    '社会信用代码',
    '信用代码',
    '识别号',
    'tax id',
    'tax no.',
    'tax no',
    'tin',
  ],
  address: ['地址', '单位地址', '注册地址', '公司地址', '开票地址', 'address'],
  phone: ['电话', '联系电话', '单位电话', '公司电话', '注册电话', '电话号码', 'tel', 'phone', 'telephone'],
  bankName: ['开户行', '开户银行', '开户行名称', '银行名称', 'bank', 'bank name'],
  bankAccount: [
    ...['账号', '银行账号', '开户账号', '账户', '银行账户'].flatMap((label) => [label, label.replace('账', '帐')]),
    'account',
    'account no.',
    'account no',
    'bank account',
    'a/c',
    'a/c no.',
  ],
  addressPhone: ['地址电话', '地址、电话', '地址及电话', '地址和电话', '地址/电话'],
  bankNameAccount: ['开户行及账号', '开户银行及账号', '银行及账号', '开户行及账户'].flatMap((label) => [
    label,
    label.replace('账', '帐'),
  ]),
  email: ['邮箱', '电子邮箱', '收票邮箱', 'email', 'e-mail'],
  mobile: ['手机', '手机号', '手机号码', '收票手机', '联系人电话', '联系人手机'],
  contact: ['联系人'],
  // Where to post a paper invoice is not the buyer's registered address or phone.
  ignored: ['收件人', '收件地址', '收件电话', '收件人地址', '收件人电话', '邮寄地址', '收货地址', '快递地址', '备注'],
};

/** The party a Chinese label may be prefixed with: 购买方名称, 购方税号. */
export const PARTIES = ['购买方', '购方', '买方'];

export interface Label {
  text: string;
  target: Target;
  /** Chinese labels may follow a single space or a colon; English ones need a real separator (`Bank: Bank of China`). */
  cjk: boolean;
}

/** Every label with its party-prefixed forms, longest first (the longest label that fits wins). */
export const LABEL_LIST: readonly Label[] = Object.entries(LABELS)
  .flatMap(([target, texts]) =>
    texts.flatMap((text) => {
      const cjk = !/[a-z]/.test(text);
      const forms = cjk ? [text, ...PARTIES.map((party) => party + text)] : [text];
      return forms.map((form) => ({ text: form, target: target as Target, cjk }));
    }),
  )
  .sort((a, b) => b.text.length - a.text.length);
export const LABEL_TEXTS = new Set(LABEL_LIST.map((label) => label.text));
