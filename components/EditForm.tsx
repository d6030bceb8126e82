import type { ComponentChildren } from 'preact';
import { useMemo, useState } from 'preact/hooks';
import { yuan } from '../lib/analytics/format';
import type { CreditReading } from '../lib/db/credit';
import type { CustomerDraft } from '../lib/domain/customer';
import { addEntry, changeEntry, parseCreditAmount, parseTags, removeEntry, unverify, verify } from '../lib/domain/edit';
import type { Finding } from '../lib/domain/findings';
import { type DefaultSource, effectiveDefaults, REMARKS_LIMIT, type Tier } from '../lib/domain/tiers';
import {
  CREDIT_PERIODS,
  CUSTOMER_KINDS,
  INVOICE_CHOICES,
  NO_INVOICE_DEFAULTS,
  REVIEW_STATUSES,
} from '../lib/domain/vocabulary';
import type { Locale, MessageKey, Translate } from '../lib/i18n/messages';
import { flagOf, SHOW_CHOICES, showChoiceOf, tierIds } from '../lib/manager/tier-list';
import { EntryFields } from './EntryFields';
import { ChoiceField, type ControlProps, Field } from './Field';
import { tierLabel } from './tier';
import './form.css';

interface Props {
  draft: CustomerDraft;
  findings: readonly Finding[];
  /** Every tier customers hold, so a tier no one defined can be chosen again. */
  tiers: readonly string[];
  /** The tiers defined, with their invoice defaults: what applies where the customer sets nothing. */
  defined: readonly Tier[];
  /** The customer's credit against the limit in the form (null while unknown or when there is none to show). */
  credit: CreditReading | null;
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
export function EditForm({ draft, findings, tiers, defined, credit, locale, t, onChange }: Props) {
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
  const tierChoices = tierIds(defined, [...tiers, draft.tier]);
  // What applies to each default the customer leaves unset: its tier's, or its contact details.
  const inherited = useMemo(
    () =>
      effectiveDefaults(
        { tier: draft.tier, email: draft.email, mobile: draft.mobile, invoiceDefaults: NO_INVOICE_DEFAULTS },
        defined,
      ),
    [draft.tier, draft.email, draft.mobile, defined],
  );
  const tierName = tierLabel(draft.tier, t);
  const applies = (from: DefaultSource, value: string, nothing: MessageKey) =>
    from === 'tier'
      ? t('tiersApplies', { tier: tierName, value })
      : from === 'contact'
        ? t('tiersAppliesContact', { value })
        : t('tiersAppliesNothing', { tier: tierName, value: t(nothing) });
  const own = draft.invoiceDefaults;
  const setOwn = (patch: Partial<CustomerDraft['invoiceDefaults']>) => set('invoiceDefaults', { ...own, ...patch });

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
        id="e-tier"
        label={t('column_tier')}
        value={draft.tier}
        options={tierChoices}
        name={(tier) => tierLabel(tier, t)}
        locale={locale}
        onChange={(tier) => set('tier', tier)}
      />
      <Hinted
        id="e-invoiceType"
        label={t('field_invoiceType')}
        hint={applies(
          inherited.from.invoiceType,
          inherited.invoiceType ? t(`invoice_${inherited.invoiceType}`) : '',
          'tiersChooseAtIssue',
        )}
        findings={at('invoiceDefaults.type')}
        locale={locale}
      >
        {(control) => (
          <select
            {...control}
            value={own.type ?? ''}
            onChange={(e) => setOwn({ type: (e.currentTarget.value || null) as typeof own.type })}
          >
            {INVOICE_CHOICES.map((v) => (
              <option key={v} value={v}>
                {v ? t(`invoice_${v}`) : t('tiersFollow')}
              </option>
            ))}
          </select>
        )}
      </Hinted>
      <Hinted
        id="e-remarks"
        label={t('field_remarks')}
        hint={applies(inherited.from.remarks, inherited.remarks, 'tiersLeaveBlank')}
        findings={at('invoiceDefaults.remarks')}
        locale={locale}
        class="wide"
      >
        {(control) => (
          <textarea
            {...control}
            rows={2}
            maxLength={REMARKS_LIMIT}
            value={own.remarks}
            onInput={(e) => setOwn({ remarks: e.currentTarget.value })}
          />
        )}
      </Hinted>
      <Hinted
        id="e-deliveryEmail"
        label={t('tiersDeliveryEmail')}
        hint={applies(inherited.from.deliveryEmail, inherited.deliveryEmail, 'tiersLeaveBlank')}
        findings={at('invoiceDefaults.deliveryEmail')}
        locale={locale}
      >
        {(control) => (
          <input
            {...control}
            inputMode="email"
            autoComplete="off"
            maxLength={200}
            value={own.deliveryEmail}
            onInput={(e) => setOwn({ deliveryEmail: e.currentTarget.value })}
          />
        )}
      </Hinted>
      <Hinted
        id="e-deliveryMobile"
        label={t('tiersDeliveryMobile')}
        hint={applies(inherited.from.deliveryMobile, inherited.deliveryMobile, 'tiersLeaveBlank')}
        findings={at('invoiceDefaults.deliveryMobile')}
        locale={locale}
      >
        {(control) => (
          <input
            {...control}
            inputMode="tel"
            autoComplete="off"
            maxLength={30}
            value={own.deliveryMobile}
            onInput={(e) => setOwn({ deliveryMobile: e.currentTarget.value })}
          />
        )}
      </Hinted>
      <Hinted
        id="e-showAddressBank"
        label={t('tiersShowAddressBank')}
        hint={applies(
          inherited.from.showAddressBank,
          t(`tiersShow_${showChoiceOf(inherited.showAddressBank)}` as MessageKey),
          'tiersLeavePage',
        )}
        locale={locale}
        class="wide"
      >
        {(control) => (
          <select
            {...control}
            value={showChoiceOf(own.showAddressBank)}
            onChange={(e) =>
              setOwn({ showAddressBank: flagOf(e.currentTarget.value as (typeof SHOW_CHOICES)[number]) })
            }
          >
            {SHOW_CHOICES.map((v) => (
              <option key={v} value={v}>
                {v ? t(`tiersShow_${v}`) : t('tiersFollow')}
              </option>
            ))}
          </select>
        )}
      </Hinted>
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
      {credit && credit.limit !== null && <CreditLine credit={credit} t={t} />}
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

interface HintedProps {
  id: string;
  label: string;
  /** What applies while the field is left unset; read out with the control. */
  hint: string;
  findings?: readonly Finding[];
  locale: Locale;
  class?: string;
  children(control: ControlProps): ComponentChildren;
}

/** A field with a line under it saying what applies when it is left unset. */
function Hinted({ id, label, hint, findings, locale, class: className, children }: HintedProps) {
  const hintId = `${id}-hint`;
  return (
    <Field id={id} label={label} findings={findings} locale={locale} class={className}>
      {(control) => (
        <>
          {children({
            ...control,
            'aria-describedby': [hintId, control['aria-describedby']].filter(Boolean).join(' '),
          })}
          <p class="hint" id={hintId}>
            {hint}
          </p>
        </>
      )}
    </Field>
  );
}

/** The running total of the limit's period against the limit, with its level in words (not by colour alone). */
function CreditLine({ credit, t }: { credit: CreditReading; t: Translate }) {
  const level = credit.level === 'none' ? 'ok' : credit.level;
  const percent = credit.percent ?? 0;
  const remaining = credit.remaining ?? 0;
  return (
    <p class={`wide credit-line credit-${level}`} aria-live="polite">
      <span class="badge">{t(`customerCreditLevel_${level}`)}</span>{' '}
      {t('customerCreditLine', {
        period: t(`customerCreditPeriod_${credit.period ?? 'total'}`),
        used: yuan(credit.used),
        limit: yuan(credit.limit ?? 0),
      })}
      {' · '}
      {remaining < 0
        ? t('customerCreditOver', { over: yuan(-remaining), percent })
        : t('customerCreditRemaining', { remaining: yuan(remaining), percent })}
      {credit.unreadable.length > 0 && ` · ${t('customerCreditUnreadable', { count: credit.unreadable.length })}`}
    </p>
  );
}
