/**
 * Statistics as CSV that Excel (the planners' tool) opens correctly: UTF-8 with a byte-order mark
 * (without it Excel reads Chinese as mojibake), CRLF rows, RFC 4180 quoting, and formula
 * injection disarmed (a cell text starting with = + - @ tab or CR is prefixed with ').
 */

export type CsvCell = string | number | boolean | null | undefined;

const BOM = '\uFEFF';
// Characters that make Excel, LibreOffice and Google Sheets treat a cell as a formula (OWASP).
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]|^\s|\s$/;

/** One cell as CSV text. Numbers are written as numbers (not disarmed: -5 stays a number). */
export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * @param header column titles, e.g. ['指标 Indicator', '数值 Value', '单位 Unit']
 * @param rows one array of cells per row; short rows are padded with empty cells
 * @example
 * const csv = statsToCsv(['区域', '覆盖率 %'], [['高新区', 82.4]]);
 * new Blob([csv], { type: 'text/csv;charset=utf-8' });
 */
export function statsToCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const width = Math.max(header.length, ...rows.map((r) => r.length));
  const line = (cells: readonly CsvCell[]) =>
    Array.from({ length: width }, (_, i) => csvCell(cells[i])).join(',');
  return BOM + [header, ...rows].map(line).join('\r\n') + '\r\n';
}
