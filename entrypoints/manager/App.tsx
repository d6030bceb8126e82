import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { LanguageButton } from '../../components/LanguageButton';
import { lazy } from '../../components/lazy';
import { useLocale } from '../../components/locale';
import { StorageFullAlert } from '../../components/StorageFullAlert';
import { tierLabel } from '../../components/tier';
import type { BulkAction } from '../../lib/domain/bulk';
import type { Customer } from '../../lib/domain/customer';
import { SOURCES } from '../../lib/domain/vocabulary';
import type { MessageKey } from '../../lib/i18n/messages';
import { matches, NO_FILTER, type Row, type RowFilter, type Sort, sortRows, toRow } from '../../lib/manager/rows';
import { tierIds } from '../../lib/manager/tier-list';
import { sendMessage } from '../../lib/messaging/client';
import { Backup } from './Backup';
import { BackupReminder } from './BackupReminder';
import { Dedup } from './Dedup';
import { Editor } from './Editor';
import { Lock } from './Lock';
import { Review } from './Review';
import { Table } from './Table';
import { Tiers } from './Tiers';
import { useBlocksAhead } from './use-blocks-ahead';
import { useReminder } from './use-reminder';
import { useTiers } from './use-tiers';

// The views that bring spreadsheet and pinyin libraries (most of the page's code) load when first opened, or once
// the book has loaded: the table's first rows do not wait for them.
const Import = lazy(() => import('./Import').then((m) => m.Import));
const Export = lazy(() => import('./Export').then((m) => m.Export));
const Analytics = lazy(() => import('./Analytics').then((m) => m.Analytics));

const FIRST = 100;
const PAGE = 5000;

/** The newest customers, which the table shows first. */
export const newest = () => sendMessage('page:newest', { limit: FIRST });

