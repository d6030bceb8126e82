import type { BillingEntry } from '../lib/domain/customer';
import type { Finding } from '../lib/domain/findings';
import type { Locale, Translate } from '../lib/i18n/messages';
import { Field } from './Field';

const TEXTS = [
  { key: 'label', inputMode: undefined },
  { key: 'address', inputMode: undefined },
  { key: 'phone', inputMode: 'tel' },
  { key: 'bankName', inputMode: undefined },
  { key: 'bankAccount', inputMode: 'numeric' },
] as const;

interface Props {
  entry: BillingEntry;
  index: number;
  isDefault: boolean;
  /** Whether it may be removed (a customer keeps at least one entry). */
  removable: boolean;
  findings: readonly Finding[];
  locale: Locale;
  t: Translate;
  onChange(patch: Partial<Omit<BillingEntry, 'id'>>): void;
  onMakeDefault(): void;
  onRemove(): void;
}

/** One address-phone-bank-account set of a customer, in its own group with a choice to make it the default. */
export function EntryFields({
  entry,
  index,
  isDefault,
  removable,
  findings,
  locale,
  t,
  onChange,
  onMakeDefault,
  onRemove,
}: Props) {
  const path = `entries.${index}`;
  const whole = findings.filter((f) => f.field === path);
  const legend = t('entryTitle', { n: index + 1 });
  return (
    <fieldset class="entry">
      <legend>{legend}</legend>
      <div class="entry-head">
        <label>
          <input type="radio" name="default-entry" checked={isDefault} onChange={onMakeDefault} />
          {t('entryDefault')}
        </label>
        {removable && (
          <button
            type="button"
            class="link danger"
            aria-label={t('entryRemoveLabel', { n: index + 1 })}
            onClick={onRemove}
          >
            {t('entryRemove')}
          </button>
        )}
      </div>
      {whole.length > 0 && (
        <ul class="findings">
          {whole.map((f) => (
            <li key={f.code} class={f.severity}>
              {f.message[locale]}
            </li>
          ))}
        </ul>
      )}
      {TEXTS.map(({ key, inputMode }) => (
        <Field
          key={key}
          id={`e-${entry.id}-${key}`}
          label={t(key === 'label' ? 'entryLabel' : `field_${key}`)}
          findings={findings.filter((f) => f.field === `${path}.${key}`)}
          locale={locale}
          class={key === 'address' || key === 'label' ? 'wide' : undefined}
        >
          {(control) => (
            <input
              {...control}
              inputMode={inputMode}
              autoComplete="off"
              value={entry[key]}
              onInput={(e) => onChange({ [key]: e.currentTarget.value })}
            />
          )}
        </Field>
      ))}
    </fieldset>
  );
}
