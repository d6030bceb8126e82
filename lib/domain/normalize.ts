/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space become their half-width forms. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E\u3000]/g, (ch) =>
    ch === '\u3000' ? ' ' : String.fromCharCode(ch.charCodeAt(0) - 0xfee0),
  );
}

/** Half-width, trimmed, inner runs of white space folded to one space. */
export function normalizeText(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, ' ').trim();
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

/** Phones keep digits, one hyphen between area code and number, and an extension. */
export function normalizePhone(text: string): string {
  return normalizeText(text)
    .replace(/[()（）]/g, ' ')
    .replace(/\s*(转|ext\.?|x)\s*/gi, '-')
    .replace(/[\s-]+/g, '-')
    .replace(/^-|-$/g, '');
}

/** A key for comparing company names: half-width, lower-case, no spaces, Chinese brackets as ASCII. */
export function nameKey(name: string): string {
  return normalizeText(name).replace(/[（]/g, '(').replace(/[）]/g, ')').replace(/\s+/g, '').toLowerCase();
}
