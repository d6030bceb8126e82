import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { tierLabel } from '../../components/tier';
import type { Locale, MessageKey, Translate } from '../../lib/i18n/messages';
import type { Row, Sort, SortKey } from '../../lib/manager/rows';

const ROW_HEIGHT = 34;
/** Rows drawn beyond each edge of the view: enough for a key press's step, few enough to lay out in a frame. */
const OVERSCAN = 2;
const COLUMNS: SortKey[] = ['name', 'taxId', 'tier', 'source', 'review', 'updatedAt', 'lastUsedAt'];
/** The rows a key moves the focus by; a page is what fits in view. */
const STEPS: Record<string, (page: number, at: number, count: number) => number> = {
  ArrowDown: (_, at) => at + 1,
  ArrowUp: (_, at) => at - 1,
  PageDown: (page, at) => at + page,
  PageUp: (page, at) => at - page,
  Home: () => 0,
  End: (_, __, count) => count - 1,
};

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
  // The row the keyboard is on: its two controls are the table's only tab stops (a roving tabindex), so Tab goes
  // through the table in two steps, not two per row.
  const [active, setActive] = useState(0);
  const focusNext = useRef<'input' | 'button' | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const first = Math.max(0, Math.floor(top / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(rows.length, Math.ceil((top + height) / ROW_HEIGHT) + OVERSCAN);
  // Row k is drawn in slot k mod `slots` (more than ever drawn at once): a row keeps its elements while it stays in
  // view, and the elements of a row scrolled away are reused for the next one coming in, text changed in place.
  const slots = Math.ceil(height / ROW_HEIGHT) + 2 * OVERSCAN + 2;
  // Both are costly to make again on every scrolled frame: a formatter, and a pass over 100,000 rows.
  const dates = useMemo(() => new Intl.DateTimeFormat(locale, { dateStyle: 'short' }), [locale]);
  const date = (ms: number | null) => (ms ? dates.format(ms) : '—');
  const allSelected = useMemo(
    () => rows.length > 0 && rows.every((r) => selected.has(r.customer.id)),
    [rows, selected],
  );

  // The rows that fit follow the box's height. Measured by an observer, never while rendering: a read of its height
  // there would lay the page out again in the middle of every scrolled frame.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box) return;
    const observer = new ResizeObserver(([entry]) => setHeight(entry?.contentRect.height ?? box.clientHeight));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);

  // A focused control whose row scrolled away now shows another customer (its elements were reused): it lets go of
  // the focus, as the row's own control would have by leaving the page.
  useLayoutEffect(() => {
    const focused = document.activeElement;
    const at = scroller.current?.contains(focused) ? rowOf(focused) : null;
    if (at !== null && at !== active) (focused as HTMLElement).blur();
  });

  // Keyboard: ↑ ↓ PageUp PageDown Home End move between rows in the same column, scrolling rows into the DOM first.
  useLayoutEffect(() => {
    const control = focusNext.current;
    focusNext.current = null;
    const selector = `tbody tr[aria-rowindex="${active + 2}"] ${control}`;
    if (control) scroller.current?.querySelector<HTMLElement>(selector)?.focus({ preventScroll: true });
  }, [active]);
  const rowOf = (target: EventTarget | null) => {
    const tr = (target as HTMLElement | null)?.closest?.('tbody tr[aria-rowindex]');
    return tr ? Number(tr.getAttribute('aria-rowindex')) - 2 : null;
  };
  const move = (e: KeyboardEvent) => {
    const step = STEPS[e.key];
    const at = rowOf(e.target);
    const box = scroller.current;
    if (!step || at === null || !box || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    const header = box.querySelector('thead')?.clientHeight ?? ROW_HEIGHT;
    const row = Math.max(
      0,
      Math.min(rows.length - 1, step(Math.floor((height - header) / ROW_HEIGHT), at, rows.length)),
    );
    const y = row * ROW_HEIGHT;
    if (y < box.scrollTop) box.scrollTop = y;
    else if (y + ROW_HEIGHT > box.scrollTop + box.clientHeight - header)
      box.scrollTop = y + ROW_HEIGHT - box.clientHeight + header;
    setTop(box.scrollTop);
    focusNext.current = (e.target as HTMLElement).tagName === 'INPUT' ? 'input' : 'button';
    setActive(row);
  };
  // A row scrolled away by the wheel leaves the tab stop on the first row in view.
  const stop = active >= first && active < last ? active : Math.min(rows.length - 1, Math.floor(top / ROW_HEIGHT));

  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: keys bubble up from the rows' own controls; this only moves focus between them
    <div
      class="table-scroll"
      ref={scroller}
      onScroll={(e) => setTop(e.currentTarget.scrollTop)}
      onKeyDown={move}
      onFocusIn={(e) => {
        const at = rowOf(e.target);
        if (at !== null && at !== active) setActive(at);
      }}
    >
      <table class="book" aria-rowcount={rows.length + 1}>
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
            const tabIndex = first + i === stop ? 0 : -1;
            return (
              <tr
                // biome-ignore lint/suspicious/noArrayIndexKey: a slot on purpose, so that scrolling reuses the rows' elements
                key={(first + i) % slots}
                aria-rowindex={first + i + 2}
                class={
                  [selected.has(c.id) && 'selected', c.tier === 'vip' && 'vip'].filter(Boolean).join(' ') || undefined
                }
              >
                <td class="check">
                  <input
                    type="checkbox"
                    aria-label={t('selectRow', { name: c.name })}
                    checked={selected.has(c.id)}
                    tabIndex={tabIndex}
                    onChange={() => onToggle(c.id)}
                  />
                </td>
                <td class="name">
                  <button type="button" class="link" tabIndex={tabIndex} onClick={() => onOpen(row)}>
                    {c.name}
                  </button>
                  {c.tier === 'vip' && <span class="badge vip-mark">★ {t('tierVip')}</span>}
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
