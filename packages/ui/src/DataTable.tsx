import { type ReactNode, useId, useMemo, useState } from 'react';
import { formatCount } from './format.js';

export interface Column<Row> {
  key: string;
  header: string;
  /** Numbers are right-aligned and formatted en-PH. */
  numeric?: boolean;
  render: (row: Row) => ReactNode;
  /** Makes the column sortable by this value; nulls sort last either way. */
  sortValue?: (row: Row) => string | number | null;
}

export interface SortState {
  key: string;
  direction: 'ascending' | 'descending';
}

export interface TableSearch<Row> {
  label: string;
  /** The text a row is found by. */
  text: (row: Row) => string;
  /** Controlled value (e.g. kept in the URL); uncontrolled when omitted. */
  value?: string;
  onChange?: (value: string) => void;
}

export interface DataTableProps<Row> {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  empty?: ReactNode;
  search?: TableSearch<Row>;
  initialSort?: SortState;
}

const collator = new Intl.Collator('en-PH', { numeric: true, sensitivity: 'base' });

function compare(a: string | number | null, b: string | number | null): number {
  if (a === null || b === null) return a === b ? 0 : a === null ? 1 : -1;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return collator.compare(String(a), String(b));
}

/** A table with optional sorting (click or Enter on a header) and searching. */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  empty,
  search,
  initialSort,
}: DataTableProps<Row>) {
  const searchId = useId();
  const [sort, setSort] = useState<SortState | undefined>(initialSort);
  const [ownQuery, setOwnQuery] = useState('');
  const query = (search?.value ?? ownQuery).trim().toLocaleLowerCase('en-PH');

  const shown = useMemo(() => {
    const found =
      search && query
        ? rows.filter((row) => search.text(row).toLocaleLowerCase('en-PH').includes(query))
        : rows;
    const column = sort && columns.find((c) => c.key === sort.key);
    if (!sort || !column?.sortValue) return found;
    const value = column.sortValue;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...found].sort((a, b) => {
      const va = value(a);
      const vb = value(b);
      // Missing values stay at the bottom in both directions.
      if (va === null || vb === null) return compare(va, vb);
      return sign * compare(va, vb);
    });
  }, [rows, columns, sort, search, query]);

  function toggle(key: string) {
    setSort((current) =>
      current?.key === key && current.direction === 'ascending'
        ? { key, direction: 'descending' }
        : current?.key === key
          ? { key, direction: 'ascending' }
          : {
              key,
              direction: columns.find((c) => c.key === key)?.numeric ? 'descending' : 'ascending',
            },
    );
  }

  const searchBox = search ? (
    <div className="table-search">
      <label htmlFor={searchId}>{search.label}</label>
      <input
        id={searchId}
        type="search"
        value={search.value ?? ownQuery}
        onChange={(event) =>
          search.onChange ? search.onChange(event.target.value) : setOwnQuery(event.target.value)
        }
      />
    </div>
  ) : null;

  if (rows.length === 0) {
    return <p className="empty-state">{empty ?? 'Nothing to show.'}</p>;
  }
  return (
    <div className="data-table-wrap">
      {searchBox}
      <div className="data-table-scroll">
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <th
                  key={column.key}
                  scope="col"
                  className={column.numeric ? 'numeric' : undefined}
                  aria-sort={sort?.key === column.key ? sort.direction : undefined}
                >
                  {column.sortValue ? (
                    <button
                      type="button"
                      className="sort-button"
                      onClick={() => toggle(column.key)}
                    >
                      {column.header}
                      <span aria-hidden="true">
                        {sort?.key === column.key
                          ? sort.direction === 'ascending'
                            ? ' ▲'
                            : ' ▼'
                          : ' ↕'}
                      </span>
                    </button>
                  ) : (
                    column.header
                  )}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <tr key={rowKey(row)}>
                {columns.map((column) => {
                  const value = column.render(row);
                  return (
                    <td key={column.key} className={column.numeric ? 'numeric' : undefined}>
                      {column.numeric && typeof value === 'number' ? formatCount(value) : value}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 ? (
        <p className="empty-state" role="status">
          No row matches “{search?.value ?? ownQuery}”.
        </p>
      ) : null}
    </div>
  );
}
