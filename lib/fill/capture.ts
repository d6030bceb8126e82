import type { BuyerDetails } from '../domain/buyer';
import { splitAddressPhone, splitBankAccount } from '../domain/split';
import type { FieldRole } from './roles';

/** The buyer as the clerk typed it into the portal form, read back when the invoice is issued. */
export type Captured = BuyerDetails;

/** Reads a buyer from the values of classified fields; null when there is no name to save. */
export function captureBuyer(fields: readonly { role: FieldRole; value: string }[]): Captured | null {
  const out: Captured = { name: '', taxId: '', address: '', phone: '', bankName: '', bankAccount: '' };
  for (const { role, value } of fields) {
    const v = value.trim();
    if (!v) continue;
    if (role === 'addressPhone') Object.assign(out, splitAddressPhone(v));
    else if (role === 'bankNameAccount') Object.assign(out, splitBankAccount(v));
    else if (role in out) out[role as keyof Captured] = v;
  }
  return out.name ? out : null;
}
