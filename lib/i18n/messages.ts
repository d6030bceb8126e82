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
