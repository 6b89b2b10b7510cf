import type { StaffRole } from '@kith/core';
import type { NavigationItem } from '../../components/Header';
import type { Staff } from '../auth/session';

/** The roles that read people's summaries, which the case-finding list shows. */
const READERS: readonly StaffRole[] = ['gp', 'nurse', 'pharmacist', 'therapist', 'mental_health', 'social_worker', 'network_lead', 'coordinator'];

export function mayFindCases(staff: Staff | null | undefined): boolean {
  return Boolean(staff?.roles.some((grant) => READERS.includes(grant.role)));
}

/** The header link, for those who may read the list; the API refuses everyone else too. */
export function caseFindingNavigation(staff: Staff | null | undefined): NavigationItem[] {
  return mayFindCases(staff) ? [{ to: '/case-finding', text: 'Case-finding' }] : [];
}
