import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router';
import { BackLink } from '../../components/BackLink';
import { ErrorSummary, errorFor, type FormError } from '../../components/ErrorSummary';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { TextInput } from '../../components/TextInput';
import { usePageTitle } from '../../components/usePageTitle';
import { useCreateAccount, useOrganisations, type NewAccount, type Organisation } from './api';
import type { AccountNotice } from './AccountPage';
import { accountErrors, type FieldTarget } from './errors';
import { PASSWORD_HINT } from './labels';
import { roleChoiceOf, RoleFields } from './RoleFields';

/** Where each API field's error links to in this form. */
const FIELDS: Record<string, FieldTarget> = {
  name: { id: 'name', label: 'Full name' },
  email: { id: 'email', label: 'Email address' },
  password: { id: 'password', label: 'Password' },
  roles: { id: 'organisation', label: 'Organisation' },
  'roles.0.organisationId': { id: 'organisation', label: 'Organisation' },
  'roles.0.role': { id: 'role', label: 'Role' },
};

const ROLE_HINT = 'What they do in this organisation. Their role decides what they can see and do in Kith.';

export function CreateAccountPage() {
  const organisations = useOrganisations();
  const { errors, submit } = useCreateAccountForm();
  usePageTitle('Create a staff account', errors.length > 0);
  return (
    <>
      <BackLink to="/admin/staff">Back to staff accounts</BackLink>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} />
          <h1>Create a staff account</h1>
          {organisations.isPending && <Loading what="organisations" />}
          {organisations.isError && <ServiceProblem />}
          {organisations.data && (
            <CreateAccountForm organisations={organisations.data} errors={errors} onSubmit={submit} />
          )}
        </div>
      </div>
    </>
  );
}

interface CreateAccountFormProps {
  organisations: Organisation[];
  errors: FormError[];
  onSubmit: (event: FormEvent<HTMLFormElement>) => void;
}

function CreateAccountForm({ organisations, errors, onSubmit }: CreateAccountFormProps) {
  return (
    <form onSubmit={onSubmit} noValidate>
      <TextInput id="name" label="Full name" autoComplete="off" spellCheck={false} error={errorFor(errors, 'name')} />
      <TextInput
        id="email"
        label="Email address"
        hint="Their work email address. They sign in with it."
        type="email"
        autoComplete="off"
        spellCheck={false}
        error={errorFor(errors, 'email')}
      />
      <RoleFields idPrefix="" organisations={organisations} errors={errors} roleHint={ROLE_HINT} />
      <TextInput
        id="password"
        label="Password"
        hint={PASSWORD_HINT}
        type="password"
        autoComplete="new-password"
        error={errorFor(errors, 'password')}
      />
      <button className="nhsuk-button" type="submit">
        Create account
      </button>
    </form>
  );
}

function useCreateAccountForm() {
  const [errors, setErrors] = useState<FormError[]>([]);
  const create = useCreateAccount();
  const navigate = useNavigate();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const { account, errors: missing } = accountOf(new FormData(event.currentTarget));
    setErrors(missing);
    if (!account) return;
    create.mutate(account, {
      onSuccess: ({ id }) => {
        const notice: AccountNotice = { notice: `Account created for ${account.name}. They can sign in now.` };
        navigate(`/admin/staff/${encodeURIComponent(id)}`, { state: notice });
      },
      onError: (error) => setErrors(accountErrors(error, FIELDS)),
    });
  }
  return { errors, submit };
}

/** The new account from the form, or what is missing in the order the questions are asked. */
function accountOf(form: FormData): { account?: NewAccount; errors: FormError[] } {
  const text = (key: string) => String(form.get(key) ?? '').trim();
  const password = String(form.get('password') ?? '');
  const role = roleChoiceOf(form, '');
  const errors: FormError[] = [];
  if (!text('name')) errors.push({ fieldId: 'name', message: 'Enter their full name' });
  if (!text('email')) errors.push({ fieldId: 'email', message: 'Enter their email address' });
  errors.push(...role.errors);
  if (!password) errors.push({ fieldId: 'password', message: 'Enter a password' });
  if (errors.length > 0 || !role.choice) return { errors };
  return { account: { name: text('name'), email: text('email'), password, roles: [role.choice] }, errors };
}
