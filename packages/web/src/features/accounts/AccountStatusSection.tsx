import type { Feedback } from './AccountPage';
import { useChangeAccount, type StaffAccount } from './api';
import { accountErrors } from './errors';

interface AccountStatusSectionProps extends Feedback {
  account: StaffAccount;
  /** The administrator's own account: disabling it would lock them out. */
  self: boolean;
}

/**
 * Disable or enable the account with one clearly labelled button; the words above it say what
 * happens. Disabling can be undone by enabling, so there is no second "are you sure" step.
 */
export function AccountStatusSection({ account, self, succeeded, failed }: AccountStatusSectionProps) {
  const change = useChangeAccount(account.id);
  const disable = !account.disabled;
  function toggle() {
    if (change.isPending) return;
    change.mutate(
      { disabled: disable },
      {
        onSuccess: () => succeeded(disable ? disabledNotice(account.name) : enabledNotice(account.name)),
        onError: (error) => failed(accountErrors(error, {})),
      },
    );
  }
  return (
    <section aria-labelledby="account-status">
      <h2 id="account-status">{disable ? 'Disable account' : 'Enable account'}</h2>
      <p>{explanation(account, self)}</p>
      {!self && (
        <button
          className={`nhsuk-button ${disable ? 'nhsuk-button--warning' : 'nhsuk-button--secondary'}`}
          type="button"
          onClick={toggle}
        >
          {disable ? 'Disable account' : 'Enable account'}
        </button>
      )}
    </section>
  );
}

function explanation({ name, disabled }: StaffAccount, self: boolean): string {
  if (self) return 'This is your own account, so you cannot disable it. Another administrator can.';
  if (disabled) return `${name} cannot sign in while the account is disabled. Enabling it lets them sign in again.`;
  return (
    `Disabling the account signs ${name} out at once, wherever they are signed in, and stops them ` +
    'signing in. You can enable it again later.'
  );
}

const disabledNotice = (name: string) => `Account disabled. ${name} has been signed out and cannot sign in.`;
const enabledNotice = (name: string) => `Account enabled. ${name} can sign in again.`;
