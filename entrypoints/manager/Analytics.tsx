import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { type BarItem, Bars } from '../../components/charts/Bars';
import { ChartFrame, type ChartTexts } from '../../components/charts/ChartFrame';
import { DataTable } from '../../components/charts/DataTable';
import { Sparkline } from '../../components/charts/Sparkline';
import type { Analytics as Figures } from '../../lib/analytics/analyse';
import { percent, yuan } from '../../lib/analytics/format';
import { analyticsLabels } from '../../lib/analytics/labels';
import type { Segment } from '../../lib/analytics/segments';
import { type AnalyticsTableKey, analyticsTables } from '../../lib/analytics/tables';
import type { AnalyticsReply } from '../../lib/background/analytics-service';
import { toCsv } from '../../lib/export/csv';
import type { Table } from '../../lib/export/table';
import type { Locale, Translate } from '../../lib/i18n/messages';
import { sendMessage } from '../../lib/messaging/client';
import { download } from './download';
import { MoreRows, ROWS_PAGE } from './MoreRows';

interface Props {
  locale: Locale;
  t: Translate;
  /** Customers whose tier changed here (a VIP suggestion applied or undone): the book's table reads them again. */
  onChanged?(ids: readonly string[]): void;
  onClose(): void;
}

/** What the clerk chooses: the months that make a customer dormant, and the growth windows. */
interface Choices {
  dormantMonths: number;
  growthMonths: number;
}

const DORMANT_CHOICES = [3, 6, 12, 24] as const;
const GROWTH_CHOICES = [1, 3, 6, 12] as const;
const FIRST_ROWS = 50;
/** The months a customer's row draws as a sparkline. */
const TREND_MONTHS = 12;

type SortKey = 'total' | 'invoices' | 'average' | 'recencyDays';
const SORTS: readonly SortKey[] = ['total', 'invoices', 'average', 'recencyDays'];

type Buyer = Figures['buyers'][number];

function sortBuyers(buyers: readonly Buyer[], key: SortKey): Buyer[] {
  if (key === 'total') return [...buyers];
  const value = (b: Buyer) => (key === 'recencyDays' ? -(b.recencyDays ?? Number.MAX_SAFE_INTEGER) : (b[key] ?? 0));
  return [...buyers].sort((a, b) => value(b) - value(a) || a.rank - b.rank);
}

/** The table's header and its first `rows` data rows. */
const head = (table: Table, rows: number): Table => ({ ...table, rows: table.rows.slice(0, table.header + 1 + rows) });

/**
 * The analytics view of the manager (a whole page, like import and 去重): the figures the worker computed over the
 * whole invoice history, as charts with their numbers as tables, each set downloadable as CSV, and the customers RFM
 * suggests for VIP with one click (and undo).
 */
