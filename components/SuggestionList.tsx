import type { Customer } from '../lib/domain/customer';
import { validateCustomer } from '../lib/domain/validate';
import { creditSummary } from '../lib/fill/notes';
import type { Translate } from '../lib/i18n/messages';
import type { CreditView } from '../lib/messaging/protocol';
import './suggestion-list.css';

interface Props {
  customers: Customer[];
  /** The credit of the customers that have a limit, by id (page:credit); missing ones show no credit badge. */
  credit: Readonly<Record<string, CreditView>>;
  label: string;
  selected: number;
  t: Translate;
  onPick?: (customer: Customer) => void;
}

/** A customer's warnings as badges; a VIP customer has its own mark before the name instead. */
function badges(customer: Customer, t: Translate): string[] {
  const findings = validateCustomer(customer);
  const out: string[] = [];
  if (findings.some((f) => f.severity === 'error' && f.code !== 'special.incomplete')) out.push(t('warnInvalid'));
  if (findings.some((f) => f.code === 'special.incomplete')) out.push(t('warnIncomplete'));
  if (customer.review.status === 'pending') out.push(t('pendingReview'));
  return out;
}

function CreditBadge({ view, t }: { view: CreditView | undefined; t: Translate }) {
  if (!view || view.level === 'ok') return null;
  return (
    <span class={`credit credit-${view.level}`} title={creditSummary(view, t)}>
      {t(`creditBadge_${view.level}`)}
    </span>
  );
}

/**
 * The suggestions of the inline list and the popup: a listbox of customers (the parent owns the selection so the
 * search box keeps focus) in which a VIP customer stands out and a customer near, at or over its credit limit
 * carries a badge saying so, with where it stands in the badge's title.
 */
export function SuggestionList({ customers, credit, label, selected, t, onPick }: Props) {
  return (
    <div class="customer-list" role="listbox" id="customer-list" aria-label={label}>
      {customers.map((c, i) => {
        const vip = c.tier === 'vip';
        const classes = [i === selected ? 'selected' : '', vip ? 'vip' : ''].filter(Boolean).join(' ');
        return (
          // biome-ignore lint/a11y/useKeyWithClickEvents: keys are handled by the search box that owns the listbox
          <div
            key={c.id}
            id={`customer-${i}`}
            role="option"
            tabIndex={-1}
            aria-selected={i === selected}
            class={classes || undefined}
            onClick={() => onPick?.(c)}
          >
            <span class="title">
              {vip && (
                <span class="vip-mark" title={t('vipMark')}>
                  {t('tierVip')}
                </span>
              )}
              <span class="name">{c.name}</span>
            </span>
            <span class="tax-id">{c.taxId || t('taxIdNone')}</span>
            <CreditBadge view={credit[c.id]} t={t} />
            {badges(c, t).map((b) => (
              <span key={b} class="badge">
                {b}
              </span>
            ))}
          </div>
        );
      })}
    </div>
  );
}
