/** A CSV cell value; null and undefined become empty cells, dates ISO instants. */
export type CsvValue = string | number | boolean | Date | null | undefined;

/** Characters that make a spreadsheet read a cell as a formula, plus every control character. */
const DANGEROUS_START = /^[=+\-@\t\r\u0000-\u001f\u007f]/;

/**
 * One CSV cell (RFC 4180), safe to open in a spreadsheet: text beginning with `= + - @`, a tab,
 * a carriage return or any other control character gets a leading `'` so it is never run as a
 * formula, and quotes are doubled. Numbers stay numbers (a negative number is data, not a formula).
 *
 * @example csvCell('=HYPERLINK("http://x")') // `"'=HYPERLINK(""http://x"")"`
 */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = value instanceof Date ? value.toISOString() : String(value);
  if (DANGEROUS_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) || text !== text.trim() || text.startsWith("'") ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One CSV line, CRLF-terminated. */
export function csvLine(values: readonly CsvValue[]): string {
  return `${values.map(csvCell).join(',')}\r\n`;
}

/**
 * A whole CSV document from a header and rows. Reports and surveys use it for `?format=csv`;
 * large exports write `csvLine`s one by one instead.
 */
export function toCsv(header: readonly string[], rows: readonly (readonly CsvValue[])[]): string {
  return csvLine(header) + rows.map(csvLine).join('');
}
