import { permits, ROLE_PERMISSIONS, type StaffRole } from '@kith/core';
import { Outlet } from 'react-router';
import type { NavigationItem } from '../../components/Header';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession, type Staff } from '../auth/session';

/** Privacy officers read the audit log and review emergency access; they hold the role in some organisation. */
export function isPrivacyOfficer(staff: Staff | null | undefined): boolean {
  return Boolean(staff?.roles.some((grant) => grant.role === 'privacy_officer'));
}

/** Whether any of the user's roles may search for people; a privacy officer's alone may not. */
export function maySearchPeople(staff: Staff | null | undefined): boolean {
  return Boolean(
    staff?.roles.some((grant) => {
      const permissions = ROLE_PERMISSIONS[grant.role as StaffRole];
      return permissions ? permits(permissions.resources, 'identity', 'search') : false;
    }),
  );
}

export const PRIVACY_NAVIGATION: NavigationItem[] = [
  { to: '/emergency-access-reviews', text: 'Emergency access reviews' },
  { to: '/audit-log', text: 'Audit log' },
];

/** The header links for this user: a privacy officer's pages added, and person search left out when they cannot use it. */
export function withPrivacyNavigation(staff: Staff | null | undefined, items: NavigationItem[]): NavigationItem[] {
  if (!isPrivacyOfficer(staff)) return items;
  const usable = maySearchPeople(staff) ? items : items.filter((item) => item.to !== '/people');
  return [...PRIVACY_NAVIGATION, ...usable];
}

/** Shows the pages within only to privacy officers; the API refuses everyone else too (403). */
export function RequirePrivacyOfficer() {
  const staff = useSession().data?.staff;
  return isPrivacyOfficer(staff) ? <Outlet /> : <NoPrivacyAccessPage />;
}

export const NO_ACCESS_TITLE = 'You do not have access to this page';

export function NoPrivacyAccessPage() {
  usePageTitle(NO_ACCESS_TITLE);
  return (
    <>
      <h1>{NO_ACCESS_TITLE}</h1>
      <p>Only privacy officers can read the audit log and review emergency access.</p>
    </>
  );
}
