import type { NavigationItem } from '../../components/Header';
import type { Staff } from '../auth/session';

export const LOG_ENQUIRY_PATH = '/enquiries/new';

/** Volunteers log the enquiries made at their points of access. */
export function logsEnquiries(staff: Staff | null | undefined): boolean {
  return Boolean(staff?.roles.some((grant) => grant.role === 'volunteer'));
}

/**
 * The header link to log an enquiry, for volunteers. (Anyone whose organisation runs a point of
 * access may log one there; the page says so when they are not set up at one.) A point of
 * access's statistics have no header link: there is no list of points of access to start from,
 * so each is reached by its own address.
 */
export function enquiryNavigation(staff: Staff | null | undefined): NavigationItem[] {
  return logsEnquiries(staff) ? [{ to: LOG_ENQUIRY_PATH, text: 'Log an enquiry' }] : [];
}
