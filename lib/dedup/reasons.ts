/*
 * What a comparison found, in words a clerk reads (Chinese first, English twin), like lib/domain/findings.ts.
 */

/** How two customers relate, from "the same record twice" to "related but never the same". */
export const PAIR_KINDS = [
  'sameTaxId',
  'sameTaxIdOtherName',
  'taxIdTypo',
  'sameName',
  'sameNameOtherTaxId',
  'similar',
  'sameAccount',
  'branchOfHeadOffice',
  'siblingBranch',
  'namesake',
  'different',
] as const;
export type PairKind = (typeof PAIR_KINDS)[number];

export interface Text {
  'zh-CN': string;
  en: string;
}

/** One thing that speaks for or against two customers being one. */
export interface Reason {
  code: string;
  /** For: the two are more likely one customer; against: less likely. */
  weighs: 'for' | 'against';
  message: Text;
}

const reason = (code: string, weighs: Reason['weighs'], zh: string, en: string): Reason => ({
  code,
  weighs,
  message: { 'zh-CN': zh, en },
});

/** A heading for each kind of pair, for the scan's list and the warning on add. */
export const KIND_TEXT: Record<PairKind, Text> = {
  sameTaxId: { 'zh-CN': '税号相同，名称一致', en: 'Same tax ID and name' },
  sameTaxIdOtherName: { 'zh-CN': '税号相同但名称不同（可能已更名）', en: 'Same tax ID, other name (renamed?)' },
  taxIdTypo: { 'zh-CN': '名称相同，税号疑似输错一位', en: 'Same name, tax ID probably mistyped' },
  sameName: { 'zh-CN': '名称相同', en: 'Same name' },
  sameNameOtherTaxId: { 'zh-CN': '名称相同但税号不同', en: 'Same name, other tax ID' },
  similar: { 'zh-CN': '名称相近', en: 'Similar name' },
  sameAccount: { 'zh-CN': '银行账号相同', en: 'Same bank account' },
  branchOfHeadOffice: { 'zh-CN': '总公司与分支机构（不是重复）', en: 'Head office and branch (not a duplicate)' },
  siblingBranch: {
    'zh-CN': '同一总公司的不同分支机构（不是重复）',
    en: 'Two branches of one company (not a duplicate)',
  },
  namesake: { 'zh-CN': '不同地区的同名单位（不是重复）', en: 'Namesakes in different regions (not a duplicate)' },
  different: { 'zh-CN': '不同客户', en: 'Different customers' },
};

export const REASONS = {
  taxIdSame: (taxId: string) => reason('taxId.same', 'for', `税号相同：${taxId}`, `Same tax ID: ${taxId}`),
  taxIdLegacy: (legacy: string, uscc: string) =>
    reason(
      'taxId.legacy',
      'for',
      `旧税号 ${legacy} 与统一社会信用代码 ${uscc} 含同一组织机构代码`,
      `The old tax ID ${legacy} carries the organisation code of the credit code ${uscc}`,
    ),
  taxIdTypo: (a: string, b: string) =>
    reason(
      'taxId.typo',
      'for',
      `税号 ${a} 与 ${b} 只差一位，且有一个校验不通过：多半是输错了`,
      `The tax IDs ${a} and ${b} differ in one character and one fails its check: most likely a typo`,
    ),
  taxIdDiffer: (a: string, b: string) =>
    reason('taxId.differ', 'against', `税号不同：${a} 与 ${b}`, `Different tax IDs: ${a} and ${b}`),
  taxIdElsewhere: (name: string, province: string) =>
    reason(
      'taxId.elsewhere',
      'against',
      `“${name}”的名称与税号登记地（${province}）不符：税号可能抄错了客户`,
      `The name “${name}” does not match where the tax ID was registered (${province}): it may belong to another customer`,
    ),
  taxIdMissing: () =>
    reason('taxId.missing', 'for', '有一条没有税号，无法用税号区分', 'One of them has no tax ID to tell them apart'),
  provinceDiffer: (a: string, b: string) =>
    reason('region.differ', 'against', `登记地不同：${a} 与 ${b}`, `Registered in different places: ${a} and ${b}`),
  nameIdentical: () => reason('name.identical', 'for', '名称相同', 'Same name'),
  nameEquivalent: (a: string, b: string) =>
    reason(
      'name.equivalent',
      'for',
      `名称只是写法不同（全半角、括号、空格、有限公司/有限责任公司）：${a} 与 ${b}`,
      `The names differ only in how they are written (width, brackets, spaces, 有限公司/有限责任公司): ${a} and ${b}`,
    ),
  nameRegionMissing: (region: string) =>
    reason(
      'name.regionMissing',
      'for',
      `名称相同，只是一个带地区“${region}”、另一个没有`,
      `The same name, once with the region “${region}” and once without`,
    ),
  nameFormShort: () =>
    reason(
      'name.formShort',
      'for',
      '名称相同，只是一个省略了组织形式（如“有限公司”写成“公司”）',
      'The same name, one without its full legal form (公司 for 有限公司)',
    ),
  nameFormDiffer: () =>
    reason(
      'name.formDiffer',
      'for',
      '名称只差组织形式：有限公司与股份有限公司（改制后税号不变，但也可能是两家）',
      'The names differ only in legal form, 有限公司 and 股份有限公司 (a conversion keeps the tax ID; or two companies)',
    ),
  nameTypo: (a: string, b: string) =>
    reason(
      'name.typo',
      'for',
      `名称只差一两个字：${a} 与 ${b}`,
      `The names differ in a character or two: ${a} and ${b}`,
    ),
  nameSoundAlike: (a: string, b: string) =>
    reason(
      'name.soundAlike',
      'for',
      `名称拼音首字母相同，只差个别字：${a} 与 ${b}`,
      `The names share their pinyin initials and differ in a character or two: ${a} and ${b}`,
    ),
  nameDiffer: (a: string, b: string) =>
    reason('name.differ', 'against', `名称不同：${a} 与 ${b}`, `Other names: ${a} and ${b}`),
  nameShortForm: (short: string, long: string) =>
    reason('name.contains', 'for', `“${short}”可能是“${long}”的简称`, `“${short}” may be short for “${long}”`),
  nameWeak: () =>
    reason(
      'name.weak',
      'against',
      '只有短名或人名相同：同名的很多，要靠电话、账号等确认',
      'Only a short or personal name agrees: many share it, so phone or account must confirm',
    ),
  branchOfHead: (branch: string, head: string) =>
    reason(
      'branch.headOffice',
      'against',
      `“${branch}”是“${head}”的分支机构：分支机构与总公司各自开票，不能合并`,
      `“${branch}” is a branch of “${head}”: a branch and its head office are invoiced separately and never merged`,
    ),
  siblingBranch: (a: string, b: string) =>
    reason(
      'branch.sibling',
      'against',
      `同一总公司的不同分支机构：${a} 与 ${b}`,
      `Different branches of one company: ${a} and ${b}`,
    ),
  accountSame: (account: string) =>
    reason('account.same', 'for', `银行账号相同：${account}`, `Same bank account: ${account}`),
  phoneSame: (phone: string) => reason('phone.same', 'for', `电话相同：${phone}`, `Same phone: ${phone}`),
  addressSame: () => reason('address.same', 'for', '地址相同', 'Same address'),
  emailSame: (email: string) => reason('email.same', 'for', `邮箱相同：${email}`, `Same email: ${email}`),
  contactDiffer: () => reason('contact.differ', 'against', '电话、账号都不同', 'Their phones and accounts differ'),
} as const;
