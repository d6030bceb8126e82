import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { ChoiceField, Field } from '../../components/Field';
import { tierLabel } from '../../components/tier';
import { chinaDay } from '../../lib/domain/credit';
import type { Customer } from '../../lib/domain/customer';
import type { Finding } from '../../lib/domain/findings';
import { hasErrors } from '../../lib/domain/findings';
import {
  fillRemarks,
  PLACEHOLDERS,
  type PlaceholderKey,
  REMARKS_LIMIT,
  remarkValues,
  type Tier,
} from '../../lib/domain/tiers';
import { INVOICE_CHOICES } from '../../lib/domain/vocabulary';
import type { Locale, MessageKey, Translate } from '../../lib/i18n/messages';
import {
  addTier,
  defaultsFindings,
  isBuiltIn,
  removeTier,
  renameTier,
  SHOW_CHOICES,
  setTierDefaults,
  TIER_LABEL_MAX,
  type TierDefaultsDraft,
  tierCounts,
  tierDefaultsOf,
  tierDraftOf,
} from '../../lib/manager/tier-list';
import { sendMessage } from '../../lib/messaging/client';
import { storeTiers } from '../../lib/settings/tiers';
import { useTiers } from './use-tiers';
import '../../components/form.css';

interface Props {
  /** The whole book: how many customers each tier has, and who moves when a tier in use is deleted. */
  customers: readonly Customer[];
  /** The book is still being read: counts may be short, and a tier's customers cannot all be moved yet. */
  loading: boolean;
  locale: Locale;
  t: Translate;
  /** Customers changed (moved out of a deleted tier, or back by undo): the table reads them again. */
  onChanged(ids: readonly string[]): Promise<void> | void;
  onClose(): void;
}

/** The last stored change, so that it can be taken back: the list before it, and the customers it moved. */
interface Last {
  before: Tier[];
  batch?: string;
}

/** A customer for the preview when a tier has none: the remarks show what a real name and tax ID look like. */
const SAMPLE = { name: '北京小米科技有限责任公司', taxId: '91110000600037341L' };
const PLACEHOLDER_KEYS = Object.keys(PLACEHOLDERS) as PlaceholderKey[];

/**
 * The tiers view: the tiers (普通 and VIP built in; the clerk's own added, renamed, deleted) and each one's invoice
 * defaults. Every change is stored at once in extension storage, and the last one can be undone. A tier still in
 * use can be deleted: its customers move to 普通 in one batch, which the undo takes back with the tier.
 */
