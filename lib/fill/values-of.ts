import { defaultEntry } from '../domain/billing';
import { type CreditState, chinaDay } from '../domain/credit';
import type { Customer } from '../domain/customer';
import { effectiveDefaults, fillRemarks, remarkValues, type Tier, TiersSchema } from '../domain/tiers';
import type { CreditNote, FillNotes } from './notes';
import type { FillValues } from './values';

// Apart from values.ts because it needs the customer schema module, which must stay out of the content script.

/** What a fill's values depend on besides the customer: the tiers with their defaults, and the day (China time). */
export interface FillContext {
  tiers?: readonly Tier[];
  /** 'YYYY-MM-DD'; today in China when left out. */
  today?: string;
  /** The entry (address and bank) to fill; the default one when left out or unknown. */
  entryId?: string;
}

const BUILT_IN_TIERS = TiersSchema.parse([]);

/** The remarks of a customer for `today`: its own template, else its tier's, filled in (see fillRemarks). */
function remarksOf(customer: Customer, context: FillContext) {
  const defaults = effectiveDefaults(customer, context.tiers ?? BUILT_IN_TIERS);
  const today = context.today ?? chinaDay(Date.now());
  return { defaults, ...fillRemarks(defaults.remarks, remarkValues(customer, today)) };
}

/**
 * The values of a customer with one of its address/bank entries (the default unless `entryId` names another) and
 * its invoice defaults as they apply (the customer's own, else its tier's): invoice type, remarks filled in for
 * today, delivery email and mobile (the contact's when no default says otherwise), whether to show address and bank.
 */
export function fillValuesOf(customer: Customer, entryId?: string, context: FillContext = {}): FillValues {
  const entry = customer.entries.find((e) => e.id === entryId) ?? defaultEntry(customer);
  const { defaults, text } = remarksOf(customer, context);
  return {
    customerId: customer.id,
    name: customer.name,
    taxId: customer.taxId,
    address: entry.address,
    phone: entry.phone,
    bankName: entry.bankName,
    bankAccount: entry.bankAccount,
    email: defaults.deliveryEmail,
    mobile: defaults.deliveryMobile,
    naturalPerson: customer.kind === 'naturalPerson',
    invoiceType: defaults.invoiceType,
    remarks: text,
    showAddressBank: defaults.showAddressBank,
  };
}

/** A credit state as a fill tells it: only near the limit or beyond; nothing for ok or no limit. */
export function creditNoteOf(
  state: Pick<CreditState, 'level' | 'period' | 'limit' | 'used' | 'remaining' | 'percent'>,
) {
  const { level, period, limit, used, remaining, percent } = state;
  if ((level !== 'near' && level !== 'at' && level !== 'over') || period === null || limit === null) return undefined;
  return {
    level,
    period,
    limit,
    used,
    remaining: remaining ?? limit - used,
    percent: percent ?? 0,
  } satisfies CreditNote;
}

/**
 * The notes that go with a customer's fill: placeholders its remarks left for the clerk, characters cut at the
 * limit, and its credit when near or over. Undefined when there is nothing to say.
 */
export function fillNotesOf(
  customer: Customer,
  context: FillContext = {},
  credit?: Parameters<typeof creditNoteOf>[0],
): FillNotes | undefined {
  const { unfilled, cut } = remarksOf(customer, context);
  const note = credit ? creditNoteOf(credit) : undefined;
  const notes: FillNotes = {
    ...(unfilled.length > 0 ? { remarksUnfilled: unfilled } : {}),
    ...(cut > 0 ? { remarksCut: cut } : {}),
    ...(note ? { credit: note } : {}),
  };
  return Object.keys(notes).length > 0 ? notes : undefined;
}
