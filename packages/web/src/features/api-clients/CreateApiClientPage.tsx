import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { BackLink } from '../../components/BackLink';
import { ErrorSummary, errorFor, type FormError } from '../../components/ErrorSummary';
import { Select } from '../../components/Select';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { TextInput } from '../../components/TextInput';
import { usePageTitle } from '../../components/usePageTitle';
import { useOrganisations, type Organisation } from '../accounts/api';
import { organisationOptions, withPrompt } from '../accounts/labels';
import { type CreatedApiClient, type NewApiClient, useCreateApiClient } from './api';
import { apiClientErrors, type FieldTarget } from './errors';
import { ScopeCheckboxes, scopesOf } from './ScopeCheckboxes';
import { SecretPanel } from './SecretPanel';

/** Where each API field's error links to in this form. */
const FIELDS: Record<string, FieldTarget> = {
  name: { id: 'name', label: 'Name' },
  organisationId: { id: 'organisation', label: 'Organisation' },
  scopes: { id: 'scopes', label: 'What it can do' },
};

export function CreateApiClientPage() {
  const organisations = useOrganisations();
  const { errors, submit, created } = useCreateForm();
  usePageTitle(created ? 'API client created' : 'Create an API client', errors.length > 0);
  if (created) return <Created created={created} />;
  return (
    <>
      <BackLink to="/admin/api-clients">Back to API clients</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1>Create an API client</h1>
          {organisations.isPending && <Loading what="organisations" />}
          {organisations.isError && <ServiceProblem />}
          {organisations.data && <CreateForm organisations={organisations.data} errors={errors} onSubmit={submit} />}
        </div>
      </div>
    </>
  );
}

interface CreateFormProps {
  organisations: Organisation[];
  errors: FormError[];
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

function CreateForm({ organisations, errors, onSubmit }: CreateFormProps) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <TextInput
        id="name"
        label="Name"
        hint="The system that will connect, as people will know it, such as “Careline telecare platform”"
        autoComplete="off"
        error={errorFor(errors, 'name')}
      />
      <Select
        id="organisation"
        label="Organisation"
        hint="The organisation that runs the system and answers for what it does"
        options={withPrompt('Select an organisation', organisationOptions(organisations))}
        defaultValue=""
        error={errorFor(errors, 'organisation')}
      />
      <ScopeCheckboxes
        id="scopes"
        legend="What it can do"
        hint="Select everything the system needs, and nothing more."
        error={errorFor(errors, 'scopes')}
      />
      <button className="nhsuk-button" type="submit">
        Create API client
      </button>
    </form>
  );
}

/** The new client's id and secret, shown once; the heading takes focus, as a new page would. */
function Created({ created }: { created: CreatedApiClient }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { client, clientSecret } = created;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <h1 ref={heading} tabIndex={-1} className="kith-focus-target">
          API client created
        </h1>
        <p>
          {client.name} can now get access tokens with its client ID and secret, for {client.organisationName}.
        </p>
        <SecretPanel clientId={client.id} secret={clientSecret} />
        <p>
          <Link to={`/admin/api-clients/${encodeURIComponent(client.id)}`}>
            I have copied the secret: go to {client.name}
          </Link>
        </p>
      </div>
    </div>
  );
}

function useCreateForm() {
  const [errors, setErrors] = useState<FormError[]>([]);
  const [created, setCreated] = useState<CreatedApiClient | undefined>();
  const create = useCreateApiClient();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const { client, errors: missing } = clientOf(new FormData(event.currentTarget));
    setErrors(missing);
    if (!client) return;
    create.mutate(client, {
      onSuccess: (answer) => setCreated(answer),
      onError: (error) => setErrors(apiClientErrors(error, FIELDS)),
    });
  }
  return { errors, submit, created };
}

/** The new client from the form, or what is missing in the order the questions are asked. */
function clientOf(form: FormData): { client?: NewApiClient; errors: FormError[] } {
  const name = String(form.get('name') ?? '').trim();
  const organisationId = String(form.get('organisation') ?? '');
  const scopes = scopesOf(form, 'scopes');
  const errors: FormError[] = [];
  if (!name) errors.push({ fieldId: 'name', message: 'Enter a name for the API client' });
  if (!organisationId) errors.push({ fieldId: 'organisation', message: 'Select an organisation' });
  if (scopes.length === 0) errors.push({ fieldId: 'scopes', message: 'Select what the API client can do' });
  if (errors.length > 0) return { errors };
  return { client: { name, organisationId, scopes }, errors };
}
