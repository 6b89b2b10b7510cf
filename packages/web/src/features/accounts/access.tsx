import { Outlet } from 'react-router';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession, type Staff } from '../auth/session';

/** Administrators manage staff accounts; they hold the admin role in some organisation. */
export function isAdministrator(staff: Staff | null | undefined): boolean {
  return Boolean(staff?.roles.some((grant) => grant.role === 'admin'));
}

/**
 * Shows the pages within only to administrators. Within RequireSession, so the session is
 * known here. The API refuses everyone else too (403); this spares them a form they cannot use.
 */
export function RequireAdministrator() {
  const staff = useSession().data?.staff;
  return isAdministrator(staff) ? <Outlet /> : <NoAccessPage />;
}

export const NO_ACCESS_TITLE = 'You do not have access to this page';

export function NoAccessPage() {
  usePageTitle(NO_ACCESS_TITLE);
  return (
    <>
      <h1>{NO_ACCESS_TITLE}</h1>
      <p>Only administrators can manage staff accounts.</p>
      <p>If you think you need access, ask an administrator in your organisation.</p>
    </>
  );
}
