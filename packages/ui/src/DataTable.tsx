import { type ReactNode, useId, useMemo, useState } from 'react';
import { formatCount } from './format.js';
import { TableFrame } from './TableFrame.js';
import { findRows, nextSort, type SortState, sortRows } from './table-rows.js';

export type { SortState };

export interface Column<Row> {
  key: string;
  header: string;
  /** Numbers are right-aligned and formatted en-PH. */
  numeric?: boolean;
  render: (row: Row) => ReactNode;
  /** Makes the column sortable by this value; nulls sort last either way. */
  sortValue?: (row: Row) => string | number | null;
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

/** The search box above the table; it writes upwards when controlled, else to the table. */
function SearchBox<Row>({
  id,
  search,
  value,
  onOwnChange,
}: {
  id: string;
  search: TableSearch<Row>;
  value: string;
  onOwnChange: (value: string) => void;
}) {
  return (
    <div className="table-search">
      <label htmlFor={id}>{search.label}</label>
      <input
        id={id}
        type="search"
        value={value}
        onChange={(event) =>
          search.onChange ? search.onChange(event.target.value) : onOwnChange(event.target.value)
        }
      />
    </div>
  );
}

/** A column's header: a button that sorts when the column can be sorted, its arrow the order. */
function HeaderCell<Row>({
  column,
  sort,
  onSort,
}: {
  column: Column<Row>;
  sort: SortState | undefined;
  onSort: (key: string) => void;
}) {
  const sorted = sort?.key === column.key ? sort.direction : undefined;
  return (
    <th scope="col" className={column.numeric ? 'numeric' : undefined} aria-sort={sorted}>
      {column.sortValue ? (
        <button type="button" className="sort-button" onClick={() => onSort(column.key)}>
          {column.header}
          <span aria-hidden="true">{sorted ? (sorted === 'ascending' ? ' ▲' : ' ▼') : ' ↕'}</span>
        </button>
      ) : (
        column.header
      )}
    </th>
  );
}

/** One row's cells; numbers right-aligned and formatted en-PH. */
function BodyRow<Row>({ row, columns }: { row: Row; columns: Column<Row>[] }) {
  return (
    <tr>
      {columns.map((column) => {
        const value = column.render(row);
        return (
          <td key={column.key} className={column.numeric ? 'numeric' : undefined}>
            {column.numeric && typeof value === 'number' ? formatCount(value) : value}
          </td>
        );
      })}
    </tr>
  );
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
  const typed = search?.value ?? ownQuery;
  const query = typed.trim().toLocaleLowerCase('en-PH');
  const shown = useMemo(
    () => sortRows(findRows(rows, search?.text, query), columns, sort),
    [rows, columns, sort, search, query],
  );
  const onSort = (key: string) => setSort((current) => nextSort(current, key, columns));

  if (rows.length === 0) {
    return <p className="empty-state">{empty ?? 'Nothing to show.'}</p>;
  }
  return (
    <div className="data-table-wrap">
      {search ? (
        <SearchBox id={searchId} search={search} value={typed} onOwnChange={setOwnQuery} />
      ) : null}
      <TableFrame label={caption}>
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <HeaderCell key={column.key} column={column} sort={sort} onSort={onSort} />
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.map((row) => (
              <BodyRow key={rowKey(row)} row={row} columns={columns} />
            ))}
          </tbody>
        </table>
      </TableFrame>
      {shown.length === 0 ? (
        <p className="empty-state" role="status">
          No row matches “{typed}”.
        </p>
      ) : null}
    </div>
  );
}
