/** GB 32100-2015 alphabet: the digits and capitals without I, O, S, V, Z; a character's value is its index. */
const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const USCC_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const USCC_SHAPE = /^[1-9ANY][0-9A-HJ-NPQRTUWXY]{17}$/;

/** The check character for the first 17 characters of a USCC, or null when one is outside the alphabet. */
export function usccCheckChar(first17: string): string | null {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = USCC_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * (USCC_WEIGHTS[i] ?? 0);
  }
  return USCC_ALPHABET.charAt((31 - (sum % 31)) % 31);
}

export type TaxIdVerdict =
  | { kind: 'uscc'; ok: true }
  | { kind: 'uscc'; ok: false; reason: 'shape' | 'checksum'; expected?: string }
  | { kind: 'legacy'; length: 15 | 17 | 20 }
  | { kind: 'invalid' };

/** Classifies an already normalised tax ID (see normalizeTaxId). */
export function checkTaxId(taxId: string): TaxIdVerdict {
  if (taxId.length === 18) {
    if (!USCC_SHAPE.test(taxId)) return { kind: 'uscc', ok: false, reason: 'shape' };
    const expected = usccCheckChar(taxId.slice(0, 17));
    if (expected !== taxId.charAt(17))
      return { kind: 'uscc', ok: false, reason: 'checksum', expected: expected ?? undefined };
    return { kind: 'uscc', ok: true };
  }
  const length = taxId.length;
  if ((length === 15 || length === 17 || length === 20) && /^[0-9A-Z]+$/.test(taxId)) return { kind: 'legacy', length };
  return { kind: 'invalid' };
}
