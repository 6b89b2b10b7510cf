import type { NavigationItem } from '../../components/Header';
import type { Staff } from '../auth/session';

/** Roles that carry a caseload of people they are the named coordinator for. */
const CASELOAD_ROLES = ['coordinator', 'nurse', 'social_worker', 'therapist', 'mental_health'];

export function hasCaseload(staff: Staff | null | undefined): boolean {
  return Boolean(staff?.roles.some((grant) => CASELOAD_ROLES.includes(grant.role)));
}

/** The header link to the signed-in coordinator's caseload. */
export function caseloadNavigation(staff: Staff | null | undefined): NavigationItem[] {
  return hasCaseload(staff) ? [{ to: '/caseload', text: 'My caseload' }] : [];
}
