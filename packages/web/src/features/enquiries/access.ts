import type { NavigationItem } from '../../components/Header';
import type { Staff } from '../auth/session';

export const LOG_ENQUIRY_PATH = '/enquiries/new';

/** Volunteers log the enquiries made at their points of access. */
export function logsEnquiries(staff: Staff | null | undefined): boolean {
  return Boolean(staff?.roles.some((grant) => grant.role === 'volunteer'));
}

export const POINTS_OF_ACCESS_PATH = '/points-of-access';

/** Network leads and commissioners see each point of access's statistics. */
export function seesEnquiryStatistics(staff: Staff | null | undefined): boolean {
  return Boolean(staff?.roles.some((grant) => grant.role === 'network_lead' || grant.role === 'commissioner'));
}

/**
 * The header links: logging an enquiry, for volunteers (anyone whose organisation runs a point
 * of access may log one there; the page says so when they are not set up at one); the points of
 * access and their statistics, for network leads and commissioners.
 */
export function enquiryNavigation(staff: Staff | null | undefined): NavigationItem[] {
  return [
    ...(logsEnquiries(staff) ? [{ to: LOG_ENQUIRY_PATH, text: 'Log an enquiry' }] : []),
    ...(seesEnquiryStatistics(staff) ? [{ to: POINTS_OF_ACCESS_PATH, text: 'Points of access' }] : []),
  ];
}
