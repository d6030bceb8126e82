import type { Table } from '../export/table';
import type { Locale } from '../i18n/messages';
import type { Analytics } from './analyse';
import type { CategorySource } from './categories';
import { percent, yuan } from './format';
import { analyticsLabels } from './labels';
import { isVipTier } from './rfm';
import type { Segment } from './segments';

/**
 * The analytics as tables of text, one per figure set: the numbers behind each chart, for the page to show as a
 * table and for lib/export's toCsv (or the .xlsx writer) to save. Money in yuan with two decimals, shares as
 * percentages, days as written.
 */

export const ANALYTICS_TABLES = [
  'summary',
  'buyers',
  'months',
  'growing',
  'shrinking',
  'dormant',
  'categories',
  'segments',
  'vip',
] as const;
export type AnalyticsTableKey = (typeof ANALYTICS_TABLES)[number];

const text = (value: string | number | null) => (value === null ? '' : String(value));

/** Every figure set of the analytics as a table with its header in row 0, in the clerk's language. */
export function analyticsTables(a: Analytics, locale: Locale = 'zh-CN'): Record<AnalyticsTableKey, Table> {
  const t = analyticsLabels(locale);
  const tier = (value: string | null) =>
    value === null ? '' : value === 'normal' ? t('tierNormal') : isVipTier(value) ? 'VIP' : value;
  const segment = (value: Segment) => t(`segment_${value}`);
  const source = (value: CategorySource) => t(`source_${value}`);
  const table = (name: string, rows: string[][], signed: number[]): Table => ({ name, header: 0, rows, signed });
  const months = { months: a.growth.months };
  const trendRows = (list: Analytics['growth']['growing']) => [
    [t('name'), t('taxId'), t('recent', months), t('previous', months), t('change'), t('changeRatio')],
    ...list.map((row) => [
      row.name,
      row.taxId,
      yuan(row.recent),
      yuan(row.previous),
      yuan(row.change),
      row.ratio === null ? '' : percent(row.ratio),
    ]),
  ];

  return {
    summary: table(
      t('sheetSummary'),
      [
        [t('figure'), t('value')],
        [t('today'), a.options.today],
        [t('invoices'), text(a.book.invoices)],
        [t('redInvoices'), text(a.book.redInvoices)],
        [t('voidedInvoices'), text(a.book.voidedInvoices)],
        [t('total'), yuan(a.book.total)],
        [t('buyers'), text(a.book.buyers)],
        [t('customersWithInvoices'), text(a.book.customersWithInvoices)],
        [t('customersWithoutInvoices'), text(a.book.customersWithoutInvoices)],
        [t('unknownBuyers'), text(a.book.unknownBuyers)],
        [t('firstDay'), text(a.book.firstDay)],
        [t('lastDay'), text(a.book.lastDay)],
        [t('pareto', { share: percent(a.pareto.share) }), text(a.pareto.count)],
      ],
      [1],
    ),
    buyers: table(
      t('sheetCustomers'),
      [
        [
          t('rank'),
          t('name'),
          t('taxId'),
          t('inBook'),
          t('tier'),
          t('invoices'),
          t('redInvoices'),
          t('voidedInvoices'),
          t('total'),
          t('average'),
          t('share'),
          t('cumulativeShare'),
          t('firstDay'),
          t('lastDay'),
          t('recencyDays'),
          'R',
          'F',
          'M',
          t('segment'),
        ],
        ...a.buyers.map((b) => [
          text(b.rank),
          b.name,
          b.taxId,
          b.customerId === null ? t('no') : t('yes'),
          tier(b.tier),
          text(b.invoices),
          text(b.redInvoices),
          text(b.voidedInvoices),
          yuan(b.total),
          b.average === null ? '' : yuan(b.average),
          percent(b.share),
          percent(b.cumulativeShare),
          text(b.firstDay),
          text(b.lastDay),
          text(b.recencyDays),
          text(b.rfm?.r ?? null),
          text(b.rfm?.f ?? null),
          text(b.rfm?.m ?? null),
          b.rfm ? segment(b.rfm.segment) : '',
        ]),
      ],
      [8, 9],
    ),
    months: table(
      t('sheetMonths'),
      [
        [t('month'), t('invoices'), t('redInvoices'), t('voidedInvoices'), t('total')],
        ...a.months.map((m) => [m.month, text(m.invoices), text(m.redInvoices), text(m.voidedInvoices), yuan(m.total)]),
      ],
      [4],
    ),
    growing: table(t('sheetGrowing'), trendRows(a.growth.growing), [2, 3, 4, 5]),
    shrinking: table(t('sheetShrinking'), trendRows(a.growth.shrinking), [2, 3, 4, 5]),
    dormant: table(
      t('sheetDormant'),
      [
        [t('name'), t('taxId'), t('lastDay'), t('recencyDays'), t('invoices'), t('total')],
        ...a.dormant.buyers.map((d) => [
          d.name,
          d.taxId,
          d.lastDay,
          text(d.recencyDays),
          text(d.invoices),
          yuan(d.total),
        ]),
      ],
      [5],
    ),
    categories: table(
      t('sheetCategories'),
      [
        [t('category'), t('categorySource'), t('items'), t('invoices'), t('total'), t('share')],
        ...a.categories.categories.map((c) => [
          c.source === 'none' ? t('uncategorised') : c.category,
          source(c.source),
          text(c.items),
          text(c.invoices),
          yuan(c.total),
          percent(c.share),
        ]),
      ],
      [4, 5],
    ),
    segments: table(
      t('sheetSegments'),
      [
        [t('segment'), t('customers'), t('total'), t('share')],
        ...a.rfm.segments.map((s) => [segment(s.segment), text(s.customers), yuan(s.total), percent(s.share)]),
      ],
      [2, 3],
    ),
    vip: table(
      t('sheetVip'),
      [
        [t('name'), t('taxId'), t('tier'), t('segment'), 'R', 'F', 'M', t('invoices'), t('total'), t('lastDay')],
        ...a.rfm.suggestVip.map((v) => [
          v.name,
          v.taxId,
          tier(v.tier),
          segment(v.segment),
          text(v.r),
          text(v.f),
          text(v.m),
          text(v.invoices),
          yuan(v.total),
          v.lastDay,
        ]),
      ],
      [8],
    ),
  };
}
