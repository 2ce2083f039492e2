/**
 * CSV for the 监督指标 page's exports, built in the browser.
 * RFC 4180 quoting (a field with a comma, quote, CR or LF is quoted; quotes doubled), CRLF line ends,
 * and a UTF-8 byte order mark so that Excel opens the Chinese text as UTF-8.
 */

/** The byte order mark Excel needs to read a CSV as UTF-8. */
export const UTF8_BOM = "\uFEFF";

export type CsvCell = string | number | boolean | null | undefined;

/** One field as CSV: null/undefined are empty; numbers as JavaScript prints them. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return "";
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The whole CSV text: BOM, the header row, then one line per row, CRLF between lines. */
export function buildCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(","));
  return `${UTF8_BOM}${lines.join("\r\n")}\r\n`;
}
