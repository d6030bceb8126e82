/**
 * What a form field on an invoicing portal holds about the buyer. Combined roles exist because older VAT layouts put
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
} as const;

export type FieldRole = (typeof FIELD_ROLES)[keyof typeof FIELD_ROLES];
export const ROLE_LIST = Object.values(FIELD_ROLES) as FieldRole[];