export function Tiers({ customers, loading, locale, t, onChanged, onClose }: Props) {
  const [tiers, take] = useTiers();
  const counts = useMemo(() => tierCounts(customers), [customers]);
  const [selectedId, setSelectedId] = useState('normal');
  const selected = tiers.find((tier) => tier.id === selectedId) ?? tiers[0];
  // Defaults typed but not saved, by tier: moving to another tier keeps them.
  const [drafts, setDrafts] = useState<ReadonlyMap<string, TierDefaultsDraft>>(new Map());
  const [newLabel, setNewLabel] = useState('');
  const [addFindings, setAddFindings] = useState<Finding[]>([]);
  const [notice, setNotice] = useState('');
  const [last, setLast] = useState<Last | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const list = useRef<HTMLUListElement>(null);
  // Where the focus goes once a tier is shown: set before the change, taken when that tier is the one on screen.
  const focusAfter = useRef<{ element: string; tier: string } | null>(null);
  useEffect(() => heading.current?.focus(), []);
  // After an add or a delete, the focus goes where the clerk works next (the new tier's name, or the list).
  useEffect(() => {
    const pending = focusAfter.current;
    if (!pending || pending.tier !== selected?.id) return;
    focusAfter.current = null;
    document.getElementById(pending.element)?.focus();
  });

  const held = useMemo(
    () => [...counts.keys()].filter((id) => id && !tiers.some((tier) => tier.id === id)).sort(),
    [counts, tiers],
  );
  const nameOf = (tier: Tier) => tierLabel(tier.id, t);

  /** Stores a new list; the one before becomes what undo puts back. */
  const store = async (next: Tier[], text: string, batch?: string) => {
    try {
      await storeTiers(next);
    } catch (e) {
      setNotice(t('tiersSaveFailed', { reason: (e as Error).message }));
      return false;
    }
    setLast({ before: tiers, batch });
    take(next);
    setNotice(text);
    return true;
  };

  // A tier typed in the field gets its name as id; one customers hold keeps the value they hold.
  const add = async (label: string, fromField: boolean) => {
    const edit = addTier(tiers, label, fromField ? undefined : label);
    if (!edit.ok) {
      if (fromField) setAddFindings([edit.finding]);
      else setNotice(`${label}：${edit.finding.message[locale]}`);
      return;
    }
    setAddFindings([]);
    if (await store(edit.tiers, t('tiersAdded', { name: edit.tiers.at(-1)?.label ?? label }))) {
      if (fromField) setNewLabel('');
      focusAfter.current = { element: 'tier-invoiceType', tier: edit.id };
      setSelectedId(edit.id);
    }
  };

  const remove = async (tier: Tier) => {
    if (loading) return setNotice(t('tiersWaitLoading'));
    const members = customers.filter((c) => c.tier === tier.id).map((c) => c.id);
    let batch: string | undefined;
    if (members.length > 0) {
      if (!window.confirm(t('tiersDeleteMove', { name: tier.label, count: members.length }))) return;
      // The customers move first: a failure then leaves the tier, and no customer in a tier that is gone.
      const moved = await sendMessage('page:bulk', { ids: members, action: { kind: 'tier', tier: 'normal' } });
      batch = moved.batch;
      await onChanged(moved.changed);
    }
    const text = members.length
      ? t('tiersDeletedMoved', { name: tier.label, count: members.length })
      : t('tiersDeleted', { name: tier.label });
    if (await store(removeTier(tiers, tier.id), text, batch)) {
      focusAfter.current = { element: 'tier-item-normal', tier: 'normal' };
      setSelectedId('normal');
    }
  };

  const undo = async () => {
    if (!last) return;
    await storeTiers(last.before);
    take(last.before);
    if (last.batch) {
      const result = await sendMessage('page:undoBatch', { batch: last.batch });
      await onChanged(result.changed);
    }
    setLast(null);
    setNotice(t('undone'));
  };

  const close = () => {
    if (drafts.size > 0 && !window.confirm(t('tiersDiscard'))) return;
    onClose();
  };

  // ↑ ↓ Home End move along the list of tiers; Enter or Space opens one (they are buttons).
  const moveInList = (e: KeyboardEvent) => {
    const items = [...(list.current?.querySelectorAll<HTMLButtonElement>('button.tier-item') ?? [])];
    const at = items.indexOf(e.target as HTMLButtonElement);
    if (at < 0) return;
    const next = { ArrowDown: at + 1, ArrowUp: at - 1, Home: 0, End: items.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    items[Math.max(0, Math.min(items.length - 1, next))]?.focus();
  };

  return (
    <section
      class="import tiers-view"
      aria-labelledby="tiers-title"
      onKeyDown={(e) => {
        const typing = (e.target as HTMLElement).closest('input, textarea, select');
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 'z' && !typing && last) {
          e.preventDefault();
          undo();
        }
      }}
    >
      <header class="top">
        <h2 id="tiers-title" tabIndex={-1} ref={heading}>
          {t('tiersTitle')}
        </h2>
        <button type="button" class="link" onClick={close}>
          {t('close')}
        </button>
      </header>
      <p class="muted">{t('tiersIntro')}</p>
      {notice && (
        <p class="notice" role="status">
          {notice}
          {last && (
            <button type="button" class="link" aria-keyshortcuts="Control+Z" onClick={undo}>
              {t('undo')}
            </button>
          )}
        </p>
      )}
      <div class="tiers-grid">
        <nav aria-labelledby="tiers-list-title" class="tiers-nav">
          <h3 id="tiers-list-title">{t('tiersList')}</h3>
          <ul ref={list} class="tier-list" aria-labelledby="tiers-list-title" onKeyDown={moveInList}>
            {tiers.map((tier) => (
              <li key={tier.id}>
                <button
                  type="button"
                  id={`tier-item-${tier.id}`}
                  class="tier-item"
                  aria-current={tier.id === selected?.id ? 'true' : undefined}
                  onClick={() => setSelectedId(tier.id)}
                >
                  <span class="tier-name">{nameOf(tier)}</span>
                  <span class="muted">
                    {t('tiersCount', { count: counts.get(tier.id) ?? 0 })}
                    {isBuiltIn(tier.id) && ` · ${t('tiersBuiltIn')}`}
                    {drafts.has(tier.id) && ` · ${t('tiersUnsavedMark')}`}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          <form
            class="customer-form tier-add"
            onSubmit={(e) => {
              e.preventDefault();
              add(newLabel, true);
            }}
            noValidate
          >
            <Field id="tier-new" label={t('tiersNewLabel')} findings={addFindings} locale={locale} class="wide">
              {(control) => (
                <input
                  {...control}
                  autoComplete="off"
                  maxLength={TIER_LABEL_MAX + 10}
                  value={newLabel}
                  onInput={(e) => {
                    setNewLabel(e.currentTarget.value);
                    setAddFindings([]);
                  }}
                />
              )}
            </Field>
            <button type="submit">{t('tiersAdd')}</button>
          </form>
          {held.length > 0 && (
            <div class="tiers-held">
              <h3>{t('tiersHeldTitle')}</h3>
              <ul>
                {held.map((id) => (
                  <li key={id}>
                    <button type="button" class="link" onClick={() => add(id, false)}>
                      {t('tiersDefine', { name: id, count: counts.get(id) ?? 0 })}
                    </button>
                  </li>
                ))}
              </ul>
            </div>
          )}
        </nav>
        {selected && (
          <TierDetail
            key={selected.id}
            tier={selected}
            tiers={tiers}
            count={counts.get(selected.id) ?? 0}
            sample={customers.find((c) => c.tier === selected.id) ?? customers[0] ?? SAMPLE}
            draft={drafts.get(selected.id) ?? tierDraftOf(selected.defaults)}
            locale={locale}
            t={t}
            onDraft={(draft) =>
              setDrafts((old) => {
                const next = new Map(old);
                const stored = JSON.stringify(tierDraftOf(selected.defaults));
                if (JSON.stringify(draft) === stored) next.delete(selected.id);
                else next.set(selected.id, draft);
                return next;
              })
            }
            onSave={async (draft) => {
              const name = nameOf(selected);
              const saved = await store(
                setTierDefaults(tiers, selected.id, tierDefaultsOf(draft)),
                t('tiersSaved', { name }),
              );
              if (saved)
                setDrafts((old) => {
                  const next = new Map(old);
                  next.delete(selected.id);
                  return next;
                });
            }}
            onRename={async (label) => {
              const edit = renameTier(tiers, selected.id, label);
              if (!edit.ok) return [edit.finding];
              const to = edit.tiers.find((tier) => tier.id === selected.id)?.label ?? label;
              await store(edit.tiers, t('tiersRenamed', { from: selected.label, to }));
              return [];
            }}
            onDelete={() => remove(selected)}
          />
        )}
      </div>
    </section>
  );
}

interface DetailProps {
  tier: Tier;
  tiers: readonly Tier[];
  count: number;
  sample: { name: string; taxId: string };
  draft: TierDefaultsDraft;
  locale: Locale;
  t: Translate;
  onDraft(draft: TierDefaultsDraft): void;
  onSave(draft: TierDefaultsDraft): Promise<void>;
  /** Resolves with what is wrong with the name, or nothing once renamed. */
  onRename(label: string): Promise<Finding[]>;
  onDelete(): void;
}

/** One tier: its name (the clerk's own tiers: rename, delete) and its invoice defaults with a preview of the remarks. */
function TierDetail({ tier, count, sample, draft, locale, t, onDraft, onSave, onRename, onDelete }: DetailProps) {
  const builtIn = isBuiltIn(tier.id);
  const [label, setLabel] = useState(tier.label);
  const [labelFindings, setLabelFindings] = useState<Finding[]>([]);
  const findings = useMemo(() => defaultsFindings(draft), [draft]);
  const at = (field: string) => findings.filter((f) => f.field === field);
  const remarks = useRef<HTMLTextAreaElement>(null);
  const set = <K extends keyof TierDefaultsDraft>(key: K, value: TierDefaultsDraft[K]) =>
    onDraft({ ...draft, [key]: value });
  const today = chinaDay(Date.now());
  const values = remarkValues(sample, today);
  const preview = fillRemarks(draft.remarks, values);
  const name = tierLabel(tier.id, t);

  const insert = (key: PlaceholderKey) => {
    const box = remarks.current;
    const placeholder = `{${PLACEHOLDERS[key][0]}}`;
    const start = box?.selectionStart ?? draft.remarks.length;
    const end = box?.selectionEnd ?? start;
    const text = draft.remarks.slice(0, start) + placeholder + draft.remarks.slice(end);
    if (text.length > REMARKS_LIMIT) return;
    set('remarks', text);
    // The caret goes after what was put in, so the clerk types on.
    requestAnimationFrame(() => {
      box?.focus();
      box?.setSelectionRange(start + placeholder.length, start + placeholder.length);
    });
  };
  const save = (e: Event) => {
    e.preventDefault();
    if (!hasErrors(findings)) onSave(draft);
  };

  return (
    <section class="tier-detail" aria-labelledby="tier-detail-title">
      <h3 id="tier-detail-title">
        {name} <span class="muted">{t('tiersCount', { count })}</span>
      </h3>
      {builtIn ? (
        <p class="muted">{t('tiersBuiltInHint')}</p>
      ) : (
        <form
          class="tier-name-form"
          onSubmit={async (e) => {
            e.preventDefault();
            setLabelFindings(await onRename(label));
          }}
          noValidate
        >
          <div class="customer-form">
            <Field id="tier-label" label={t('tiersName')} findings={labelFindings} locale={locale}>
              {(control) => (
                <input
                  {...control}
                  autoComplete="off"
                  maxLength={TIER_LABEL_MAX + 10}
                  value={label}
                  onInput={(e) => {
                    setLabel(e.currentTarget.value);
                    setLabelFindings([]);
                  }}
                />
              )}
            </Field>
          </div>
          <button type="submit">{t('tiersRename')}</button>
          <button type="button" class="danger" onClick={onDelete}>
            {t('tiersDelete')}
          </button>
          <p class="muted">{t('tiersRenameHint', { id: tier.id })}</p>
        </form>
      )}

      <h3>{t('tiersDefaults')}</h3>
      <form
        onSubmit={save}
        onKeyDown={(e) => {
          if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') save(e);
        }}
        noValidate
        aria-label={t('tiersDefaults')}
      >
        <div class="customer-form">
          <ChoiceField
            id="tier-invoiceType"
            label={t('field_invoiceType')}
            value={draft.invoiceType}
            options={INVOICE_CHOICES}
            name={(v) => (v ? t(`invoice_${v}`) : t('tiersNotSet'))}
            locale={locale}
            onChange={(v) => set('invoiceType', v)}
          />
          <ChoiceField
            id="tier-show"
            label={t('tiersShowAddressBank')}
            value={draft.showAddressBank}
            options={SHOW_CHOICES}
            name={(v) => t(`tiersShow_${v}` as MessageKey)}
            locale={locale}
            onChange={(v) => set('showAddressBank', v)}
          />
          <Field id="tier-remarks" label={t('tiersRemarks')} findings={at('remarks')} locale={locale} class="wide">
            {(control) => (
              <textarea
                {...control}
                ref={remarks}
                rows={3}
                maxLength={REMARKS_LIMIT}
                value={draft.remarks}
                onInput={(e) => set('remarks', e.currentTarget.value)}
              />
            )}
          </Field>
          <div class="wide placeholders">
            <p class="muted">{t('tiersPlaceholders')}</p>
            <ul>
              {PLACEHOLDER_KEYS.map((key) => {
                const placeholder = `{${PLACEHOLDERS[key][0]}}`;
                return (
                  <li key={key}>
                    <button
                      type="button"
                      class="link mono"
                      aria-label={t('tiersInsert', { placeholder })}
                      onClick={() => insert(key)}
                    >
                      {placeholder}
                    </button>{' '}
                    <span class="muted">{t(`tiersPh_${key}` as MessageKey, { example: values[key] ?? '' })}</span>
                  </li>
                );
              })}
            </ul>
          </div>
          <div class="wide remarks-preview" aria-live="polite">
            <p class="muted">{t('tiersPreview', { name: sample.name })}</p>
            <p class="preview-text">{preview.text || t('tiersPreviewEmpty')}</p>
            <p class={preview.cut > 0 ? 'error' : 'muted'}>
              {t('tiersPreviewCount', { count: preview.text.length + preview.cut, limit: REMARKS_LIMIT })}
              {preview.cut > 0 && ` · ${t('tiersPreviewCut', { limit: REMARKS_LIMIT, cut: preview.cut })}`}
              {preview.unfilled.length > 0 && ` · ${t('tiersPreviewUnfilled', { list: preview.unfilled.join('、') })}`}
            </p>
          </div>
          <Field id="tier-email" label={t('tiersDeliveryEmail')} findings={at('deliveryEmail')} locale={locale}>
            {(control) => (
              <input
                {...control}
                inputMode="email"
                autoComplete="off"
                maxLength={200}
                value={draft.deliveryEmail}
                onInput={(e) => set('deliveryEmail', e.currentTarget.value)}
              />
            )}
          </Field>
          <Field id="tier-mobile" label={t('tiersDeliveryMobile')} findings={at('deliveryMobile')} locale={locale}>
            {(control) => (
              <input
                {...control}
                inputMode="tel"
                autoComplete="off"
                maxLength={30}
                value={draft.deliveryMobile}
                onInput={(e) => set('deliveryMobile', e.currentTarget.value)}
              />
            )}
          </Field>
        </div>
        <div class="actions">
          <span />
          <button type="submit" class="primary" aria-keyshortcuts="Control+S" title="Ctrl+S">
            {t('tiersSaveDefaults')}
          </button>
        </div>
      </form>
    </section>
  );
}
