import { useState } from 'preact/hooks';
import { defaultEntry } from '../../lib/domain/billing';
import { BUYER_FIELDS, type BuyerField } from '../../lib/domain/buyer';
import type { Customer } from '../../lib/domain/customer';
import type { MessageKey, Translate } from '../../lib/i18n/messages';

/** The chosen customer's fields, each with a button that copies it (for portals Taitou cannot fill). */
export function CopyFields({ customer, t }: { customer: Customer; t: Translate }) {
  const [copied, setCopied] = useState('');
  const values = { name: customer.name, taxId: customer.taxId, ...defaultEntry(customer) };
  const copy = async (field: BuyerField) => {
    await navigator.clipboard.writeText(values[field]);
    setCopied(t('copied', { field: t(`field_${field}` as MessageKey) }));
  };
  return (
    <section class="copy-fields" aria-label={customer.name}>
      <ul>
        {BUYER_FIELDS.filter((f) => values[f]).map((field) => {
          const label = t(`field_${field}` as MessageKey);
          return (
            <li key={field}>
              <span class="label">{label}</span>
              <span>{values[field]}</span>
              <button type="button" aria-label={t('copy', { field: label })} onClick={() => copy(field)}>
                {t('copyShort')}
              </button>
            </li>
          );
        })}
      </ul>
      <p class="sr-status" aria-live="polite">
        {copied}
      </p>
    </section>
  );
}
