/** Bigger files are not customer lists; reading them would only hang the page. */
export const MAX_FILE_BYTES = 50 * 1024 * 1024;
/** What a workbook may unpack to: far more than any customer list, far less than a zip bomb asks for. */
export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;
/** A customer list has a dozen columns; thousands mean a file that is not one. */
export const MAX_COLUMNS = 200;
/**
 * Rows in one sheet, as Excel numbers them (titles and header included; empty rows at the end not counted). The
 * book is built for 100,000 customers, and reading that many rows of an .xlsx already takes seconds.
 */
export const MAX_ROWS = 100_000;
/** Rows at the top of a sheet searched for the header: titles, notes or blank rows may sit above it. */
export const HEADER_SEARCH_ROWS = 30;
