/** First characters that make Excel, LibreOffice and Google Sheets read a CSV cell as a formula. */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * A text cell a spreadsheet will show as text: anything starting like a formula (`=HYPERLINK(…)`
 * in a staff member's name or an answer) gets a leading apostrophe, as OWASP advises for CSV
 * injection. Numbers, booleans and empty cells pass unchanged.
 */
export function spreadsheetSafe<T>(cell: T): T | string {
  return typeof cell === "string" && FORMULA_START.test(cell) ? `'${cell}` : cell;
}
