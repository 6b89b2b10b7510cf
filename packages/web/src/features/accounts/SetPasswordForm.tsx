import type { FormEvent } from 'react';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { TextInput } from '../../components/TextInput';
import type { Feedback } from './AccountPage';
import { useSetPassword, type StaffAccount } from './api';
import { accountErrors } from './errors';
import { PASSWORD_HINT } from './labels';

const FIELD_ID = 'new-password';

interface SetPasswordFormProps extends Feedback {
  account: StaffAccount;
  errors: FormError[];
}

export function SetPasswordForm({ account, errors, ...feedback }: SetPasswordFormProps) {
  const submit = useSubmitPassword(account, feedback);
  return (
    <section aria-labelledby="set-password">
      <h2 id="set-password">Set a new password</h2>
      <p>
        Setting a new password signs {account.name} out at once. Give them the new password in person or by
        phone, never by email.
      </p>
      <form onSubmit={submit} noValidate>
        <TextInput
          id={FIELD_ID}
          label="New password"
          hint={PASSWORD_HINT}
          type="password"
          autoComplete="new-password"
          error={errorFor(errors, FIELD_ID)}
        />
        <button className="nhsuk-button" type="submit">
          Set password
        </button>
      </form>
    </section>
  );
}

/** Sets the password the form holds, and empties the form once it is set. */
function useSubmitPassword(account: StaffAccount, { succeeded, failed }: Feedback) {
  const setPassword = useSetPassword(account.id);
  return (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (setPassword.isPending) return;
    const form = event.currentTarget;
    const password = String(new FormData(form).get(FIELD_ID) ?? '');
    if (!password) return failed([{ fieldId: FIELD_ID, message: 'Enter a new password' }]);
    setPassword.mutate(password, {
      onSuccess: () => {
        form.reset();
        succeeded(`New password set. ${account.name} has been signed out and signs in with the new password.`);
      },
      onError: (error) => failed(accountErrors(error, { password: { id: FIELD_ID, label: 'New password' } })),
    });
  };
}
