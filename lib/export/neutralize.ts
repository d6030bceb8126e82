/**
 * Spreadsheet formula neutralising for CSV (CSV / formula injection, CWE-1236). A CSV cell has no type: Excel, WPS
 * and LibreOffice read one that starts with = + - @ as a formula, and a leading tab, carriage return or NUL as well;
 * a customer's name such as `=HYPERLINK("http://x","y")` or `+cmd|' /C calc'!A0` would then run in the clerk's
 * spreadsheet. Such a cell gets a leading apostrophe, the neutraliser OWASP's CSV Injection page and ASVS 5.0 (1.2.10)
 * prescribe: the spreadsheet shows the text, never evaluates it.
 *
 * Plain negative numbers such as `-5` are neutralised too: no field of a customer is a signed number, so a leading
 * minus is text (a dash for "none", a note), and exempting "numbers" is where bypasses live (`-1+1` and `-2+cmd|…`
 * look numeric up to their first operator). `+86 571 8888 8888` is the case that matters most: unneutralised, Excel
 * would compute it.
 *
 * The .xlsx writer does not use this. There each cell says what it is: a shared-string cell without a formula
 * element is text, which no spreadsheet evaluates whatever its first character, so the text is written exactly as
 * stored. An apostrophe there would not be the "show as text" prefix Excel hides (that is a style flag, quotePrefix,
 * which @e965/xlsx cannot write) but a real character, shown to the clerk and carried into the tax platform's upload.
 *
 * A cell that already starts with apostrophes before a formula start gets one more, so that `restoreFormulaText`
 * undoes exactly what `neutralizeFormula` did and nothing a person typed.
 */

/** = + - @ tab CR NUL: the first characters that make a spreadsheet read a cell as a formula. */
const FORMULA_STARTS = new Set(['=', '+', '-', '@', '\t', '\r', String.fromCharCode(0)]);

/** Whether the text, after any apostrophes, starts a formula; `minApostrophes` of them must be there. */
function startsFormula(text: string, minApostrophes: number): boolean {
  let i = 0;
  while (text[i] === "'") i++;
  return i >= minApostrophes && FORMULA_STARTS.has(text[i] ?? '');
}

/** The text with a leading apostrophe when a spreadsheet would read it as a formula; other text as it is. */
export function neutralizeFormula(text: string): string {
  return startsFormula(text, 0) ? `'${text}` : text;
}

/** The text `neutralizeFormula` was given: the importer calls this on each cell, to read Taitou's own CSV back. */
export function restoreFormulaText(text: string): string {
  return startsFormula(text, 1) ? text.slice(1) : text;
}
