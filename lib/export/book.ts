import { defaultEntry } from '../domain/billing';
import type { BillingEntry, Customer } from '../domain/customer';
import { zhCN } from '../i18n/messages';
import type { Columns, LayoutOptions } from './layout';
import type { Table } from './table';

/**
 * Taitou's own full export: one row per customer, so that sorting or filtering in Excel never tears a customer
 * apart and Taitou's importer (lib/import) reads every row as one customer. The default address-and-bank entry fills
 * the platform's six buyer columns; each other entry goes into one cell of its own (其他开票信息1, 2, …) as labelled
 * lines (地址：… 电话：… 开户行：… 账号：…) that 智能粘贴 reads back. One cell per entry rather than five columns keeps
 * the width within what the importer takes (50 entries would need 245 columns) and the importer maps none of them.
 */

export const BOOK_SHEET = '客户簿';
const OTHER_ENTRY_HEADER = '其他开票信息';

const tierWord = (tier: string) => (tier === 'normal' ? zhCN.tierNormal : tier === 'vip' ? zhCN.tierVip : tier);
/** Whole yuan as typed, fen when there are any; never 1e+21 or 0.30000000000000004. */
const amountText = (amount: number) =>
  Number.isInteger(amount) ? amount.toLocaleString('en-US', { useGrouping: false }) : amount.toFixed(2);

function dateWriter(timeZone: string | undefined): (time: number | null) => string {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  return (time) => {
    if (time === null) return '';
    // format() is four times faster than formatToParts(), which matters at 400,000 dates; its en-US shape is stable.
    const m = /^(\d{2})\/(\d{2})\/(\d{4}),? (\d{2}):(\d{2})$/.exec(format.format(time));
    if (m) return `${m[3]}-${m[1]}-${m[2]} ${m[4]}:${m[5]}`;
    const part = Object.fromEntries(format.formatToParts(time).map((p) => [p.type, p.value]));
    return `${part.year}-${part.month}-${part.day} ${part.hour}:${part.minute}`;
  };
}

interface Context {
  entry: BillingEntry;
  date: ReturnType<typeof dateWriter>;
}

const COLUMNS: Columns<Context> = [
  ['客户名称', (c) => c.name],
  ['统一社会信用代码/纳税人识别号', (c) => c.taxId],
  ['地址', (_, { entry }) => entry.address],
  ['电话', (_, { entry }) => entry.phone],
  ['开户行', (_, { entry }) => entry.bankName],
  ['银行账号', (_, { entry }) => entry.bankAccount],
  ['联系人', (c) => c.contact],
  ['手机', (c) => c.mobile],
  ['邮箱', (c) => c.email],
  ['客户类型', (c) => zhCN[`kind_${c.kind}`]],
  ['等级', (c) => tierWord(c.tier)],
  ['标签', (c) => c.tags.join('，')],
  ['默认发票类型', (c) => (c.invoiceDefaults.type ? zhCN[`invoice_${c.invoiceDefaults.type}`] : '')],
  ['默认发票备注', (c) => c.invoiceDefaults.remarks],
  ['开票额度（元）', (c) => (c.creditLimit ? amountText(c.creditLimit.amount) : '')],
  ['额度周期', (c) => (c.creditLimit ? zhCN[`period_${c.creditLimit.period}`] : '')],
  ['内部备注', (c) => c.notes],
  ['核实状态', (c) => (c.review.status === 'verified' ? zhCN.verified : zhCN.pendingReview)],
  ['核实人', (c) => c.review.by],
  ['核实时间', (c, { date }) => date(c.review.at)],
  ['来源', (c) => zhCN[`source_${c.source}`]],
  ['开票次数', (c) => String(c.useCount)],
  ['最近开票', (c, { date }) => date(c.lastUsedAt)],
  ['添加时间', (c, { date }) => date(c.createdAt)],
  ['修改时间', (c, { date }) => date(c.updatedAt)],
  ['默认开票信息说明', (_, { entry }) => entry.label],
];

/** One entry as the labelled lines smart paste reads; empty fields are left out. */
export function entryText(entry: BillingEntry): string {
  const lines: [string, string][] = [
    ['说明', entry.label],
    ['地址', entry.address],
    ['电话', entry.phone],
    ['开户行', entry.bankName],
    ['账号', entry.bankAccount],
  ];
  return lines
    .filter(([, value]) => value)
    .map(([label, value]) => `${label}：${value}`)
    .join('\n');
}

/** The whole book, one customer a row (see above for the other entries). Dates as `YYYY-MM-DD HH:mm`. */
export function bookTable(customers: readonly Customer[], options: LayoutOptions = {}): Table {
  const date = dateWriter(options.timeZone);
  const extra = customers.reduce((most, c) => Math.max(most, c.entries.length - 1), 0);
  const header = [
    ...COLUMNS.map(([text]) => text),
    ...Array.from({ length: extra }, (_, i) => `${OTHER_ENTRY_HEADER}${i + 1}`),
  ];
  const rows = customers.map((c) => {
    const entry = defaultEntry(c);
    const others = c.entries.filter((e) => e !== entry).map(entryText);
    return [
      ...COLUMNS.map(([, value]) => value(c, { entry, date })),
      ...Array.from({ length: extra }, (_, i) => others[i] ?? ''),
    ];
  });
  return { name: BOOK_SHEET, header: 0, rows: [header, ...rows] };
}
