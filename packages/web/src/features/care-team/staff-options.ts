import { permits, ROLE_PERMISSIONS, STAFF_ROLE_LABELS, type CareTeamMember, type StaffRole } from '@kith/core';
import type { SelectOption } from '../../components/Select';
import type { StaffAccount } from '../accounts/api';

/**
 * One choice per role a person holds, so the team records the organisation they join it for.
 * Disabled accounts and people already on the team are left out.
 */
export function staffOptions(staff: StaffAccount[], members: CareTeamMember[]): SelectOption[] {
  const onTeam = new Set(members.map((member) => member.staffId));
  return staff
    .filter((account) => !account.disabled && !onTeam.has(account.id))
    .flatMap((account) =>
      account.roles
        .filter((grant) => caresForPeople(grant.role))
        .map((grant) => ({
          value: optionValue(account.id, grant.organisationId),
          text: `${account.name} – ${STAFF_ROLE_LABELS[grant.role]}, ${grant.organisationName}`,
        })),
    )
    .sort((a, b) => a.text.localeCompare(b.text, 'en-GB'));
}

/** Roles whose work includes a person's summary; analysts, administrators and the like do not join care teams. */
function caresForPeople(role: string): boolean {
  const permissions = ROLE_PERMISSIONS[role as StaffRole];
  return Boolean(permissions && permits(permissions.resources, 'summary', 'read'));
}

export function optionValue(staffId: string, organisationId: string): string {
  return `${staffId}|${organisationId}`;
}

export function choiceOf(value: string): { staffId: string; organisationId: string } | undefined {
  const [staffId, organisationId] = value.split('|');
  return staffId && organisationId ? { staffId, organisationId } : undefined;
}
