import { useState } from 'preact/hooks';
import type { CustomerDraft } from '../lib/domain/customer';
import { addEntry, changeEntry, parseCreditAmount, parseTags, removeEntry, unverify, verify } from '../lib/domain/edit';
import type { Finding } from '../lib/domain/findings';
import { CREDIT_PERIODS, CUSTOMER_KINDS, INVOICE_CHOICES, REVIEW_STATUSES } from '../lib/domain/vocabulary';
import type { Locale, Translate } from '../lib/i18n/messages';
import { EntryFields } from './EntryFields';
import { ChoiceField, Field } from './Field';
import { tierLabel } from './tier';
import './form.css';

interface Props {
  draft: CustomerDraft;
  findings: readonly Finding[];
  /** Every tier in the book, so a tier the user named can be chosen again. */
  tiers: readonly string[];
  locale: Locale;
  t: Translate;
  onChange(draft: CustomerDraft): void;
}

type Text = 'name' | 'taxId' | 'contact' | 'email' | 'mobile';
/** The lengths the book takes (CustomerInputSchema), so a field never holds more than a save can store. */
const MAX: Record<Text | 'reviewer' | 'notes', number> = {
  name: 300,
  taxId: 20,
  contact: 60,
  email: 200,
  mobile: 30,
  reviewer: 60,
  notes: 5000,
};
const CONTACTS: { key: Text; inputMode?: 'tel' | 'email' }[] = [
  { key: 'contact' },
  { key: 'mobile', inputMode: 'tel' },
  { key: 'email', inputMode: 'email' },
];

/**
 * Every field of one customer: who it is, its address-and-bank entries (one default), invoice defaults, tier, tags,
 * credit limit, notes and review. Tags and the limit keep the clerk's text while typing; the draft gets the parsed
 * value (an amount that is not one becomes NaN, which validation reports).
 */
