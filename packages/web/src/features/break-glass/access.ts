import { ROLE_PERMISSIONS, type StaffRole } from '@kith/core';
import type { Staff } from '../auth/session';

export const REFUSED_TITLE = 'You cannot open this record';

/** Whether any of the signed-in user's roles may open a record in an emergency, stating a reason. */
export function mayBreakGlass(staff: Staff | null | undefined): boolean {
  return Boolean(staff?.roles.some((grant) => ROLE_PERMISSIONS[grant.role as StaffRole]?.mayBreakGlass));
}

/**
 * Refusals that emergency access can answer: no relationship, or an earlier emergency access
 * that has ended. A refusal by role (a privacy officer, an administrator) cannot.
 */
const ANSWERED_BY_EMERGENCY_ACCESS = new Set([
  'no_relationship',
  'network_without_open_item',
  'break_glass_expired',
  'break_glass_reason_missing',
]);

export function emergencyAccessWouldHelp(accessCode: string | undefined): boolean {
  return accessCode === undefined || ANSWERED_BY_EMERGENCY_ACCESS.has(accessCode);
}
