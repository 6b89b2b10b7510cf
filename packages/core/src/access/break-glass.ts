/**
 * Emergency access ("break-glass", security.md): a staff member in a direct-care role who has
 * no relationship with a person may open their record by stating a reason. The grant lasts until
 * its expiry (by default four hours from when it was given), covers reading and searching, and
 * writing for clinical roles only; never export or print. Every use is flagged for the privacy
 * officer's review, and restricted categories stay hidden unless the role is named on them.
 */
import type { StaffRole } from '../registry/roles.js';
import { ROLE_PERMISSIONS } from './permissions.js';
import type { BreakGlassGrant } from './types.js';

/** How long emergency access lasts unless the server is configured otherwise: four hours. */
export const BREAK_GLASS_DEFAULT_DURATION_MS = 4 * 60 * 60 * 1000;

/** The longest reason kept; longer is a sign of pasted record text, not a reason. */
export const BREAK_GLASS_REASON_MAX_LENGTH = 500;

/** When a grant given at `grantedAt` ends. */
export function breakGlassExpiry(grantedAt: Date, durationMs: number = BREAK_GLASS_DEFAULT_DURATION_MS): Date {
  return new Date(grantedAt.getTime() + durationMs);
}

/** Why a request for emergency access cannot be granted, or undefined when it can. */
export function breakGlassRequestProblem(role: StaffRole, reason: string): string | undefined {
  if (!ROLE_PERMISSIONS[role].mayBreakGlass) return 'Your role cannot use emergency access';
  if (reason.trim() === '') return 'Give a reason for emergency access';
  if (reason.trim().length > BREAK_GLASS_REASON_MAX_LENGTH) {
    return `Keep the reason to ${BREAK_GLASS_REASON_MAX_LENGTH} characters or fewer`;
  }
  return undefined;
}

export type BreakGlassState = 'active' | 'expired' | 'reason_missing';

/** A grant with a reason is active until, not including, its expiry. */
export function breakGlassState(grant: BreakGlassGrant, now: Date): BreakGlassState {
  if (grant.reason.trim() === '') return 'reason_missing';
  if (now.getTime() >= grant.expiresAt.getTime()) return 'expired';
  return 'active';
}
