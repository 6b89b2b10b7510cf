import { useEffect, useRef } from 'react';
import { Outlet, useLocation } from 'react-router';
import { Footer } from '../components/Footer';
import { Header, type NavigationItem } from '../components/Header';
import { MAIN_CONTENT_ID, SkipLink } from '../components/SkipLink';
import { isAdministrator } from '../features/accounts/access';
import { withPrivacyNavigation } from '../features/audit/access';
import { caseFindingNavigation } from '../features/case-finding/access';
import { directoryNavigation } from '../features/directory/access';
import { enquiryNavigation } from '../features/enquiries/access';
import { huddleNavigation } from '../features/huddles/access';
import { useReferralNavigation } from '../features/referrals/access';
import { ruleNavigation } from '../features/referral-rules/access';
import { caseloadNavigation } from '../features/support/access';
import { taskNavigation } from '../features/tasks/access';
import { useSession, useSessionEndedRedirect, useSignOut } from '../features/auth/session';

const NAVIGATION: NavigationItem[] = [{ to: '/people', text: 'Find a person' }];
/** Only administrators see the link; the pages and the API refuse everyone else too. */
const ADMIN_NAVIGATION: NavigationItem[] = [
  ...NAVIGATION,
  { to: '/admin/staff', text: 'Staff accounts' },
  { to: '/admin/api-clients', text: 'API clients' },
];

/** Every page: skip link, NHS header, one main landmark, footer. */
export function Layout() {
  useSessionEndedRedirect();
  useFocusMainOnNavigate();
  const staff = useSession().data?.staff;
  const signOut = useSignOut();
  const onSignOut = () => {
    if (!signOut.isPending) signOut.mutate();
  };
  const signedIn = staff ? { name: staff.name, onSignOut } : undefined;
  const referralNavigation = useReferralNavigation(staff);

  return (
    <>
      <SkipLink />
      <Header signedIn={signedIn} navigation={withPrivacyNavigation(staff, [...(isAdministrator(staff) ? ADMIN_NAVIGATION : NAVIGATION), ...referralNavigation, ...caseloadNavigation(staff), ...taskNavigation(staff), ...huddleNavigation(staff), ...caseFindingNavigation(staff), ...ruleNavigation(staff), ...directoryNavigation(staff), ...enquiryNavigation(staff)])} />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper kith-focus-target" id={MAIN_CONTENT_ID} tabIndex={-1}>
          <Outlet />
        </main>
      </div>
      <Footer />
    </>
  );
}

/**
 * A single-page app does not reload on navigation, so focus would stay on a link that has
 * gone. Moving it to the top of the new page's content is what a page load would do, and
 * lets screen readers start reading the new page. Redirects before the user has done anything
 * (/ to /people, or to sign in) leave focus alone, so the first Tab still reaches the skip link.
 */
function useFocusMainOnNavigate(): void {
  const { pathname } = useLocation();
  const last = useRef(pathname);
  const userHasActed = useRef(false);
  useEffect(() => {
    const acted = () => {
      userHasActed.current = true;
    };
    window.addEventListener('keydown', acted, { capture: true, once: true });
    window.addEventListener('pointerdown', acted, { capture: true, once: true });
    return () => {
      window.removeEventListener('keydown', acted, { capture: true });
      window.removeEventListener('pointerdown', acted, { capture: true });
    };
  }, []);
  useEffect(() => {
    if (last.current === pathname) return;
    last.current = pathname;
    if (!userHasActed.current) return;
    window.scrollTo(0, 0);
    document.getElementById(MAIN_CONTENT_ID)?.focus({ preventScroll: true });
  }, [pathname]);
}
