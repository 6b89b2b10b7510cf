import { Outlet } from 'react-router';
import type { NavigationItem } from '../../components/Header';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession, type Staff } from '../auth/session';

/** Administrators and network leads configure case-finding; the API refuses everyone else too (403). */
export function mayEditRules(staff: Staff | null | undefined): boolean {
  return Boolean(staff?.roles.some((grant) => grant.role === 'admin' || grant.role === 'network_lead'));
}

/** The header link, for those who may change the rules. */
export function ruleNavigation(staff: Staff | null | undefined): NavigationItem[] {
  return mayEditRules(staff) ? [{ to: '/case-finding/rules', text: 'Case-finding rules' }] : [];
}

/** Shows the pages within only to administrators and network leads. */
export function RequireRuleEditor() {
  const staff = useSession().data?.staff;
  return mayEditRules(staff) ? <Outlet /> : <NoRuleAccessPage />;
}

const NO_ACCESS_TITLE = 'You do not have access to this page';

function NoRuleAccessPage() {
  usePageTitle(NO_ACCESS_TITLE);
  return (
    <>
      <h1>{NO_ACCESS_TITLE}</h1>
      <p>Only administrators and network leads can change the case-finding rules.</p>
    </>
  );
}
