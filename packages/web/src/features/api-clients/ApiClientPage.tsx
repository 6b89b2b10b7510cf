import { useState, type FormEvent } from 'react';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { BackLink } from '../../components/BackLink';
import { ErrorSummary, errorFor, type FormError } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/NotificationBanner';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { SummaryList } from '../../components/SummaryList';
import { useFeedback } from '../../components/useFeedback';
import { usePageTitle } from '../../components/usePageTitle';
import { NO_ACCESS_TITLE, NoAccessPage } from '../accounts/access';
import { type ApiClient, type RotatedSecret, useApiClient, useChangeApiClient, useRotateSecret } from './api';
import { ClientStatusTag } from './ApiClientsPage';
import { apiClientErrors } from './errors';
import { dateTimeInWords, scopesInWords } from './labels';
import { ScopeCheckboxes, scopesOf } from './ScopeCheckboxes';
import { SecretPanel } from './SecretPanel';

const PROBLEM = 'Sorry, there is a problem with the service';
const SCOPES_ID = 'change-scopes';

/** How each section of the page reports: a success notice, or the problems to put right. */
interface Feedback {
  succeeded: (message: string) => void;
  failed: (errors: FormError[]) => void;
}

export function ApiClientPage() {
  const { id = '' } = useParams();
  const client = useApiClient(id);
  const feedback = useFeedback();
  const notFound = isApiError(client.error, 404) || isApiError(client.error, 400);
  const forbidden = isApiError(client.error, 403);
  const failed = client.isError && !notFound && !forbidden;
  const title = forbidden ? NO_ACCESS_TITLE : notFound ? 'API client not found' : failed ? PROBLEM : client.data?.name;
  usePageTitle(title ?? 'API client', feedback.errors.length > 0);
  if (forbidden) return <NoAccessPage />;
  return (
    <>
      <BackLink to="/admin/api-clients">Back to API clients</BackLink>
      {notFound && <ClientNotFound />}
      {failed && <ServiceProblem />}
      {client.isPending && <Loading what="API client" />}
      {client.data && <ClientDetails client={client.data} {...feedback} />}
    </>
  );
}

interface ClientDetailsProps extends Feedback {
  client: ApiClient;
  notice?: { message: string; at: number };
  errors: FormError[];
}

function ClientDetails({ client, notice, errors, succeeded, failed }: ClientDetailsProps) {
  const [rotated, setRotated] = useState<RotatedSecret | undefined>();
  const report: Feedback = { succeeded, failed };
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {notice && <SuccessBanner key={notice.at} message={notice.message} />}
        <ErrorSummary errors={errors} />
        <h1>{client.name}</h1>
        {rotated && (
          <SecretPanel
            clientId={client.id}
            secret={rotated.clientSecret}
            previousSecretExpiresAt={rotated.previousSecretExpiresAt}
          />
        )}
        <SummaryList
          rows={[
            { key: 'Client ID', value: <code>{client.id}</code> },
            { key: 'Organisation', value: client.organisationName },
            { key: 'What it can do', value: scopesInWords(client.scopes) },
            { key: 'Status', value: <ClientStatusTag disabled={client.disabled} /> },
            { key: 'Created', value: dateTimeInWords(client.createdAt) },
            { key: 'Secret last rotated', value: client.secretRotatedAt ? dateTimeInWords(client.secretRotatedAt) : 'Never' },
            ...(client.previousSecretExpiresAt
              ? [{ key: 'Previous secret works until', value: dateTimeInWords(client.previousSecretExpiresAt) }]
              : []),
          ]}
        />
        <RotateSection client={client} onRotated={setRotated} {...report} />
        <ScopesSection client={client} errors={errors} {...report} />
        <StatusSection client={client} {...report} />
      </div>
    </div>
  );
}

interface RotateSectionProps extends Feedback {
  client: ApiClient;
  onRotated: (rotated: RotatedSecret) => void;
}

function RotateSection({ client, onRotated, succeeded, failed }: RotateSectionProps) {
  const rotate = useRotateSecret(client.id);
  function rotateSecret() {
    if (rotate.isPending) return;
    rotate.mutate(undefined, {
      onSuccess: (answer) => {
        onRotated(answer);
        succeeded('New secret made. Copy it now: it is shown only once.');
      },
      onError: (error) => failed(apiClientErrors(error, {})),
    });
  }
  return (
    <section aria-labelledby="rotate-secret">
      <h2 id="rotate-secret">Rotate the secret</h2>
      <p>
        Rotating makes a new secret for {client.name}. The current secret keeps working for a grace period, so the
        connected system can change over without a gap; then it stops. Rotate if the secret may have been seen by
        someone who should not have it, or when your policy says.
      </p>
      <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={rotateSecret}>
        Rotate secret
      </button>
    </section>
  );
}

interface ScopesSectionProps extends Feedback {
  client: ApiClient;
  errors: FormError[];
}

function ScopesSection({ client, errors, succeeded, failed }: ScopesSectionProps) {
  const change = useChangeApiClient(client.id);
  function save(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (change.isPending) return;
    const scopes = scopesOf(new FormData(event.currentTarget), SCOPES_ID);
    if (scopes.length === 0) return failed([{ fieldId: SCOPES_ID, message: 'Select what the API client can do' }]);
    change.mutate(
      { scopes },
      {
        onSuccess: () => succeeded(`Scopes saved. ${client.name} needs a new access token to use them.`),
        onError: (error) => failed(apiClientErrors(error, { scopes: { id: SCOPES_ID, label: 'What it can do' } })),
      },
    );
  }
  return (
    <section aria-labelledby="change-scopes-heading">
      <h2 id="change-scopes-heading">Change what it can do</h2>
      <p>Saving ends the access tokens {client.name} holds now. It gets new ones with its client ID and secret.</p>
      <form onSubmit={save} noValidate>
        <ScopeCheckboxes
          id={SCOPES_ID}
          legend="What it can do"
          defaultValue={client.scopes}
          error={errorFor(errors, SCOPES_ID)}
        />
        <button className="nhsuk-button" type="submit">
          Save scopes
        </button>
      </form>
    </section>
  );
}

function StatusSection({ client, succeeded, failed }: Feedback & { client: ApiClient }) {
  const change = useChangeApiClient(client.id);
  const disable = !client.disabled;
  function toggle() {
    if (change.isPending) return;
    change.mutate(
      { disabled: disable },
      {
        onSuccess: () =>
          succeeded(
            disable
              ? `API client disabled. ${client.name} cannot call Kith or get access tokens.`
              : `API client enabled. ${client.name} can get access tokens again.`,
          ),
        onError: (error) => failed(apiClientErrors(error, {})),
      },
    );
  }
  return (
    <section aria-labelledby="client-status">
      <h2 id="client-status">{disable ? 'Disable API client' : 'Enable API client'}</h2>
      <p>
        {disable
          ? `Disabling ends ${client.name}’s access tokens at once and stops it getting new ones. You can enable it again later.`
          : `${client.name} cannot call Kith while it is disabled. Enabling it lets it get access tokens again with its secret.`}
      </p>
      <button
        className={`nhsuk-button ${disable ? 'nhsuk-button--warning' : 'nhsuk-button--secondary'}`}
        type="button"
        onClick={toggle}
      >
        {disable ? 'Disable API client' : 'Enable API client'}
      </button>
    </section>
  );
}

function ClientNotFound() {
  return (
    <>
      <h1>API client not found</h1>
      <p>There is no API client with this address. Go back to the API clients to find it.</p>
    </>
  );
}
