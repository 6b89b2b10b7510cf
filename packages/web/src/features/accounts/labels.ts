import { STAFF_ROLE_LABELS, STAFF_ROLES, type StaffRole } from '@kith/core';
import type { SelectOption } from '../../components/Select';
import type { StaffRoleGrant } from '../auth/session';
import type { Organisation } from './api';

/** The role in plain words; a role the web app does not know yet is shown as the API names it. */
export function roleLabel(role: string): string {
  return STAFF_ROLE_LABELS[role as StaffRole] ?? role;
}

/** "Community nurse at Riverside Community Trust" */
export function grantInWords(grant: StaffRoleGrant): string {
  return `${roleLabel(grant.role)} at ${grant.organisationName}`;
}

export function statusLabel(disabled: boolean): string {
  return disabled ? 'Disabled' : 'Active';
}

export const ROLE_OPTIONS: SelectOption[] = STAFF_ROLES.map((role) => ({ value: role, text: STAFF_ROLE_LABELS[role] }));

export function organisationOptions(organisations: Organisation[]): SelectOption[] {
  return [...organisations]
    .sort((a, b) => a.name.localeCompare(b.name, 'en-GB'))
    .map((organisation) => ({ value: organisation.id, text: organisation.name }));
}

/** A first option that is not a choice, so nothing is chosen for the user by accident. */
export function withPrompt(prompt: string, options: SelectOption[]): SelectOption[] {
  return [{ value: '', text: prompt }, ...options];
}

export function isStaffRole(value: string): value is StaffRole {
  return (STAFF_ROLES as readonly string[]).includes(value);
}

export const PASSWORD_HINT =
  'Use at least 12 characters. A few words together work well. Do not use a common password, ' +
  'or the person’s name or email address.';
