import { draftField, type QuickDraft } from '../lib/domain/draft';
import type { Finding } from '../lib/domain/findings';
import { CUSTOMER_KINDS, INVOICE_CHOICES } from '../lib/domain/vocabulary';
import type { Locale, MessageKey, Translate } from '../lib/i18n/messages';
import { ChoiceField, Field } from './Field';
import './form.css';

type TextField = Exclude<keyof QuickDraft, 'kind' | 'invoiceType'>;
const TEXT_FIELDS: { key: TextField; type?: string; inputMode?: 'numeric' | 'tel' | 'email' }[] = [
  { key: 'name' },
  { key: 'taxId' },
  { key: 'address' },
  { key: 'phone', inputMode: 'tel' },
  { key: 'bankName' },
  { key: 'bankAccount', inputMode: 'numeric' },
  { key: 'email', type: 'email', inputMode: 'email' },
  { key: 'mobile', inputMode: 'tel' },
];

interface Props {
  draft: QuickDraft;
  findings: readonly Finding[];
  locale: Locale;
  t: Translate;
  onChange(draft: QuickDraft): void;
}

/** A customer's fields with what validation says under each one. */
export function CustomerForm({ draft, findings, locale, t, onChange }: Props) {
  const about = (key: keyof QuickDraft) => findings.filter((f) => draftField(f) === key);
  const set = <K extends keyof QuickDraft>(key: K, value: QuickDraft[K]) => onChange({ ...draft, [key]: value });

  return (
    <div class="customer-form">
      {TEXT_FIELDS.map(({ key, type, inputMode }) => (
        <Field key={key} id={`f-${key}`} label={t(`field_${key}` as MessageKey)} findings={about(key)} locale={locale}>
          {(control) => (
            <input
              {...control}
              name={key}
              type={type ?? 'text'}
              inputMode={inputMode}
              value={draft[key]}
              required={key === 'name'}
              autoComplete="off"
              onInput={(e) => set(key, e.currentTarget.value)}
            />
          )}
        </Field>
      ))}
      <ChoiceField
        id="f-kind"
        label={t('field_kind')}
        value={draft.kind}
        options={CUSTOMER_KINDS}
        name={(k) => t(`kind_${k}`)}
        locale={locale}
        onChange={(k) => set('kind', k)}
      />
      <ChoiceField
        id="f-invoiceType"
        label={t('field_invoiceType')}
        value={draft.invoiceType}
        options={INVOICE_CHOICES}
        name={(v) => t(`invoice_${v || 'none'}`)}
        findings={about('invoiceType')}
        locale={locale}
        onChange={(v) => set('invoiceType', v)}
      />
    </div>
  );
}
