import type { BuyerDetails } from '../domain/buyer';
import type { FieldRole } from './roles';

/** An invoice type as the book keeps it: 普票 or 专票. */
export type InvoiceKind = 'normal' | 'special';

/**
 * The one customer's values a content script receives for a fill: exactly what the form can take, nothing of the
 * rest of the book (notes, history, other entries). The invoice defaults are already settled in the worker (the
 * customer's own, else its tier's); email and mobile are the delivery ones (交付邮箱/手机), the contact's when no
 * default says otherwise. A default left out (or null) leaves that field of the page as it is.
 */
export interface FillValues extends BuyerDetails {
  customerId: string;
  email: string;
  mobile: string;
  naturalPerson: boolean;
  invoiceType?: InvoiceKind | null;
  /** The remarks template filled in (customer, tax ID, month); '' when there is none. */
  remarks?: string;
  /** Whether the invoice shows the buyer's address/phone and bank/account (是否展示…); null: the page decides. */
  showAddressBank?: boolean | null;
}

const joined = (...parts: string[]) => parts.filter(Boolean).join(' ');
const orNull = <T>(value: T | '' | null | undefined): T | null => (value === '' || value === undefined ? null : value);

/**
 * The text (or for a checkbox, the state; for a choice, the invoice type) each role gets. Total over roles. null
 * means no default applies, so the field is left alone without a word; '' means the customer lacks the detail.
 */
export const VALUE_OF_ROLE: Record<FieldRole, (v: FillValues) => string | boolean | null> = {
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
  invoiceType: (v) => orNull(v.invoiceType),
  remarks: (v) => orNull(v.remarks),
  showAddressPhone: (v) => orNull(v.showAddressBank),
  showBankAccount: (v) => orNull(v.showAddressBank),
};
