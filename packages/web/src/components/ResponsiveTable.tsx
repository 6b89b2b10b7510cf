import type { ReactNode } from 'react';

/** NHS responsive table: on narrow screens each row stacks, with each cell labelled by its column. */
export function ResponsiveTable({ caption, columns, children }: { caption: string; columns: readonly string[]; children: ReactNode }) {
  return (
    <table className="nhsuk-table nhsuk-table--responsive" role="table">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">{caption}</caption>
      <thead className="nhsuk-table__head" role="rowgroup">
        <tr className="nhsuk-table__row" role="row">
          {columns.map((column) => (
            <th className="nhsuk-table__header" scope="col" role="columnheader" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">{children}</tbody>
    </table>
  );
}

export function TableRow({ children }: { children: ReactNode }) {
  return (
    <tr className="nhsuk-table__row" role="row">
      {children}
    </tr>
  );
}

export function TableCell({ column, children }: { column: string; children: ReactNode }) {
  return (
    <td className="nhsuk-table__cell" role="cell">
      {/* The visible column name for stacked rows; screen readers already hear the column header. */}
      <span className="nhsuk-table__heading" aria-hidden="true">
        {column}{' '}
      </span>
      <span>{children}</span>
    </td>
  );
}
