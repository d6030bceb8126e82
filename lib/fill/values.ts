import type { BuyerDetails } from '../domain/buyer';
import type { FieldRole } from './roles';

/**
 * The one customer's values a content script receives for a fill: exactly what the form can take, nothing of the
 * rest of the book (notes, history, other entries).
 */
export interface FillValues extends BuyerDetails {
  customerId: string;
  email: string;
  mobile: string;
  naturalPerson: boolean;
}

const joined = (...parts: string[]) => parts.filter(Boolean).join(' ');

/** The text (or for the natural-person checkbox, the state) each role gets. Total over roles. */
export const VALUE_OF_ROLE: Record<FieldRole, (v: FillValues) => string | boolean> = {
  name: (v) => v.name,
  taxId: (v) => v.taxId,
  address: (v) => v.address,
  phone: (v) => v.phone,
  addressPhone: (v) => joined(v.address, v.phone),
  bankName: (v) => v.bankName,
  bankAccount: (v) => v.bankAccount,
  bankNameAccount: (v) => joined(v.bankName, v.bankAccount),
  email: (v) => v.email,
  mobile: (v) => v.mobile,
  naturalPerson: (v) => v.naturalPerson,
};
