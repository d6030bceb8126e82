import { draftField, type QuickDraft } from '../lib/domain/draft';
import type { Finding } from '../lib/domain/findings';
import { CUSTOMER_KINDS, INVOICE_CHOICES } from '../lib/domain/vocabulary';
import type { Locale, MessageKey, Translate } from '../lib/i18n/messages';
import { Field } from './Field';
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
      <Field id="f-kind" label={t('field_kind')} locale={locale}>
        {(control) => (
          <select
            {...control}
            value={draft.kind}
            onChange={(e) => set('kind', e.currentTarget.value as QuickDraft['kind'])}
          >
            {CUSTOMER_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kind_${k}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field id="f-invoiceType" label={t('field_invoiceType')} findings={about('invoiceType')} locale={locale}>
        {(control) => (
          <select
            {...control}
            value={draft.invoiceType}
            onChange={(e) => set('invoiceType', e.currentTarget.value as QuickDraft['invoiceType'])}
          >
            {INVOICE_CHOICES.map((v) => (
              <option key={v} value={v}>
                {t(`invoice_${v || 'none'}`)}
              </option>
            ))}
          </select>
        )}
      </Field>
    </div>
  );
}
