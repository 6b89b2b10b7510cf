/**
 * Restricted categories (security.md): an entry in one of them is shown only to the roles named
 * on its category and to its author. Everyone else with access to the record sees a marker,
 * "restricted entry exists", in its place.
 */
import { STAFF_ROLE_LABELS, type StaffRole } from '../registry/roles.js';
import type { RestrictedCategory } from './types.js';

export const RESTRICTED_CATEGORY_ROLES: Readonly<Record<RestrictedCategory, readonly StaffRole[]>> = {
  safeguarding: ['gp', 'social_worker', 'nurse', 'mental_health'],
  sexual_health: ['gp', 'nurse'],
  substance_misuse: ['gp', 'mental_health', 'nurse'],
  mental_health_detail: ['mental_health', 'gp'],
};

export const RESTRICTED_CATEGORY_LABELS: Readonly<Record<RestrictedCategory, string>> = {
  safeguarding: 'safeguarding',
  sexual_health: 'sexual health',
  substance_misuse: 'substance misuse',
  mental_health_detail: 'detailed mental health notes',
};

/** Whether a role is named on a restricted category (the author is allowed separately). */
export function roleNamedOnCategory(role: StaffRole, category: RestrictedCategory): boolean {
  return RESTRICTED_CATEGORY_ROLES[category].includes(role);
}

/** "GP, Social worker and Community nurse": the roles named on a category, in plain words. */
export function namedRolesInWords(category: RestrictedCategory): string {
  const labels = RESTRICTED_CATEGORY_ROLES[category].map((role) => STAFF_ROLE_LABELS[role]);
  if (labels.length < 2) return labels.join('');
  return `${labels.slice(0, -1).join(', ')} and ${labels[labels.length - 1]}`;
}
