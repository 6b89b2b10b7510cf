import { useEffect } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { BackLink } from '../../components/BackLink';
import { ErrorSummary, type FormError } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/NotificationBanner';
import { Loading, ServiceProblem } from '../../components/ServiceProblem';
import { SummaryList } from '../../components/SummaryList';
import { type Feedback, useFeedback } from '../../components/useFeedback';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../auth/session';
import { NO_ACCESS_TITLE, NoAccessPage } from './access';
import { AccountStatusSection } from './AccountStatusSection';
import { Grants, StatusTag } from './AccountsTable';
import { useOrganisations, useStaffAccount, type Organisation, type StaffAccount } from './api';
import { ChangeRolesForm } from './ChangeRolesForm';
import { SetPasswordForm } from './SetPasswordForm';

/** What the create page tells this page when it sends the administrator here. */
export interface AccountNotice {
  notice: string;
}

/** How each form on the page reports: a success notice, or the problems to put right. */
export type { Feedback };

const PROBLEM = 'Sorry, there is a problem with the service';

export function AccountPage() {
  const { id = '' } = useParams();
  const account = useStaffAccount(id);
  const organisations = useOrganisations();
  const feedback = useAccountFeedback();
  // An id that is not even well formed (400) cannot name an account either.
  const notFound = isApiError(account.error, 404) || isApiError(account.error, 400);
  const forbidden = isApiError(account.error, 403);
  const failed = (account.isError && !notFound && !forbidden) || organisations.isError;
  const title = forbidden ? NO_ACCESS_TITLE : notFound ? 'Account not found' : failed ? PROBLEM : account.data?.name;
  usePageTitle(title ?? 'Staff account', feedback.errors.length > 0);
  if (forbidden) return <NoAccessPage />;

  return (
    <>
      <BackLink to="/admin/staff">Back to staff accounts</BackLink>
      {notFound && <AccountNotFound />}
      {failed && !notFound && <ServiceProblem />}
      {!failed && !notFound && (account.isPending || organisations.isPending) && <Loading what="account" />}
      {account.data && organisations.data && (
        <AccountDetails account={account.data} organisations={organisations.data} {...feedback} />
      )}
    </>
  );
}

interface AccountDetailsProps extends Feedback {
  account: StaffAccount;
  organisations: Organisation[];
  notice?: { message: string; at: number };
  errors: FormError[];
}

function AccountDetails({ account, organisations, notice, errors, succeeded, failed }: AccountDetailsProps) {
  const self = useSession().data?.staff?.id === account.id;
  const report: Feedback = { succeeded, failed };
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {notice && <SuccessBanner key={notice.at} message={notice.message} />}
        <ErrorSummary errors={errors} />
        <h1>{account.name}</h1>
        <SummaryList
          rows={[
            { key: 'Email address', value: account.email },
            { key: 'Status', value: <StatusTag disabled={account.disabled} /> },
            { key: account.roles.length === 1 ? 'Role' : 'Roles', value: <Grants account={account} /> },
          ]}
        />
        <AccountStatusSection account={account} self={self} {...report} />
        <ChangeRolesForm account={account} organisations={organisations} errors={errors} {...report} />
        <SetPasswordForm account={account} errors={errors} {...report} />
      </div>
    </div>
  );
}

function AccountNotFound() {
  return (
    <>
      <h1>Account not found</h1>
      <p>There is no staff account with this address. Go back to the staff accounts to find the person.</p>
    </>
  );
}

/**
 * One notice or one set of errors at a time, whichever form was used last. A notice passed by
 * the create page is taken from the history entry, so going back or reloading does not repeat it.
 */
function useAccountFeedback() {
  const location = useLocation();
  const navigate = useNavigate();
  const passed = (location.state as Partial<AccountNotice> | null)?.notice;
  const feedback = useFeedback(passed);
  useEffect(() => {
    if (passed) navigate(location.pathname, { replace: true, state: null });
  }, [passed, location.pathname, navigate]);
  return feedback;
}
