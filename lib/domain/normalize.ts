/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space become their half-width forms. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/**
 * Full-width letters and digits to half-width, white space trimmed and folded. Brackets and other punctuation stay as
 * typed: a registered name such as 某某公司（北京） must reach the invoice exactly.
 */
export function normalizeText(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Tax IDs: half-width, no white space or hyphens, upper-case. */
export function normalizeTaxId(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s-]+/g, '')
    .toUpperCase();
}

/** Bank accounts: the digits only (clerks write them with spaces and hyphens). */
export function normalizeAccount(text: string): string {
  return toHalfWidth(text).replace(/[\s-]+/g, '');
}

/**
 * Phones as `13812345678` or `0571-88888888` or `0571-88888888-123`: the groups people type are read as
 * area code, number and extension; anything that does not look like a phone is only tidied.
 */
export function normalizePhone(text: string): string {
  const raw = toHalfWidth(text).trim();
  const [main = '', extension = ''] = raw.split(/转|ext\.?|x/i, 2).map((part) => part.trim());
  const groups = main.split(/[\s()-]+/).filter(Boolean);
  if (!groups.every((g) => /^\d+$/.test(g)) || !/^\d*$/.test(extension)) return raw.replace(/\s+/g, ' ');
  const digits = groups.join('');
  if (!extension && /^1\d{10}$/.test(digits)) return digits;
  const area = groups.length > 1 && /^0\d{2,3}$/.test(groups[0] ?? '') ? groups.shift() : '';
  let number = '';
  while (groups.length > 0 && number.length < 7) number += groups.shift();
  return [area, number, groups.join('') + extension].filter(Boolean).join('-');
}

/** A key for comparing company names: half-width, lower-case, no spaces, Chinese brackets as ASCII. */
export function nameKey(name: string): string {
  return normalizeText(name).replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/\s+/g, '').toLowerCase();
}