/** The manager page: the whole book in a table, filters, bulk actions with undo, and an editor beside it. */
export function App({
  first,
}: {
  /** The newest customers, asked for as the page loaded. */ first: Promise<Customer[]>;
}) {
  const { locale, t, setLocale } = useLocale();
  const [rows, setRows] = useState<Map<string, Row>>(new Map());
  const [total, setTotal] = useState<number | null>(null);
  const [loading, setLoading] = useState(true);
  const [filter, setFilter] = useState<RowFilter>(NO_FILTER);
  const [sort, setSort] = useState<Sort>({ key: 'updatedAt', descending: true });
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [editing, setEditing] = useState<Customer | null>(null);
  const unsaved = useRef(false);
  const [view, setView] = useState<'book' | 'import' | 'dedup' | 'review' | 'tiers' | 'analytics' | 'lock'>('book');
  const [exporting, setExporting] = useState(false);
  const [backingUp, setBackingUp] = useState(false);
  // Bumped when the whole book may have changed (a restore): the table reads it again.
  const [generation, setGeneration] = useState(0);
  const importing = useRef(false);
  // Another customer, Close, or leaving the page: edits not yet saved are never dropped without asking.
  const edit = (next: Customer | null) => {
    if (next?.id === editing?.id) return true;
    if (unsaved.current && !window.confirm(t('discardEdits'))) return false;
    unsaved.current = false;
    setEditing(next);
    return true;
  };
  useEffect(() => {
    const onLeave = (e: BeforeUnloadEvent) => {
      if (unsaved.current || importing.current) e.preventDefault();
    };
    window.addEventListener('beforeunload', onLeave);
    return () => window.removeEventListener('beforeunload', onLeave);
  }, []);
  const [notice, setNotice] = useState('');
  const [undoBatch, setUndoBatch] = useState<string | null>(null);

  // The newest customers first, so the table shows at once; then the whole book, page by page.
  // biome-ignore lint/correctness/useExhaustiveDependencies: loads again only when the whole book changed (a restore); a failure is told in the language of the moment
  useEffect(() => {
    let alive = true;
    setRows(new Map());
    setLoading(true);
    (async () => {
      const put = (list: Customer[]) =>
        setRows((old) => {
          const next = new Map(old);
          for (const c of list) next.set(c.id, toRow(c));
          return next;
        });
      // The list asked for as the page loaded serves the first load only; a restore reads the book again.
      put(await (generation === 0 ? first : newest()));
      sendMessage('page:stats', {}).then((s) => alive && setTotal(s.customers));
      for (let after: string | null = null; alive; ) {
        const page: Customer[] = await sendMessage('page:pageOf', { after, limit: PAGE });
        put(page);
        if (page.length < PAGE) break;
        after = page[page.length - 1]?.id ?? null;
      }
      if (!alive) return;
      setLoading(false);
      requestIdleCallback(() => {
        for (const view of [Import, Export, Analytics]) view.preload();
      });
    })().catch((e: Error) => setNotice(t('loadFailed', { reason: e.message })));
    return () => {
      alive = false;
    };
  }, [generation]);

  const all = useMemo(() => [...rows.values()], [rows]);
  const book = useMemo(() => all.map((r) => r.customer), [all]);
  const blocks = useBlocksAhead(book, loading);
  const sorted = useMemo(() => sortRows(all, sort), [all, sort]);
  const visible = useMemo(() => sorted.filter((r) => matches(r, filter, Date.now())), [sorted, filter]);
  // The tiers defined (by their labels, see tierLabel), then any other tier customers hold.
  const [defined] = useTiers();
  // The backup reminder's state, read here once for the reminder and the backup view.
  const reminder = useReminder();
  const tiers = useMemo(
    () =>
      tierIds(
        defined,
        all.map((r) => r.customer.tier),
      ),
    [defined, all],
  );
  const tags = useMemo(() => [...new Set(all.flatMap((r) => r.customer.tags))].sort(), [all]);

  const changed = (id: string, now: Customer | null) =>
    setRows((old) => {
      const next = new Map(old);
      if (now) next.set(id, toRow(now));
      else next.delete(id);
      return next;
    });
  /** Reads these customers again after a bulk change or its undo; those no longer in the book leave the table. */
  const refresh = async (ids: readonly string[]) => {
    for (let i = 0; i < ids.length; i += PAGE) {
      const chunk = ids.slice(i, i + PAGE);
      const found = new Map((await sendMessage('page:getMany', { ids: chunk })).map((c) => [c.id, c]));
      setRows((old) => {
        const next = new Map(old);
        for (const id of chunk) {
          const now = found.get(id);
          if (now) next.set(id, toRow(now));
          else next.delete(id);
        }
        return next;
      });
    }
  };

  // Only what is selected and still in view: a filter may have hidden part of an earlier selection.
  const bulk = async (action: BulkAction, done: MessageKey) => {
    const shown = new Set(visible.map((r) => r.customer.id));
    const ids = [...selected].filter((id) => shown.has(id));
    const result = await sendMessage('page:bulk', { ids, action });
    await refresh(result.changed);
    setSelected(new Set());
    setNotice(t(done, { count: result.changed.length }));
    setUndoBatch(result.batch);
  };
  const undo = async () => {
    if (!undoBatch) return;
    const result = await sendMessage('page:undoBatch', { batch: undoBatch });
    await refresh(result.changed);
    setUndoBatch(null);
    setNotice(result.conflicts.length ? t('undoPartly', { count: result.conflicts.length }) : t('undone'));
  };

  const toggle = (id: string) =>
    setSelected((old) => {
      const next = new Set(old);
      if (!next.delete(id)) next.add(id);
      return next;
    });
  const toggleAll = () =>
    setSelected((old) =>
      visible.every((r) => old.has(r.customer.id)) ? new Set() : new Set(visible.map((r) => r.customer.id)),
    );
  const set = <K extends keyof RowFilter>(key: K, value: RowFilter[K]) => setFilter({ ...filter, [key]: value });

  // Import and the 去重 scan take the whole page; closing them comes back to the table as it was.
  const back = () => setView('book');
  const full =
    view === 'dedup' ? (
      <Dedup customers={book} blocks={blocks} locale={locale} t={t} onChanged={refresh} onClose={back} />
    ) : view === 'import' ? (
      <Import
        customers={book}
        locale={locale}
        t={t}
        onChanged={refresh}
        onBusy={(busy) => {
          importing.current = busy;
        }}
        onClose={back}
      />
    ) : view === 'review' ? (
      <Review
        rows={all}
        locale={locale}
        t={t}
        onChanged={refresh}
        onEdit={(customer) => {
          back();
          edit(customer);
        }}
        onClose={back}
      />
    ) : view === 'tiers' ? (
      <Tiers customers={book} loading={loading} locale={locale} t={t} onChanged={refresh} onClose={back} />
    ) : view === 'analytics' ? (
      <Analytics locale={locale} t={t} onChanged={refresh} onClose={back} />
    ) : view === 'lock' ? (
      <Lock t={t} onClose={back} />
    ) : null;
  if (full) {
    return (
      <div class="layout">
        <main>
          <StorageFullAlert t={t} />
          {full}
        </main>
      </div>
    );
  }

  return (
    <div class={editing ? 'layout editing' : 'layout'}>
      <main>
        <header class="top">
          <h1>{t('managerTitle')}</h1>
          <span class="count" aria-live="polite">
            {loading && total !== null
              ? t('loadingRows', { loaded: rows.size, total })
              : t('shownOf', { shown: visible.length, total: rows.size })}
          </span>
          <button type="button" disabled={loading} onClick={() => edit(null) && setView('import')}>
            {t('importOpen')}
          </button>
          <button type="button" disabled={loading} onClick={() => edit(null) && setView('dedup')}>
            {t('dedupOpen')}
          </button>
          <button type="button" disabled={loading} onClick={() => setExporting(true)}>
            {t('exportOpen')}
          </button>
          <button type="button" onClick={() => edit(null) && setBackingUp(true)}>
            {t('backupOpen')}
          </button>
          <button type="button" disabled={loading} onClick={() => edit(null) && setView('review')}>
            {t('reviewOpen')}
          </button>
          <button type="button" onClick={() => edit(null) && setView('tiers')}>
            {t('tiersOpen')}
          </button>
          <button type="button" onClick={() => edit(null) && setView('analytics')}>
            {t('analyticsOpen')}
          </button>
          <button type="button" onClick={() => edit(null) && setView('lock')}>
            {t('lockOpen')}
          </button>
          <LanguageButton locale={locale} t={t} onSwitch={setLocale} />
        </header>
        <StorageFullAlert t={t} />
        <BackupReminder t={t} kept={reminder} customers={total ?? rows.size} />
        {backingUp && (
          <Backup
            t={t}
            reminder={reminder}
            onRestored={() => setGeneration((g) => g + 1)}
            onClose={() => setBackingUp(false)}
          />
        )}
        {exporting && (
          <Export
            shown={visible.map((r) => r.customer)}
            selected={visible.filter((r) => selected.has(r.customer.id)).map((r) => r.customer)}
            t={t}
            onDone={(text) => {
              setNotice(text);
              setUndoBatch(null);
            }}
            onClose={() => setExporting(false)}
          />
        )}
        {loading && total !== null && total > 0 && (
          <progress max={total} value={rows.size} aria-label={t('loadingLabel')} />
        )}
        <section class="filters" aria-label={t('filters')}>
          <input
            type="search"
            aria-label={t('filterText')}
            placeholder={t('filterText')}
            value={filter.text}
            onInput={(e) => set('text', e.currentTarget.value)}
          />
          <select
            aria-label={t('column_tier')}
            value={filter.tier}
            onChange={(e) => set('tier', e.currentTarget.value)}
          >
            <option value="">{t('anyTier')}</option>
            {tiers.map((tier) => (
              <option key={tier} value={tier}>
                {tierLabel(tier, t)}
              </option>
            ))}
          </select>
          <select aria-label={t('tag')} value={filter.tag} onChange={(e) => set('tag', e.currentTarget.value)}>
            <option value="">{t('anyTag')}</option>
            {tags.map((tag) => (
              <option key={tag} value={tag}>
                {tag}
              </option>
            ))}
          </select>
          <select
            aria-label={t('column_source')}
            value={filter.source}
            onChange={(e) => set('source', e.currentTarget.value as RowFilter['source'])}
          >
            <option value="">{t('anySource')}</option>
            {SOURCES.map((s) => (
              <option key={s} value={s}>
                {t(`source_${s}`)}
              </option>
            ))}
          </select>
          <select
            aria-label={t('column_review')}
            value={filter.review}
            onChange={(e) => set('review', e.currentTarget.value as RowFilter['review'])}
          >
            <option value="">{t('anyReview')}</option>
            <option value="pending">{t('pendingReview')}</option>
            <option value="verified">{t('verified')}</option>
          </select>
          <select
            aria-label={t('idle')}
            value={filter.idleMonths}
            onChange={(e) => set('idleMonths', Number(e.currentTarget.value))}
          >
            <option value={0}>{t('idleAny')}</option>
            {[3, 6, 12].map((n) => (
              <option key={n} value={n}>
                {t('idleMonths', { count: n })}
              </option>
            ))}
          </select>
          <label>
            <input
              type="checkbox"
              checked={filter.incomplete}
              onChange={(e) => set('incomplete', e.currentTarget.checked)}
            />
            {t('warnIncomplete')}
          </label>
          <label>
            <input type="checkbox" checked={filter.invalid} onChange={(e) => set('invalid', e.currentTarget.checked)} />
            {t('warnInvalid')}
          </label>
        </section>
        {selected.size > 0 && (
          <section class="bulk" aria-label={t('bulkLabel')}>
            <span>{t('selectedCount', { count: selected.size })}</span>
            <button type="button" onClick={() => bulk({ kind: 'verify', by: '' }, 'bulkVerified')}>
              {t('markVerified')}
            </button>
            <button type="button" onClick={() => bulk({ kind: 'tier', tier: 'vip' }, 'bulkChanged')}>
              {t('setVip')}
            </button>
            <button
              type="button"
              onClick={() => {
                const tag = window.prompt(t('tagPrompt'))?.trim();
                if (tag) bulk({ kind: 'tag', tag }, 'bulkChanged');
              }}
            >
              {t('addTag')}
            </button>
            <button type="button" class="danger" onClick={() => bulk({ kind: 'delete' }, 'bulkDeleted')}>
              {t('delete')}
            </button>
          </section>
        )}
        {notice && (
          <p class="notice" role="status">
            {notice}
            {undoBatch && (
              <button type="button" class="link" onClick={undo}>
                {t('undo')}
              </button>
            )}
          </p>
        )}
        <Table
          rows={visible}
          sort={sort}
          selected={selected}
          locale={locale}
          t={t}
          onSort={setSort}
          onToggle={toggle}
          onToggleAll={toggleAll}
          onOpen={(row) => edit(row.customer)}
        />
      </main>
      {editing && (
        <Editor
          key={editing.id}
          customer={editing}
          tiers={tiers}
          locale={locale}
          t={t}
          onChanged={changed}
          onNotice={(text) => {
            setNotice(text);
            setUndoBatch(null);
          }}
          onDirty={(dirty) => {
            unsaved.current = dirty;
          }}
          onClose={() => edit(null)}
        />
      )}
    </div>
  );
}