export function Analytics({ locale, t, onChanged, onClose }: Props) {
  const heading = useRef<HTMLHeadingElement>(null);
  const [choices, setChoices] = useState<Choices>({ dormantMonths: 6, growthMonths: 3 });
  const [reply, setReply] = useState<AnalyticsReply | null>(null);
  const [busy, setBusy] = useState(true);
  const [error, setError] = useState('');
  const [notice, setNotice] = useState<{ text: string; batch?: string } | null>(null);
  // Bumped to compute again once tiers changed (a VIP applied or undone).
  const [generation, setGeneration] = useState(0);
  useEffect(() => heading.current?.focus(), []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: computed again when the choices change or a tier changed; a failure is told in the language of the moment
  useEffect(() => {
    let alive = true;
    setBusy(true);
    setError('');
    // The figures already shown stay while the worker computes: the page stays usable.
    sendMessage('page:analytics', choices)
      .then((next) => alive && setReply(next))
      .catch((e: Error) => alive && setError(t('analyticsFailed', { reason: e.message })))
      .finally(() => alive && setBusy(false));
    return () => {
      alive = false;
    };
  }, [choices, generation]);

  const tables = useMemo(() => (reply ? analyticsTables(reply.analytics, locale) : null), [reply, locale]);
  const texts: ChartTexts = { show: t('analyticsShowData'), hide: t('analyticsHideData') };
  const a = reply?.analytics;

  const save = (key: AnalyticsTableKey) => {
    if (!tables || !a) return;
    const table = tables[key];
    download(
      `${t('analyticsFilePrefix')}-${table.name}-${a.options.today}.csv`,
      toCsv(table),
      'text/csv;charset=utf-8',
    );
  };
  const csv = (key: AnalyticsTableKey, name: string) => (
    <button type="button" class="link" aria-label={t('analyticsCsvOf', { name })} onClick={() => save(key)}>
      {t('analyticsCsv')}
    </button>
  );

  const makeVip = async (ids: string[]) => {
    const result = await sendMessage('page:bulk', { ids, action: { kind: 'tier', tier: 'vip' } });
    onChanged?.(result.changed);
    setNotice({ text: t('analyticsVipDone', { count: result.changed.length }), batch: result.batch });
    setGeneration((g) => g + 1);
  };
  const undo = async (batch: string) => {
    const result = await sendMessage('page:undoBatch', { batch });
    onChanged?.(result.changed);
    setNotice({ text: result.conflicts.length ? t('undoPartly', { count: result.conflicts.length }) : t('undone') });
    setGeneration((g) => g + 1);
  };

  const empty = a && a.months.length === 0 && reply?.skippedInvoices === 0;
  return (
    <section class="import analytics" aria-labelledby="analytics-title" aria-busy={busy}>
      <header class="top">
        <h2 id="analytics-title" tabIndex={-1} ref={heading}>
          {t('analyticsTitle')}
        </h2>
        {a && <span class="muted">{t('analyticsAsOf', { day: a.options.today })}</span>}
        <button type="button" disabled={busy} onClick={() => setGeneration((g) => g + 1)}>
          {t('analyticsRefresh')}
        </button>
        <button type="button" class="link" onClick={onClose}>
          {t('close')}
        </button>
      </header>
      {busy && (
        <p class="computing" role="status">
          <progress aria-label={t('analyticsComputing')} />
          {t('analyticsComputing')}
        </p>
      )}
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      {notice && (
        <p class="notice" role="status">
          {notice.text}
          {notice.batch && (
            <button type="button" class="link" onClick={() => notice.batch && undo(notice.batch)}>
              {t('undo')}
            </button>
          )}
        </p>
      )}
      {reply && reply.skippedInvoices > 0 && (
        <p class="muted" role="note">
          {t('analyticsSkipped', { count: reply.skippedInvoices })}
        </p>
      )}
      {empty && (
        <div class="analytics-empty">
          <p>{t('analyticsEmpty')}</p>
          <p class="muted">{t('analyticsEmptyHint')}</p>
        </div>
      )}
      {a && tables && !empty && (
        <Figured
          a={a}
          tables={tables}
          locale={locale}
          t={t}
          texts={texts}
          choices={choices}
          busy={busy}
          csv={csv}
          onChoose={setChoices}
          onVip={makeVip}
        />
      )}
    </section>
  );
}

interface FiguredProps {
  a: Figures;
  tables: Record<AnalyticsTableKey, Table>;
  locale: Locale;
  t: Translate;
  texts: ChartTexts;
  choices: Choices;
  busy: boolean;
  csv(key: AnalyticsTableKey, name: string): preact.JSX.Element;
  onChoose(choices: Choices): void;
  onVip(ids: string[]): void;
}

/** The figures of a history with invoices, section by section. */
function Figured({ a, tables, locale, t, texts, choices, busy, csv, onChoose, onVip }: FiguredProps) {
  const label = useMemo(() => analyticsLabels(locale), [locale]);
  const [sort, setSort] = useState<SortKey>('total');
  const [shown, setShown] = useState(FIRST_ROWS);
  const buyers = useMemo(() => sortBuyers(a.buyers, sort), [a.buyers, sort]);
  const segment = (s: Segment) => label(`segment_${s}`);

  const months: BarItem[] = a.months.map((m) => ({ id: m.month, label: m.month, value: m.total, text: yuan(m.total) }));
  const peak = a.months.reduce((best, m) => (m.total > best.total ? m : best), a.months[0] ?? { month: '', total: 0 });
  const latest = a.months[a.months.length - 1];
  const top: BarItem[] = a.top.map((b) => ({ id: b.key, label: b.name, value: b.total, text: yuan(b.total) }));
  const first = a.top[0];
  const lastTop = a.top[a.top.length - 1];
  const categories: BarItem[] = a.categories.categories.map((c) => ({
    id: `${c.source}:${c.category}`,
    label: c.source === 'none' ? label('uncategorised') : c.category,
    value: c.total,
    text: yuan(c.total),
  }));
  const bigCategory = categories[0];
  const segments: BarItem[] = a.rfm.segments.map((s) => ({
    id: s.segment,
    label: segment(s.segment),
    value: s.customers,
    text: String(s.customers),
  }));
  const monthChoice = (n: number) => t('analyticsMonthsOption', { months: n });

  return (
    <>
      <section class="analytics-summary" aria-labelledby="analytics-summary-title">
        <header class="section-head">
          <h3 id="analytics-summary-title">{t('analyticsSummaryTitle')}</h3>
          {csv('summary', t('analyticsSummaryTitle'))}
        </header>
        <dl class="figures">
          <div>
            <dt>{label('total')}</dt>
            <dd data-figure="total">{yuan(a.book.total)}</dd>
          </div>
          <div>
            <dt>{label('invoices')}</dt>
            <dd data-figure="invoices">{a.book.invoices}</dd>
          </div>
          <div>
            <dt>{label('redInvoices')}</dt>
            <dd data-figure="redInvoices">{a.book.redInvoices}</dd>
          </div>
          <div>
            <dt>{label('voidedInvoices')}</dt>
            <dd data-figure="voidedInvoices">{a.book.voidedInvoices}</dd>
          </div>
          <div>
            <dt>{label('buyers')}</dt>
            <dd data-figure="buyers">{a.book.buyers}</dd>
          </div>
          <div>
            <dt>{label('firstDay')}</dt>
            <dd>{a.book.firstDay ?? ''}</dd>
          </div>
          <div>
            <dt>{label('lastDay')}</dt>
            <dd>{a.book.lastDay ?? ''}</dd>
          </div>
        </dl>
        <p class="pareto">
          {a.pareto.count === null || a.pareto.buyerShare === null
            ? t('analyticsParetoNone')
            : t('analyticsPareto', {
                count: a.pareto.count,
                buyerShare: percent(a.pareto.buyerShare),
                share: percent(a.pareto.share),
              })}
          {a.book.unknownBuyers > 0 &&
            `；${t('analyticsUnknown', { count: a.book.unknownBuyers, total: yuan(a.book.unknownTotal) })}`}
        </p>
      </section>

      <ChartFrame
        id="chart-months"
        title={t('analyticsMonthsTitle')}
        table={tables.months}
        texts={texts}
        actions={csv('months', t('analyticsMonthsTitle'))}
      >
        <Bars
          layout="columns"
          items={months}
          summary={t('analyticsMonthsSummary', {
            count: a.months.length,
            total: yuan(a.book.total),
            maxMonth: peak.month,
            max: yuan(peak.total),
            lastMonth: latest?.month ?? '',
            last: yuan(latest?.total ?? 0),
          })}
        />
      </ChartFrame>

      {first && lastTop && (
        <ChartFrame
          id="chart-top"
          title={t('analyticsTopTitle', { count: a.top.length })}
          table={head(tables.buyers, a.top.length)}
          texts={texts}
          actions={csv('buyers', t('analyticsCustomersTitle'))}
        >
          <Bars
            layout="rows"
            items={top}
            summary={t('analyticsTopSummary', {
              count: a.top.length,
              cumulative: percent(lastTop.cumulativeShare),
              name: first.name,
              total: yuan(first.total),
              share: percent(first.share),
            })}
          />
        </ChartFrame>
      )}

      <section aria-labelledby="analytics-customers-title">
        <header class="section-head">
          <h3 id="analytics-customers-title">{t('analyticsCustomersTitle')}</h3>
          <label>
            {t('analyticsSortBy')}{' '}
            <select value={sort} onChange={(e) => setSort(e.currentTarget.value as SortKey)}>
              {SORTS.map((key) => (
                <option key={key} value={key}>
                  {label(key)}
                </option>
              ))}
            </select>
          </label>
          {csv('buyers', t('analyticsCustomersTitle'))}
        </header>
        <table class="data-table customers">
          <caption class="visually-hidden">{t('analyticsCustomersTitle')}</caption>
          <thead>
            <tr>
              <th scope="col">{label('rank')}</th>
              <th scope="col">{label('name')}</th>
              <th scope="col">{label('invoices')}</th>
              <th scope="col">{label('total')}</th>
              <th scope="col">{label('average')}</th>
              <th scope="col">{label('share')}</th>
              <th scope="col">{label('lastDay')}</th>
              <th scope="col">{label('recencyDays')}</th>
              <th scope="col">{label('segment')}</th>
              <th scope="col">{t('analyticsTrend')}</th>
            </tr>
          </thead>
          <tbody>
            {buyers.slice(0, shown).map((b) => (
              <BuyerRow key={b.key} buyer={b} months={a.months} t={t} segment={segment} />
            ))}
          </tbody>
        </table>
        <MoreRows shown={shown} total={buyers.length} t={t} onMore={() => setShown(shown + ROWS_PAGE)} />
      </section>

      <section aria-labelledby="analytics-growth-title">
        <header class="section-head">
          <h3 id="analytics-growth-title">{t('analyticsGrowthTitle')}</h3>
          <label>
            {t('analyticsGrowthMonths')}{' '}
            <select
              value={choices.growthMonths}
              disabled={busy}
              onChange={(e) => onChoose({ ...choices, growthMonths: Number(e.currentTarget.value) })}
            >
              {GROWTH_CHOICES.map((n) => (
                <option key={n} value={n}>
                  {monthChoice(n)}
                </option>
              ))}
            </select>
          </label>
        </header>
        <p class="muted">{t('analyticsGrowthHint', { months: a.growth.months, recentAfter: a.growth.recentAfter })}</p>
        <div class="side-by-side">
          <FigureTable
            table={tables.growing}
            title={t('analyticsGrowingTitle')}
            id="analytics-growing"
            t={t}
            csv={csv('growing', t('analyticsGrowingTitle'))}
          />
          <FigureTable
            table={tables.shrinking}
            title={t('analyticsShrinkingTitle')}
            id="analytics-shrinking"
            t={t}
            csv={csv('shrinking', t('analyticsShrinkingTitle'))}
          />
        </div>
      </section>

      <section aria-labelledby="analytics-dormant-title">
        <header class="section-head">
          <h3 id="analytics-dormant-title">{t('analyticsDormantTitle')}</h3>
          <label>
            {t('analyticsDormantMonths')}{' '}
            <select
              value={choices.dormantMonths}
              disabled={busy}
              onChange={(e) => onChoose({ ...choices, dormantMonths: Number(e.currentTarget.value) })}
            >
              {DORMANT_CHOICES.map((n) => (
                <option key={n} value={n}>
                  {monthChoice(n)}
                </option>
              ))}
            </select>
          </label>
          {csv('dormant', t('analyticsDormantTitle'))}
        </header>
        <p class="muted">{t('analyticsDormantHint', { cutoff: a.dormant.cutoff })}</p>
        <FigureTable table={tables.dormant} title={t('analyticsDormantTitle')} id="analytics-dormant" t={t} />
      </section>

      {bigCategory ? (
        <ChartFrame
          id="chart-categories"
          title={t('analyticsCategoriesTitle')}
          table={tables.categories}
          texts={texts}
          actions={csv('categories', t('analyticsCategoriesTitle'))}
        >
          <Bars
            layout="rows"
            items={categories}
            summary={t('analyticsCategoriesSummary', {
              count: categories.length,
              name: bigCategory.label,
              total: bigCategory.text,
              share: percent(a.categories.categories[0]?.share ?? 0),
            })}
          />
        </ChartFrame>
      ) : (
        <section aria-labelledby="analytics-categories-title">
          <h3 id="analytics-categories-title">{t('analyticsCategoriesTitle')}</h3>
          <p class="muted">{t('analyticsCategoriesNone')}</p>
        </section>
      )}

      <ChartFrame
        id="chart-segments"
        title={t('analyticsSegmentsTitle')}
        table={tables.segments}
        texts={texts}
        actions={csv('segments', t('analyticsSegmentsTitle'))}
      >
        <Bars
          layout="rows"
          items={segments}
          summary={t('analyticsSegmentsSummary', {
            scored: a.rfm.scored,
            list: segments.map((s) => `${s.label} ${s.text}`).join('、'),
          })}
        />
      </ChartFrame>

      <section class="vip" aria-labelledby="analytics-vip-title">
        <header class="section-head">
          <h3 id="analytics-vip-title">{t('analyticsVipTitle')}</h3>
          {a.rfm.suggestVip.length > 0 && (
            <button
              type="button"
              class="primary"
              disabled={busy}
              onClick={() => onVip(a.rfm.suggestVip.map((v) => v.customerId))}
            >
              {t('analyticsVipAll', { count: a.rfm.suggestVip.length })}
            </button>
          )}
          {csv('vip', t('analyticsVipTitle'))}
        </header>
        <p class="muted">
          {t('analyticsVipHint', { segments: a.options.vipSegments.map((s) => segment(s)).join('、') })}
        </p>
        {a.rfm.suggestVip.length === 0 ? (
          <p>{t('analyticsVipNone')}</p>
        ) : (
          <ul class="vip-list">
            {a.rfm.suggestVip.map((v) => (
              <li key={v.customerId}>
                <span class="who">{v.name}</span>
                <span class="muted">
                  {segment(v.segment)} · R{v.r} F{v.f} M{v.m} · {label('invoices')} {v.invoices} · {yuan(v.total)}
                </span>
                <button
                  type="button"
                  disabled={busy}
                  aria-label={t('analyticsVipOneNamed', { name: v.name })}
                  onClick={() => onVip([v.customerId])}
                >
                  {t('analyticsVipOne')}
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

interface RowProps {
  buyer: Buyer;
  months: Figures['months'];
  t: Translate;
  segment(s: Segment): string;
}

/** One customer: frequency, total, average, recency and the last 12 months as a sparkline. */
function BuyerRow({ buyer: b, months, t, segment }: RowProps) {
  const values = b.monthly.slice(-TREND_MONTHS);
  const names = months.slice(-TREND_MONTHS).map((m) => m.month);
  let peak = 0;
  values.forEach((v, i) => {
    if (v > (values[peak] ?? 0)) peak = i;
  });
  return (
    <tr>
      <td class="num">{b.rank}</td>
      <th scope="row">{b.name}</th>
      <td class="num">{b.invoices}</td>
      <td class="num">{yuan(b.total)}</td>
      <td class="num">{b.average === null ? '' : yuan(b.average)}</td>
      <td class="num">{percent(b.share)}</td>
      <td>{b.lastDay ?? ''}</td>
      <td class="num">{b.recencyDays ?? ''}</td>
      <td>{b.rfm ? segment(b.rfm.segment) : ''}</td>
      <td>
        <Sparkline
          values={values}
          summary={t('analyticsSparkSummary', {
            max: yuan(values[peak] ?? 0),
            maxMonth: names[peak] ?? '',
            last: yuan(values[values.length - 1] ?? 0),
          })}
        />
      </td>
    </tr>
  );
}

/** A figure set with no chart: its table (or that it has none), under a title, with an optional CSV button. */
function FigureTable({
  table,
  title,
  id,
  t,
  csv,
}: {
  table: Table;
  title: string;
  id: string;
  t: Translate;
  csv?: preact.JSX.Element;
}) {
  const [shown, setShown] = useState(FIRST_ROWS);
  const rows = table.rows.length - table.header - 1;
  return (
    <div class="figure-table">
      {csv && (
        <div class="section-head">
          <h4 id={`${id}-title`}>{title}</h4>
          {csv}
        </div>
      )}
      {rows === 0 ? (
        <p class="muted">{t('analyticsNone')}</p>
      ) : (
        <>
          <DataTable table={table} caption={title} id={id} limit={shown} />
          <MoreRows shown={shown} total={rows} t={t} onMore={() => setShown(shown + ROWS_PAGE)} />
        </>
      )}
    </div>
  );
}
