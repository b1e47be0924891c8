/** What DataTable shows: the rows a search finds, in the order a sorted column gives. */

/** The part of a column that sorting reads. */
export interface SortableColumn<Row> {
  key: string;
  numeric?: boolean;
  sortValue?: (row: Row) => string | number | null;
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
  columns: SortableColumn<Row>[],
  sort: SortState | undefined,
): Row[] {
  const column = sort && columns.find((c) => c.key === sort.key);
  if (!sort || !column?.sortValue) return rows;
  const value = column.sortValue;
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
  columns: SortableColumn<Row>[],
): SortState {
  if (current?.key === key)
    return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return {
    key,
    direction: columns.find((c) => c.key === key)?.numeric ? 'descending' : 'ascending',
  };
}
