/**
 * Portals and customers often write two buyer fields in one: `地址 电话` and `开户行 账号`. These split them again.
 */

/** A first group of digits a phone may start with: 86, an area code, a mobile's 3 digits, a 400/800 hotline. */
const PHONE_GROUP = /^(?:86|0\d{1,3}|1[3-9]\d(?:\d{8})?|[48]00)$/;
const LEADING_GROUP = /^(\d+)\s+/;

/** `地址 电话` → address and phone: the phone is the last run of digits, hyphens and brackets. */
export function splitAddressPhone(text: string): { address: string; phone: string } {
  const trimmed = text.trim();
  const match = /^(.*?)[\s,，]*((?:\+?86[\s-]?)?[\d()（）\-\s]{7,}(?:转\d+)?)$/.exec(trimmed);
  if (!match) return { address: trimmed, phone: '' };
  // A room number or post code just before the phone (`2号楼 1501 010-84561234`) belongs to the address.
  let phone = match[2] ?? '';
  for (
    let lead = LEADING_GROUP.exec(phone);
    lead && !PHONE_GROUP.test(lead[1] ?? '');
    lead = LEADING_GROUP.exec(phone)
  ) {
    const rest = phone.slice(lead[0].length);
    if (rest.replace(/\D/g, '').length < 7) break;
    phone = rest;
  }
  return { address: trimmed.slice(0, trimmed.length - phone.length).replace(/[\s,，]+$/, ''), phone: phone.trim() };
}

/** `开户行 账号` → bank and account: the account is the trailing digits (spaces and hyphens allowed inside). */
export function splitBankAccount(text: string): { bankName: string; bankAccount: string } {
  const match = /^(.*?)[\s,，]*(\d[\d\s-]{5,}\d)$/.exec(text.trim());
  return match
    ? { bankName: (match[1] ?? '').trim(), bankAccount: (match[2] ?? '').replace(/[\s-]/g, '') }
    : { bankName: text.trim(), bankAccount: '' };
}
