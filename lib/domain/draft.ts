import type { BuyerDetails } from './buyer';
import type { CustomerDraft, CustomerInput } from './customer';
import type { Finding } from './findings';
import { NO_INVOICE_DEFAULTS } from './vocabulary';

/** What the quick-add form edits: one customer with a single address-and-bank entry, every value a string. */
export interface QuickDraft extends BuyerDetails {
  kind: CustomerDraft['kind'];
  email: string;
  mobile: string;
  /** '' leaves the invoice type to the clerk at issue time. */
  invoiceType: '' | 'normal' | 'special';
}

export const EMPTY_DRAFT: QuickDraft = {
  name: '',
  taxId: '',
  kind: 'company',
  address: '',
  phone: '',
  bankName: '',
  bankAccount: '',
  email: '',
  mobile: '',
  invoiceType: '',
};

const ENTRY_ID = 'main';

/** The customer the form describes, as the book takes it. */
export function inputOfDraft(d: QuickDraft, source: 'manual' | 'paste') {
  const { address, phone, bankName, bankAccount } = d;
  return {
    name: d.name,
    taxId: d.taxId,
    kind: d.kind,
    entries: [{ id: ENTRY_ID, address, phone, bankName, bankAccount }],
    defaultEntryId: ENTRY_ID,
    email: d.email,
    mobile: d.mobile,
    invoiceDefaults: { ...NO_INVOICE_DEFAULTS, type: d.invoiceType || null },
    source,
  } satisfies CustomerInput;
}

/**
 * The same, with every default the schema would add filled in, for validating as the clerk types without loading
 * zod into the popup.
 */
export function draftForCheck(d: QuickDraft): CustomerDraft {
  const { entries, ...input } = inputOfDraft(d, 'manual');
  return {
    ...input,
    entries: entries.map((e) => ({ label: '', ...e })),
    contact: '',
    tier: 'normal',
    tags: [],
    notes: '',
    creditLimit: null,
    review: { status: 'pending', by: '', at: null },
  };
}

/** The form field a finding is about: `entries.0.phone` → phone; the entry as a whole and the invoice type → invoiceType. */
export function draftField(finding: Finding): keyof QuickDraft {
  const field = finding.field.replace(/^entries\.\d+\.?/, '');
  if (field === '' || field === 'invoiceDefaults.type') return 'invoiceType';
  return field as keyof QuickDraft;
}
