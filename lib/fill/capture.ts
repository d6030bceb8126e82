import type { FieldRole } from './roles';
import type { FillValues } from './values';

/** The buyer as the clerk typed it into the portal form, read back when the invoice is issued. */
export type Captured = Pick<FillValues, 'name' | 'taxId' | 'address' | 'phone' | 'bankName' | 'bankAccount'>;

/** `地址 电话` → address and phone: the phone is the last run of digits, hyphens and brackets. */
export function splitAddressPhone(text: string): { address: string; phone: string } {
  const match = /^(.*?)[\s,，]*((?:\+?86[\s-]?)?[\d()（）\-\s]{7,}(?:转\d+)?)$/.exec(text.trim());
  return match
    ? { address: (match[1] ?? '').trim(), phone: (match[2] ?? '').trim() }
    : { address: text.trim(), phone: '' };
}

/** `开户行 账号` → bank and account: the account is the trailing digits (spaces and hyphens allowed inside). */
export function splitBankAccount(text: string): { bankName: string; bankAccount: string } {
  const match = /^(.*?)[\s,，]*(\d[\d\s-]{5,}\d)$/.exec(text.trim());
  return match
    ? { bankName: (match[1] ?? '').trim(), bankAccount: (match[2] ?? '').replace(/[\s-]/g, '') }
    : { bankName: text.trim(), bankAccount: '' };
}

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
