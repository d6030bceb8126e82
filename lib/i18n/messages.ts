/** Every piece of UI text, Chinese first. `en` must have the same keys (a missing one is a compile error). */
export const zhCN = {
  appName: 'Taitou 抬头',
  searchPlaceholder: '搜索客户：名称、拼音、首字母或税号',
  searchLabel: '搜索客户',
  recent: '最近使用',
  results: '搜索结果',
  noResults: '没有找到匹配的客户',
  emptyBook: '客户簿还是空的。',
  loadSamples: '载入示例客户',
  samplesLoaded: '已载入 {added} 个示例客户',
  customerCount: '共 {count} 个客户',
  quarantined: '{count} 条记录未通过校验，已隔离保存',
  taxIdNone: '无税号',
  tierVip: 'VIP',
  warnIncomplete: '专票信息不全',
  warnInvalid: '信息有误',
  pendingReview: '待核实',
  loadFailed: '读取客户簿失败：{reason}',
  fillHint: '↑↓ 选择，回车填入当前网页的购买方信息',
  close: '关闭',
  captureNewTitle: '把这个购买方存入 Taitou？',
  captureUpdateTitle: '更新客户资料？以下信息与客户簿不同：',
  captureSave: '保存',
  captureUpdate: '更新',
  captureDismiss: '忽略',
  captureConflict: '这个客户刚在别处被修改，请在管理页面核对后再更新',
  captureFailed: '未能保存，请检查信息后在管理页面添加',
  fillDone: '已填入 {count} 项',
  fillSkipped: '未填：{fields}',
  fillRejected: '页面未接受：{fields}',
  fillNoFields: '当前网页没有找到购买方信息栏',
  fillNotFound: '找不到这个客户，可能已被删除',
  fillNoTab: '没有可填写的网页',
  reasonMissing: '客户缺少此项',
  reasonTooLong: '栏位长度不够',
  reasonHidden: '栏位不可见或只读',
  role_name: '名称',
  role_taxId: '税号',
  role_address: '地址',
  role_phone: '电话',
  role_addressPhone: '地址、电话',
  role_bankName: '开户行',
  role_bankAccount: '银行账号',
  role_bankNameAccount: '开户行及账号',
  role_email: '邮箱',
  role_mobile: '手机',
  role_naturalPerson: '自然人',
} as const;

export type MessageKey = keyof typeof zhCN;

export const en: Record<MessageKey, string> = {
  appName: 'Taitou',
  searchPlaceholder: 'Search customers: name, pinyin, initials or tax ID',
  searchLabel: 'Search customers',
  recent: 'Recently used',
  results: 'Results',
  noResults: 'No matching customer',
  emptyBook: 'The customer book is empty.',
  loadSamples: 'Load sample customers',
  samplesLoaded: 'Loaded {added} sample customers',
  customerCount: '{count} customers',
  quarantined: '{count} records failed validation and are kept in quarantine',
  taxIdNone: 'no tax ID',
  tierVip: 'VIP',
  warnIncomplete: 'incomplete for 专票',
  warnInvalid: 'has errors',
  pendingReview: 'pending review',
  loadFailed: 'Could not read the customer book: {reason}',
  fillHint: '↑↓ to choose, Enter fills the buyer fields of the current page',
  close: 'Close',
  captureNewTitle: 'Save this buyer to Taitou?',
  captureUpdateTitle: 'Update the customer? These details differ from the book:',
  captureSave: 'Save',
  captureUpdate: 'Update',
  captureDismiss: 'Ignore',
  captureConflict: 'This customer was just changed elsewhere; check it in the manager before updating',
  captureFailed: 'Could not save; check the details and add it in the manager',
  fillDone: 'Filled {count} fields',
  fillSkipped: 'Not filled: {fields}',
  fillRejected: 'The page did not accept: {fields}',
  fillNoFields: 'No buyer fields found on the current page',
  fillNotFound: 'This customer no longer exists; it may have been deleted',
  fillNoTab: 'There is no page to fill',
  reasonMissing: 'the customer has none',
  reasonTooLong: 'the field is too short',
  reasonHidden: 'the field is hidden or read-only',
  role_name: 'name',
  role_taxId: 'tax ID',
  role_address: 'address',
  role_phone: 'phone',
  role_addressPhone: 'address and phone',
  role_bankName: 'bank',
  role_bankAccount: 'bank account',
  role_bankNameAccount: 'bank and account',
  role_email: 'e-mail',
  role_mobile: 'mobile',
  role_naturalPerson: 'natural person',
};

export type Locale = 'zh-CN' | 'en';
const DICTIONARIES: Record<Locale, Record<MessageKey, string>> = { 'zh-CN': zhCN, en };

/** A translator for one locale; `{name}` placeholders are filled from `params`, numbers through Intl. */
export function translator(locale: Locale) {
  const numbers = new Intl.NumberFormat(locale);
  return (key: MessageKey, params: Record<string, string | number> = {}) =>
    DICTIONARIES[locale][key].replace(/\{(\w+)\}/g, (_, name: string) => {
      const value = params[name];
      return typeof value === 'number' ? numbers.format(value) : (value ?? '');
    });
}
export type Translate = ReturnType<typeof translator>;
