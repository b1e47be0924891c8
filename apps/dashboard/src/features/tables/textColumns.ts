import { inertCell } from '@repo/domain/spreadsheet-cell';
import { type Column } from '@repo/ui/DataTable';
import { formatCount } from '@repo/ui/format';
import { stringify } from 'csv-stringify/browser/esm/sync';
import { type ReactNode } from 'react';

/** What a table writes where a value is unknown, on screen and in its CSV alike. */
export const unknownMark = '—';

/**
 * A column whose cell is one value, text or a count, that the table shows and its CSV writes: the
 * two come from the same function, so they cannot differ (issue 21). `render` may dress the
 * screen's cell (a link, a bar) around the same text.
 */
export interface TextColumn<Row> {
  key: string;
  header: string;
  numeric?: boolean;
  /** The cell's value; null is unknown (`unknownMark`). */
  value: (row: Row) => string | number | null;
  render?: (row: Row, text: string) => ReactNode;
  sortValue?: (row: Row) => string | number | null;
}

/** A column of counts, sortable by them. */
export function countColumn<Row>(
  key: string,
  header: string,
  count: (row: Row) => number,
): TextColumn<Row> {
  return { key, header, numeric: true, value: count, sortValue: count };
}

/** The screen's text of a value: counts as en-PH writes them ("1,234"). */
function screenText(value: string | number | null): string {
  if (value === null) return unknownMark;
  return typeof value === 'number' ? formatCount(value) : value;
}

/** The columns as the shared table takes them. */
export function tableColumns<Row>(columns: readonly TextColumn<Row>[]): Column<Row>[] {
  return columns.map(({ key, header, numeric, value, render, sortValue }) => ({
    key,
    header,
    numeric,
    sortValue,
    render: (row: Row) => {
      const text = screenText(value(row));
      return render ? render(row, text) : text;
    },
  }));
}

/**
 * The table as CSV: the same headings, every row given (not a page), each cell the screen's value;
 * counts unformatted, so a spreadsheet reads them as numbers; a text cell a spreadsheet would take
 * for a formula opens as text (inertCell).
 */
export function tableCsv<Row>(columns: readonly TextColumn<Row>[], rows: readonly Row[]): string {
  return stringify(
    [
      columns.map((c) => c.header),
      ...rows.map((row) => columns.map((c) => c.value(row) ?? unknownMark)),
    ],
    { cast: { string: inertCell } },
  );
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
