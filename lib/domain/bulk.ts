import type { Customer } from './customer';
import { normalizeText } from './normalize';

/** What the manager page does to many customers at once; each change is audited and undone as one batch. */
export type BulkAction =
  | { kind: 'delete' }
  | { kind: 'verify'; by: string }
  | { kind: 'tier'; tier: string }
  | { kind: 'tag'; tag: string }
  | { kind: 'untag'; tag: string };

/** The customer after the action; null when it is deleted, the same object when nothing changes. */
export function applyAction(customer: Customer, action: BulkAction, now: number): Customer | null {
  switch (action.kind) {
    case 'delete':
      return null;
    case 'verify':
      return customer.review.status === 'verified'
        ? customer
        : { ...customer, review: { status: 'verified', by: normalizeText(action.by), at: now } };
    case 'tier': {
      const tier = normalizeText(action.tier);
      return tier === customer.tier ? customer : { ...customer, tier };
    }
    case 'tag': {
      const tag = normalizeText(action.tag);
      return !tag || customer.tags.includes(tag) ? customer : { ...customer, tags: [...customer.tags, tag] };
    }
    case 'untag':
      return customer.tags.includes(action.tag)
        ? { ...customer, tags: customer.tags.filter((t) => t !== action.tag) }
        : customer;
  }
}
