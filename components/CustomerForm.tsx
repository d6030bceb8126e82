import { draftField, type QuickDraft } from '../lib/domain/draft';
import type { Finding } from '../lib/domain/findings';
import { CUSTOMER_KINDS } from '../lib/domain/vocabulary';
import type { Locale, MessageKey, Translate } from '../lib/i18n/messages';
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
const INVOICE_TYPES = ['', 'normal', 'special'] as const;

interface Props {
  draft: QuickDraft;
  findings: readonly Finding[];
  locale: Locale;
  t: Translate;
  onChange(draft: QuickDraft): void;
}

/** A customer's fields with what validation says under each one (linked with aria-describedby). */
export function CustomerForm({ draft, findings, locale, t, onChange }: Props) {
  const about = (key: keyof QuickDraft) => findings.filter((f) => draftField(f) === key);
  const set = <K extends keyof QuickDraft>(key: K, value: QuickDraft[K]) => onChange({ ...draft, [key]: value });
  const messages = (key: keyof QuickDraft) => {
    const list = about(key);
    return list.length === 0 ? null : (
      <ul class="findings" id={`f-${key}-msg`}>
        {list.map((f) => (
          <li key={f.code} class={f.severity}>
            {f.message[locale]}
          </li>
        ))}
      </ul>
    );
  };
  const described = (key: keyof QuickDraft) => ({
    'aria-invalid': about(key).some((f) => f.severity === 'error'),
    'aria-describedby': about(key).length > 0 ? `f-${key}-msg` : undefined,
  });

  return (
    <div class="customer-form">
      {TEXT_FIELDS.map(({ key, type, inputMode }) => (
        <div class="field" key={key}>
          <label for={`f-${key}`}>{t(`field_${key}` as MessageKey)}</label>
          <input
            id={`f-${key}`}
            name={key}
            type={type ?? 'text'}
            inputMode={inputMode}
            value={draft[key]}
            required={key === 'name'}
            autoComplete="off"
            {...described(key)}
            onInput={(e) => set(key, e.currentTarget.value)}
          />
          {messages(key)}
        </div>
      ))}
      <div class="field">
        <label for="f-kind">{t('field_kind')}</label>
        <select
          id="f-kind"
          value={draft.kind}
          onChange={(e) => set('kind', e.currentTarget.value as QuickDraft['kind'])}
        >
          {CUSTOMER_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`kind_${k}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="field">
        <label for="f-invoiceType">{t('field_invoiceType')}</label>
        <select
          id="f-invoiceType"
          value={draft.invoiceType}
          {...described('invoiceType')}
          onChange={(e) => set('invoiceType', e.currentTarget.value as QuickDraft['invoiceType'])}
        >
          {INVOICE_TYPES.map((v) => (
            <option key={v} value={v}>
              {t(`invoice_${v || 'none'}`)}
            </option>
          ))}
        </select>
        {messages('invoiceType')}
      </div>
    </div>
  );
}
