import { CLINICAL_ROLES, type StaffRole } from '@kith/core';
import type { NavigationItem } from '../../components/Header';
import type { Staff } from '../auth/session';

/** The roles that work a network's huddles: clinical roles (network leads among them) and coordinators, as the API decides it. */
const HUDDLE_ROLES: readonly StaffRole[] = [...CLINICAL_ROLES, 'coordinator'];

export function worksHuddles(staff: Staff | null | undefined): boolean {
  return Boolean(staff?.roles.some((grant) => HUDDLE_ROLES.includes(grant.role)));
}

/** The header link, for the network's care roles; the API refuses anyone else too. */
export function huddleNavigation(staff: Staff | null | undefined): NavigationItem[] {
  return worksHuddles(staff) ? [{ to: '/huddles', text: 'Huddles' }] : [];
}
