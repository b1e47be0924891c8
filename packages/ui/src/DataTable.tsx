import { type ReactNode, useId, useMemo, useState } from 'react';
import { TableFrame } from './TableFrame.js';
import {
  cellText,
  findRows,
  isSortable,
  nextSort,
  pageOf,
  pageSizes,
  rowsText,
  type SortState,
  sortRows,
  tableText,
  type ValueColumn,
} from './table-rows.js';

export type { SortState };
export { cellText, tableText, unknownMark } from './table-rows.js';

/**
 * A column: its value once (`value`), which the screen shows, sorting orders by and the CSV
 * writes; `render` may dress the screen's text (a link, a bar) but not change it.
 */
export interface Column<Row> extends ValueColumn<Row> {
  render?: (row: Row, text: string) => ReactNode;
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
  /** Rows per page at first (25, 50 or 100); false shows every row (a list the API pages). */
  pageSize?: (typeof pageSizes)[number] | false;
  /**
   * Offers the table as CSV ("Download CSV"): called with the headings and every row found, all
   * pages, in the screen's order and as the screen writes them (tableText).
   */
  onDownload?: (table: string[][]) => void;
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
      {isSortable(column) ? (
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

/** One row's cells, each its column's text (dressed by `render` when given). */
function BodyRow<Row>({ row, columns }: { row: Row; columns: Column<Row>[] }) {
  return (
    <tr>
      {columns.map((column) => {
        const text = cellText(column, row);
        return (
          <td key={column.key} className={column.numeric ? 'numeric' : undefined}>
            {column.render ? column.render(row, text) : text}
          </td>
        );
      })}
    </tr>
  );
}

/** "Rows 1–50 of 1,339", the rows per page and the way to the other pages. */
function Pager({
  caption,
  total,
  page,
  pages,
  size,
  onPage,
  onSize,
}: {
  caption: string;
  total: number;
  page: number;
  pages: number;
  size: number | undefined;
  onPage: (page: number) => void;
  onSize: (size: (typeof pageSizes)[number]) => void;
}) {
  const id = useId();
  const pageable = size !== undefined && total > pageSizes[0];
  return (
    <div className="data-table__pager" role="group" aria-label={`Pages of ${caption}`}>
      <span className="data-table__count">{rowsText(total, page, size ?? total, pages)}</span>
      {pageable ? (
        <>
          <label htmlFor={id}>Rows per page</label>
          <select
            id={id}
            value={size}
            onChange={(event) => onSize(Number(event.target.value) as (typeof pageSizes)[number])}
          >
            {pageSizes.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </>
      ) : null}
      {pages > 1 ? (
        <>
          <button type="button" disabled={page === 0} onClick={() => onPage(page - 1)}>
            Previous page
          </button>
          <button type="button" disabled={page + 1 >= pages} onClick={() => onPage(page + 1)}>
            Next page
          </button>
        </>
      ) : null}
    </div>
  );
}

/** The rows found and sorted, and the page of them on screen. */
function useTableRows<Row>(props: DataTableProps<Row>) {
  const { rows, columns, search, initialSort, pageSize = 50 } = props;
  const [sort, setSort] = useState<SortState | undefined>(initialSort);
  const [ownQuery, setOwnQuery] = useState('');
  const [size, setSize] = useState(pageSize || undefined);
  const typed = search?.value ?? ownQuery;
  const query = typed.trim().toLocaleLowerCase('en-PH');
  // A new search (the table's own or one kept in the URL) starts again at the first page.
  const [paging, setPaging] = useState({ page: 0, query });
  const page = paging.query === query ? paging.page : 0;
  const setPage = (next: number) => setPaging({ page: next, query });
  const found = useMemo(
    () => sortRows(findRows(rows, search?.text, query), columns, sort),
    [rows, columns, sort, search, query],
  );
  const shown = size ? pageOf(found, page, size) : { rows: found, page: 0, pages: 1 };
  return {
    sort,
    typed,
    found,
    shown,
    size,
    onSort: (key: string) => {
      setSort((current) => nextSort(current, key, columns));
      setPage(0);
    },
    onQuery: setOwnQuery,
    setPage,
    onSize: (next: (typeof pageSizes)[number]) => {
      setSize(next);
      setPage(0);
    },
  };
}

/**
 * A table sortable by any column (click or Enter on a header; the sort orders every row, then
 * the page is cut), searchable, a page at a time, and as CSV the very text it shows (issue 21).
 */
export function DataTable<Row>(props: DataTableProps<Row>) {
  const { caption, columns, rows, rowKey, empty, search, onDownload } = props;
  const searchId = useId();
  const table = useTableRows(props);
  const { found, shown } = table;

  if (rows.length === 0) {
    return <p className="empty-state">{empty ?? 'Nothing to show.'}</p>;
  }
  return (
    <div className="data-table-wrap">
      {search || onDownload ? (
        <div className="data-table__tools">
          {search ? (
            <SearchBox
              id={searchId}
              search={search}
              value={table.typed}
              onOwnChange={table.onQuery}
            />
          ) : null}
          {onDownload ? (
            <button
              type="button"
              disabled={found.length === 0}
              onClick={() => onDownload(tableText(columns, found))}
            >
              Download CSV
            </button>
          ) : null}
        </div>
      ) : null}
      <TableFrame label={caption}>
        <table className="data-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              {columns.map((column) => (
                <HeaderCell
                  key={column.key}
                  column={column}
                  sort={table.sort}
                  onSort={table.onSort}
                />
              ))}
            </tr>
          </thead>
          <tbody>
            {shown.rows.map((row) => (
              <BodyRow key={rowKey(row)} row={row} columns={columns} />
            ))}
          </tbody>
        </table>
      </TableFrame>
      {found.length === 0 ? (
        <p className="empty-state" role="status">
          No row matches “{table.typed}”.
        </p>
      ) : (
        <Pager
          caption={caption}
          total={found.length}
          page={shown.page}
          pages={shown.pages}
          size={table.size}
          onPage={table.setPage}
          onSize={table.onSize}
        />
      )}
    </div>
  );
}