export function EditForm({ draft, findings, tiers, locale, t, onChange }: Props) {
  const [tagsText, setTagsText] = useState(draft.tags.join('，'));
  const [creditText, setCreditText] = useState(draft.creditLimit ? String(draft.creditLimit.amount) : '');
  const [period, setPeriod] = useState(draft.creditLimit?.period ?? 'month');
  const at = (path: string) => findings.filter((f) => f.field === path);
  const set = <K extends keyof CustomerDraft>(key: K, value: CustomerDraft[K]) => onChange({ ...draft, [key]: value });
  const setCredit = (text: string, p: typeof period) => {
    setCreditText(text);
    setPeriod(p);
    const amount = parseCreditAmount(text);
    set('creditLimit', amount === null ? null : { amount, period: p });
  };
  const text = (key: Text, inputMode?: 'tel' | 'email', wide = false) => (
    <Field
      key={key}
      id={`e-${key}`}
      label={t(`field_${key}`)}
      findings={at(key)}
      locale={locale}
      class={wide ? 'wide' : undefined}
    >
      {(control) => (
        <input
          {...control}
          inputMode={inputMode}
          autoComplete="off"
          required={key === 'name'}
          maxLength={MAX[key]}
          value={draft[key]}
          onInput={(e) => set(key, e.currentTarget.value)}
        />
      )}
    </Field>
  );
  const times = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const tierChoices = [...new Set(['normal', 'vip', ...tiers, draft.tier])];

  return (
    <div class="customer-form edit-form">
      {text('name', undefined, true)}
      {text('taxId')}
      <ChoiceField
        id="e-kind"
        label={t('field_kind')}
        value={draft.kind}
        options={CUSTOMER_KINDS}
        name={(k) => t(`kind_${k}`)}
        locale={locale}
        onChange={(k) => set('kind', k)}
      />
      {CONTACTS.map(({ key, inputMode }) => text(key, inputMode))}

      <h3 class="wide">{t('entriesTitle')}</h3>
      {draft.entries.map((entry, index) => (
        <EntryFields
          key={entry.id}
          entry={entry}
          index={index}
          isDefault={entry.id === draft.defaultEntryId}
          removable={draft.entries.length > 1}
          findings={findings}
          locale={locale}
          t={t}
          onChange={(patch) => onChange(changeEntry(draft, entry.id, patch))}
          onMakeDefault={() => set('defaultEntryId', entry.id)}
          onRemove={() => {
            onChange(removeEntry(draft, entry.id));
            document.getElementById('e-add-entry')?.focus(); // the removed button took the focus with it
          }}
        />
      ))}
      <button type="button" id="e-add-entry" class="link wide" onClick={() => onChange(addEntry(draft))}>
        {t('entryAdd')}
      </button>

      <h3 class="wide">{t('defaultsTitle')}</h3>
      <ChoiceField
        id="e-invoiceType"
        label={t('field_invoiceType')}
        value={draft.invoiceDefaults.type ?? ''}
        options={INVOICE_CHOICES}
        name={(v) => t(`invoice_${v || 'none'}`)}
        findings={at('invoiceDefaults.type')}
        locale={locale}
        onChange={(v) => set('invoiceDefaults', { ...draft.invoiceDefaults, type: v || null })}
      />
      <ChoiceField
        id="e-tier"
        label={t('column_tier')}
        value={draft.tier}
        options={tierChoices}
        name={(tier) => tierLabel(tier, t)}
        locale={locale}
        onChange={(tier) => set('tier', tier)}
      />
      <Field id="e-remarks" label={t('field_remarks')} locale={locale} class="wide">
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={230}
            value={draft.invoiceDefaults.remarks}
            onInput={(e) => set('invoiceDefaults', { ...draft.invoiceDefaults, remarks: e.currentTarget.value })}
          />
        )}
      </Field>
      <Field id="e-credit" label={t('field_creditLimit')} findings={at('creditLimit')} locale={locale}>
        {(control) => (
          <input
            {...control}
            inputMode="decimal"
            autoComplete="off"
            placeholder={t('creditNone')}
            value={creditText}
            onInput={(e) => setCredit(e.currentTarget.value, period)}
          />
        )}
      </Field>
      <ChoiceField
        id="e-period"
        label={t('field_creditPeriod')}
        value={period}
        options={CREDIT_PERIODS}
        name={(p) => t(`period_${p}`)}
        locale={locale}
        onChange={(p) => setCredit(creditText, p)}
      />
      <Field id="e-tags" label={t('field_tags')} findings={at('tags')} locale={locale} class="wide">
        {(control) => (
          <input
            {...control}
            autoComplete="off"
            placeholder={t('tagsHint')}
            value={tagsText}
            onInput={(e) => {
              setTagsText(e.currentTarget.value);
              set('tags', parseTags(e.currentTarget.value));
            }}
          />
        )}
      </Field>
      <Field id="e-notes" label={t('field_notes')} locale={locale} class="wide">
        {(control) => (
          <textarea
            {...control}
            rows={3}
            maxLength={MAX.notes}
            value={draft.notes}
            onInput={(e) => set('notes', e.currentTarget.value)}
          />
        )}
      </Field>

      <h3 class="wide">{t('reviewTitle')}</h3>
      <ChoiceField
        id="e-review"
        label={t('column_review')}
        value={draft.review.status}
        options={REVIEW_STATUSES}
        name={(status) => t(status === 'verified' ? 'verified' : 'pendingReview')}
        locale={locale}
        onChange={(status) =>
          onChange(status === 'verified' ? verify(draft, draft.review.by, Date.now()) : unverify(draft))
        }
      />
      <Field id="e-reviewer" label={t('field_reviewer')} locale={locale}>
        {(control) => (
          <input
            {...control}
            autoComplete="off"
            maxLength={MAX.reviewer}
            value={draft.review.by}
            onInput={(e) => set('review', { ...draft.review, by: e.currentTarget.value })}
          />
        )}
      </Field>
      <p class="wide review-line">
        <span>{draft.review.at ? t('reviewedAt', { at: times.format(draft.review.at) }) : t('neverReviewed')}</span>
        <button type="button" class="link" onClick={() => onChange(verify(draft, draft.review.by, Date.now()))}>
          {t('verifyToday')}
        </button>
      </p>
    </div>
  );
}
