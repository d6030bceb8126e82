import type { Customer } from '../lib/domain/customer';
import { validateCustomer } from '../lib/domain/validate';
import type { Translate } from '../lib/i18n/messages';

interface Props {
  customers: Customer[];
  label: string;
  selected: number;
  t: Translate;
  onPick?: (customer: Customer) => void;
}

function badges(customer: Customer, t: Translate): string[] {
  const findings = validateCustomer(customer);
  const out: string[] = [];
  if (customer.tier === 'vip') out.push(t('tierVip'));
  if (findings.some((f) => f.severity === 'error' && f.code !== 'special.incomplete')) out.push(t('warnInvalid'));
  if (findings.some((f) => f.code === 'special.incomplete')) out.push(t('warnIncomplete'));
  if (customer.review.status === 'pending') out.push(t('pendingReview'));
  return out;
}

/** A listbox of customers; the parent owns the selection so the search box keeps focus (aria-activedescendant). */
export function CustomerList({ customers, label, selected, t, onPick }: Props) {
  return (
    <div class="customer-list" role="listbox" id="customer-list" aria-label={label}>
      {customers.map((c, i) => (
        // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled by the search box that owns the listbox
        <div
          key={c.id}
          id={`customer-${i}`}
          role="option"
          tabIndex={-1}
          aria-selected={i === selected}
          class={i === selected ? 'selected' : undefined}
          onClick={() => onPick?.(c)}
        >
          <span class="name">{c.name}</span>
          <span class="tax-id">{c.taxId || t('taxIdNone')}</span>
          {badges(c, t).map((b) => (
            <span key={b} class="badge">
              {b}
            </span>
          ))}
        </div>
      ))}
    </div>
  );
}
