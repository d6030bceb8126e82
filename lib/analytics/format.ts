/** Fen as yuan with two decimals, from whole numbers ('-1234.05'): no floating point comes near the money. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(Math.round(fen));
  const whole = Math.floor(abs / 100);
  // String() of a whole number below 1e21 has no exponent and no grouping.
  return `${sign}${String(whole)}.${String(abs % 100).padStart(2, '0')}`;
}

/** A share (0.1234) as a percentage with two decimals ('12.34%'), as Excel reads one. */
export function percent(share: number): string {
  return `${(share * 100).toFixed(2)}%`;
}
