import type { BillingEntry } from '../lib/domain/customer';
import type { Finding } from '../lib/domain/findings';
import type { Locale, Translate } from '../lib/i18n/messages';
import { Field, Findings } from './Field';

/** The entry's text fields, with the lengths the book takes (BillingEntrySchema). */
const TEXTS = [
  { key: 'label', inputMode: undefined, max: 60 },
  { key: 'address', inputMode: undefined, max: 300 },
  { key: 'phone', inputMode: 'tel', max: 60 },
  { key: 'bankName', inputMode: undefined, max: 120 },
  { key: 'bankAccount', inputMode: 'numeric', max: 50 },
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
  const notes = `e-${entry.id}-msg`;
  return (
    <fieldset class="entry" aria-describedby={whole.length > 0 ? notes : undefined}>
      <legend>{legend}</legend>
      <div class="entry-head">
        <label>
          <input type="radio" name="default-entry" checked={isDefault} onChange={onMakeDefault} />
          {t('entryDefault')}
        </label>
        {removable && (
          <button type="button" class="link danger" onClick={onRemove}>
            {t('entryRemove', { n: index + 1 })}
          </button>
        )}
      </div>
      <Findings id={notes} findings={whole} locale={locale} />
      {TEXTS.map(({ key, inputMode, max }) => (
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
              maxLength={max}
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
