import { type ReactNode } from 'react';
import { formatCount } from './format.js';

export interface Column<Row> {
  key: string;
  header: string;
  /** Numbers are right-aligned and formatted en-PH. */
  numeric?: boolean;
  render: (row: Row) => ReactNode;
}

export interface DataTableProps<Row> {
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  empty?: ReactNode;
}

export function DataTable<Row>({ caption, columns, rows, rowKey, empty }: DataTableProps<Row>) {
  if (rows.length === 0) {
    return <p className="empty-state">{empty ?? 'Nothing to show.'}</p>;
  }
  return (
    <table className="data-table">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column.key} scope="col" className={column.numeric ? 'numeric' : undefined}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
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
  );
}
