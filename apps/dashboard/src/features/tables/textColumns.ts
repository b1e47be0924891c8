import { inertCell } from '@repo/domain/spreadsheet-cell';
import { type Column, tableText } from '@repo/ui/DataTable';
import { stringify } from 'csv-stringify/browser/esm/sync';

export { unknownMark } from '@repo/ui/DataTable';

/** A column of counts. */
export function countColumn<Row>(
  key: string,
  header: string,
  count: (row: Row) => number | null,
): Column<Row> {
  return { key, header, numeric: true, value: count };
}

/** A figure as the screen writes it without separators ("+1234", "-56", "48.7%"): no formula. */
const isFigure = (text: string) => /^[+-]?\d+(\.\d+)?%?$/.test(text);

/**
 * A table's text (DataTable's `tableText`: its headings, then each row as the screen writes it)
 * as CSV; a cell a spreadsheet would take for a formula opens as text (inertCell), a signed
 * figure such as a change of "+1234" stays a number.
 */
export function toCsv(table: readonly (readonly string[])[]): string {
  return stringify(
    table.map((row) => [...row]),
    { cast: { string: (text) => (isFigure(text) ? text : inertCell(text)) } },
  );
}

/** The table as CSV: the same headings and cells as on screen, every row given (not a page). */
export function tableCsv<Row>(columns: readonly Column<Row>[], rows: readonly Row[]): string {
  return toCsv(tableText(columns, rows));
}

/** Hands the text to the browser as a file download. */
export function downloadCsv(fileName: string, csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = Object.assign(window.document.createElement('a'), {
    href: url,
    download: fileName,
  });
  link.click();
  URL.revokeObjectURL(url);
}

/** DataTable's `onDownload`: its text saved as the named CSV file. */
export const saveCsv = (fileName: string) => (table: string[][]) =>
  downloadCsv(fileName, toCsv(table));
