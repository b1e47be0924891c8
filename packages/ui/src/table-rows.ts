/** What DataTable shows: the rows a search finds, in the order a sorted column gives, a page at a time. */
import { formatCount, formatCountOf } from './format.js';

/** What a table writes where a value is unknown, on screen and in its CSV alike. */
export const unknownMark = '—';

/**
 * The part of a column that holds its value: the screen's cell, the sort and the CSV all read it,
 * so the three cannot differ (issue 21).
 */
export interface ValueColumn<Row> {
  key: string;
  header: string;
  /** Numbers are right-aligned. */
  numeric?: boolean;
  /** The cell's value; null is unknown and shows as `unknownMark`, never as 0. */
  value: (row: Row) => string | number | null;
  /** A number's text on screen (formatChange, formatPercent…); en-PH counts when omitted. */
  format?: (value: number) => string;
  /** Sorts by this rather than the value (a date's ISO form, days left beside their words). */
  sortValue?: (row: Row) => string | number | null;
  /** false keeps the rows' given order for this column (grade levels, statuses). */
  sortable?: boolean;
}

export interface SortState {
  key: string;
  direction: 'ascending' | 'descending';
}

const collator = new Intl.Collator('en-PH', { numeric: true, sensitivity: 'base' });

function compare(a: string | number | null, b: string | number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** The text a cell shows: counts as en-PH writes them ("1,234"), unknowns as "—". */
export function cellText<Row>(column: ValueColumn<Row>, row: Row): string {
  const value = column.value(row);
  if (value === null) return unknownMark;
  return typeof value === 'number' ? (column.format ?? formatCount)(value) : value;
}

/**
 * The table as its CSV holds it: the headings, then every row given, each cell the screen's text;
 * numbers without the thousands separators, so a spreadsheet reads them as numbers.
 */
export function tableText<Row>(columns: readonly ValueColumn<Row>[], rows: readonly Row[]) {
  return [
    columns.map((c) => c.header),
    ...rows.map((row) =>
      columns.map((c) => {
        const text = cellText(c, row);
        return typeof c.value(row) === 'number' ? text.replaceAll(',', '') : text;
      }),
    ),
  ];
}

/** Whether a press on the column's header sorts the table. */
export const isSortable = <Row>(column: ValueColumn<Row>) => column.sortable !== false;

/** The rows whose text contains the query (already trimmed and lower-cased), all when none. */
export function findRows<Row>(
  rows: Row[],
  text: ((row: Row) => string) | undefined,
  query: string,
): Row[] {
  return text && query
    ? rows.filter((row) => text(row).toLocaleLowerCase('en-PH').includes(query))
    : rows;
}

/** The rows in the sorted column's order; as given when no sortable column is chosen. */
export function sortRows<Row>(
  rows: Row[],
  columns: ValueColumn<Row>[],
  sort: SortState | undefined,
): Row[] {
  const column = sort && columns.find((c) => c.key === sort.key);
  if (!sort || !column || !isSortable(column)) return rows;
  const value = column.sortValue ?? column.value;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    // Missing values stay at the bottom in both directions.
    if (va === null || vb === null) return compare(va, vb);
    return sign * compare(va, vb);
  });
}

/**
 * The sort after a press on a column's header: the same column flips; another column starts
 * with its largest numbers first, or its text from A.
 */
export function nextSort<Row>(
  current: SortState | undefined,
  key: string,
  columns: ValueColumn<Row>[],
): SortState {
  if (current?.key === key)
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return {
    key,
    direction: columns.find((c) => c.key === key)?.numeric ? 'descending' : 'ascending',
  };
}

/** The rows per page a reader may choose. */
export const pageSizes = [25, 50, 100] as const;

/** One page of the rows: the page is held within the pages there are. */
export function pageOf<Row>(rows: Row[], page: number, size: number) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const current = Math.min(Math.max(0, page), pages - 1);
  return { rows: rows.slice(current * size, (current + 1) * size), page: current, pages };
}

/** The pager's words: "Rows 1–50 of 1,339", or "1 row" / "12 rows" when all fit on one page. */
export function rowsText(total: number, page: number, size: number, pages: number): string {
  if (pages <= 1) return formatCountOf(total, 'row');
  const first = page * size + 1;
  const last = Math.min(total, (page + 1) * size);
  return `Rows ${formatCount(first)}–${formatCount(last)} of ${formatCount(total)}`;
}
