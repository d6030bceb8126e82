import { useMemo, useState } from 'preact/hooks';
import { tierLabel } from '../../components/tier';
import type { Locale, MessageKey, Translate } from '../../lib/i18n/messages';
import type { Row, Sort, SortKey } from '../../lib/manager/rows';

const ROW_HEIGHT = 34;
const OVERSCAN = 8;
const COLUMNS: SortKey[] = ['name', 'taxId', 'tier', 'source', 'review', 'updatedAt', 'lastUsedAt'];

interface Props {
  rows: Row[];
  sort: Sort;
  selected: ReadonlySet<string>;
  locale: Locale;
  t: Translate;
  onSort(sort: Sort): void;
  onToggle(id: string): void;
  onToggleAll(): void;
  onOpen(row: Row): void;
}

/**
 * The whole book as a table that stays smooth at 100,000 rows: only the rows in view (and a few around them) are in
 * the DOM, between two spacer rows that keep the scroll height right.
 */
export function Table({ rows, sort, selected, locale, t, onSort, onToggle, onToggleAll, onOpen }: Props) {
  const [top, setTop] = useState(0);
  const [height, setHeight] = useState(600);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
  // Both are costly to make again on every scrolled frame: a formatter, and a pass over 100,000 rows.
  const dates = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'short' }), [locale]);
  const date = (ms: number | null) => (ms ? dates.format(ms) : '—');
  const allSelected = useMemo(
    () => rows.length > 0 && rows.every((r) => selected.has(r.customer.id)),
    [rows, selected],
  );

  return (
    <div
      class="table-scroll"
      ref={(el) => {
        if (el && el.clientHeight !== height) setHeight(el.clientHeight);
      }}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
    >
      <table aria-rowcount={rows.length + 1}>
        <thead>
          <tr aria-rowindex={1}>
            <th scope="col" class="check">
              <input type="checkbox" aria-label={t('selectAll')} checked={allSelected} onChange={onToggleAll} />
            </th>
            {COLUMNS.map((key) => (
              <th
                key={key}
                scope="col"
                aria-sort={sort.key === key ? (sort.descending ? 'descending' : 'ascending') : undefined}
              >
                <button
                  type="button"
                  onClick={() => onSort({ key, descending: sort.key === key ? !sort.descending : false })}
                >
                  {t(`column_${key}` as MessageKey)}
                  {sort.key === key ? (sort.descending ? ' ↓' : ' ↑') : ''}
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr class="spacer" style={{ height: `${first * ROW_HEIGHT}px` }} />
          {rows.slice(first, last).map((row, i) => {
            const c = row.customer;
            return (
              <tr key={c.id} aria-rowindex={first + i + 2} class={selected.has(c.id) ? 'selected' : undefined}>
                <td class="check">
                  <input
                    type="checkbox"
                    aria-label={t('selectRow', { name: c.name })}
                    checked={selected.has(c.id)}
                    onChange={() => onToggle(c.id)}
                  />
                </td>
                <td class="name">
                  <button type="button" class="link" onClick={() => onOpen(row)}>
                    {c.name}
                  </button>
                  {row.invalid && <span class="badge">{t('warnInvalid')}</span>}
                  {row.incomplete && <span class="badge">{t('warnIncomplete')}</span>}
                </td>
                <td class="mono">{c.taxId || t('taxIdNone')}</td>
                <td>{tierLabel(c.tier, t)}</td>
                <td>{t(`source_${c.source}` as MessageKey)}</td>
                <td>{c.review.status === 'verified' ? t('verified') : t('pendingReview')}</td>
                <td>{date(c.updatedAt)}</td>
                <td>{date(c.lastUsedAt)}</td>
              </tr>
            );
          })}
          <tr class="spacer" style={{ height: `${(rows.length - last) * ROW_HEIGHT}px` }} />
        </tbody>
      </table>
    </div>
  );
}
