import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { usePageTitle } from '../../components/usePageTitle';
import { NoAccessPage } from './access';
import { AccountFilters } from './AccountFilters';
import { AccountsTable } from './AccountsTable';
import { useOrganisations, useStaffAccounts, type Organisation, type StaffAccount } from './api';
import { filterAccounts, filterFromParams, paramsOfFilter, type AccountFilter } from './filter';

export function StaffAccountsPage() {
  const accounts = useStaffAccounts();
  const organisations = useOrganisations();
  usePageTitle('Staff accounts');
  if (isApiError(accounts.error, 403)) return <NoAccessPage />;
  if (accounts.isError || organisations.isError) return <ServiceProblem />;

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        <h1>Staff accounts</h1>
        <Link className="nhsuk-button" to="/admin/staff/new" draggable={false}>
          Create an account
        </Link>
        {accounts.data && organisations.data ? (
          <FilteredAccounts accounts={accounts.data} organisations={organisations.data} />
        ) : (
          <Loading what="staff accounts" />
        )}
      </div>
    </div>
  );
}

function FilteredAccounts({ accounts, organisations }: { accounts: StaffAccount[]; organisations: Organisation[] }) {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const filter = filterFromParams(params);
  const search = paramsOfFilter(filter);
  const shown = filterAccounts(accounts, filter);
  const applyFilter = (next: AccountFilter) => navigate({ search: paramsOfFilter(next) });
  return (
    <>
      <AccountFilters filter={filter} filterKey={search} organisations={organisations} onFilter={applyFilter} />
      {/* Always present, so screen readers hear what each filter found. */}
      <p className="nhsuk-body" role="status">
        {countInWords(shown.length, accounts.length)}
      </p>
      {shown.length > 0 && <AccountsTable accounts={shown} />}
    </>
  );
}

function countInWords(shown: number, all: number): string {
  if (shown === 0) return 'No accounts match the filter';
  const accounts = (n: number) => (n === 1 ? '1 account' : `${n} accounts`);
  return shown === all ? `Showing ${accounts(all)}` : `Showing ${shown} of ${accounts(all)}`;
}
