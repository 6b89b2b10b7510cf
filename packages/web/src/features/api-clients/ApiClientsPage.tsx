import { Link } from 'react-router';
import { isApiError } from '../../api/client';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { usePageTitle } from '../../components/usePageTitle';
import { NoAccessPage } from '../accounts/access';
import { type ApiClient, useApiClients } from './api';
import { scopesInWords, statusLabel } from './labels';

const COLUMNS = ['Name', 'Organisation', 'What it can do', 'Status'] as const;

/** Other systems that call Kith's API: telecare platforms, data feeds, reporting tools. */
export function ApiClientsPage() {
  const clients = useApiClients();
  usePageTitle('API clients');
  if (isApiError(clients.error, 403)) return <NoAccessPage />;
  if (clients.isError) return <ServiceProblem />;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-full">
        <h1>API clients</h1>
        <p>
          Other systems, such as telecare platforms and data feeds, connect to Kith as API clients. Each has a client
          ID and a secret, and can do only what its scopes allow.
        </p>
        <Link className="nhsuk-button" to="/admin/api-clients/new" draggable={false}>
          Create an API client
        </Link>
        {clients.data ? <ClientList clients={clients.data} /> : <Loading what="API clients" />}
      </div>
    </div>
  );
}

function ClientList({ clients }: { clients: ApiClient[] }) {
  if (clients.length === 0) return <p className="nhsuk-body">There are no API clients yet.</p>;
  return (
    <ResponsiveTable caption="API clients" columns={COLUMNS}>
      {clients.map((client) => (
        <TableRow key={client.id}>
          <TableCell column="Name">
            <Link to={`/admin/api-clients/${encodeURIComponent(client.id)}`}>{client.name}</Link>
          </TableCell>
          <TableCell column="Organisation">{client.organisationName}</TableCell>
          <TableCell column="What it can do">{scopesInWords(client.scopes)}</TableCell>
          <TableCell column="Status">
            <ClientStatusTag disabled={client.disabled} />
          </TableCell>
        </TableRow>
      ))}
    </ResponsiveTable>
  );
}

export function ClientStatusTag({ disabled }: { disabled: boolean }) {
  return (
    <strong className={`nhsuk-tag ${disabled ? 'nhsuk-tag--grey' : 'nhsuk-tag--green'}`}>{statusLabel(disabled)}</strong>
  );
}
