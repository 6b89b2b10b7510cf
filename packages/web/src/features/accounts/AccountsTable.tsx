import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { StaffAccount } from './api';
import { grantInWords, statusLabel } from './labels';

const COLUMNS = ['Name', 'Email address', 'Organisation and role', 'Status'] as const;

/** NHS responsive table: on narrow screens each row stacks, with each cell labelled by its column. */
export function AccountsTable({ accounts }: { accounts: StaffAccount[] }) {
  return (
    <table className="nhsuk-table nhsuk-table--responsive" role="table">
      <caption className="nhsuk-table__caption nhsuk-u-visually-hidden">Staff accounts</caption>
      <thead className="nhsuk-table__head" role="rowgroup">
        <tr className="nhsuk-table__row" role="row">
          {COLUMNS.map((column) => (
            <th className="nhsuk-table__header" scope="col" role="columnheader" key={column}>
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="nhsuk-table__body">
        {accounts.map((account) => (
          <AccountRow account={account} key={account.id} />
        ))}
      </tbody>
    </table>
  );
}

function AccountRow({ account }: { account: StaffAccount }) {
  return (
    <tr className="nhsuk-table__row" role="row">
      <Cell column="Name">
        <Link to={`/admin/staff/${encodeURIComponent(account.id)}`}>{account.name}</Link>
      </Cell>
      <Cell column="Email address">{account.email}</Cell>
      <Cell column="Organisation and role">
        <Grants account={account} />
      </Cell>
      <Cell column="Status">
        <StatusTag disabled={account.disabled} />
      </Cell>
    </tr>
  );
}

/** Each role on its own line: most people hold one, a few hold several. */
export function Grants({ account }: { account: StaffAccount }) {
  return account.roles.map((grant, index) => (
    <span key={`${grant.organisationId}:${grant.role}`}>
      {index > 0 && <br />}
      {grantInWords(grant)}
    </span>
  ));
}

export function StatusTag({ disabled }: { disabled: boolean }) {
  const colour = disabled ? 'nhsuk-tag--grey' : 'nhsuk-tag--green';
  return <strong className={`nhsuk-tag ${colour}`}>{statusLabel(disabled)}</strong>;
}

function Cell({ column, children }: { column: (typeof COLUMNS)[number]; children: ReactNode }) {
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
