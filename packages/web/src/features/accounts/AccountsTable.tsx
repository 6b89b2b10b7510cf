import { Link } from 'react-router';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import type { StaffAccount } from './api';
import { grantInWords, statusLabel } from './labels';

const COLUMNS = ['Name', 'Email address', 'Organisation and role', 'Status'] as const;

export function AccountsTable({ accounts }: { accounts: StaffAccount[] }) {
  return (
    <ResponsiveTable caption="Staff accounts" columns={COLUMNS}>
      {accounts.map((account) => (
        <AccountRow account={account} key={account.id} />
      ))}
    </ResponsiveTable>
  );
}

function AccountRow({ account }: { account: StaffAccount }) {
  return (
    <TableRow>
      <TableCell column="Name">
        <Link to={`/admin/staff/${encodeURIComponent(account.id)}`}>{account.name}</Link>
      </TableCell>
      <TableCell column="Email address">{account.email}</TableCell>
      <TableCell column="Organisation and role">
        <Grants account={account} />
      </TableCell>
      <TableCell column="Status">
        <StatusTag disabled={account.disabled} />
      </TableCell>
    </TableRow>
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
