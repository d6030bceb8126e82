/** Code-unit order: fixed whatever the locale, and fast enough for sorting thousands of rows. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
