/**
 * What a form field on an invoicing portal holds about the buyer, or about the invoice where the customer's invoice
 * defaults apply (type, remarks, the show-address/bank flags). Combined roles exist because older VAT layouts put
 * address + phone and bank + account into one field each.
 */
export const FIELD_ROLES = {
  name: 'name',
  taxId: 'taxId',
  address: 'address',
  phone: 'phone',
  addressPhone: 'addressPhone',
  bankName: 'bankName',
  bankAccount: 'bankAccount',
  bankNameAccount: 'bankNameAccount',
  email: 'email',
  mobile: 'mobile',
  naturalPerson: 'naturalPerson',
  invoiceType: 'invoiceType',
  remarks: 'remarks',
  showAddressPhone: 'showAddressPhone',
  showBankAccount: 'showBankAccount',
} as const;

export type FieldRole = (typeof FIELD_ROLES)[keyof typeof FIELD_ROLES];
export const ROLE_LIST = Object.values(FIELD_ROLES) as FieldRole[];

/**
 * How a role's control takes its value: typed text (input, textarea, or a native select set by option text), a box
 * ticked or cleared, or one choice of several (a native select or a radio group) picked by what its options say.
 */
export const ROLE_CONTROL: Record<FieldRole, 'text' | 'checkbox' | 'choice'> = {
  name: 'text',
  taxId: 'text',
  address: 'text',
  phone: 'text',
  addressPhone: 'text',
  bankName: 'text',
  bankAccount: 'text',
  bankNameAccount: 'text',
  email: 'text',
  mobile: 'text',
  naturalPerson: 'checkbox',
  invoiceType: 'choice',
  remarks: 'text',
  showAddressPhone: 'checkbox',
  showBankAccount: 'checkbox',
};

/** Roles whose text the clerk may have typed for this invoice: a non-empty one is left as it is, and said so. */
export const KEEP_TYPED: ReadonlySet<FieldRole> = new Set<FieldRole>(['remarks']);
