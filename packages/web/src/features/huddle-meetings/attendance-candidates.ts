import type { MeetingView, StaffRole } from '@kith/core';
import { isStaffRole } from '../accounts/labels';
import type { Staff } from '../auth/session';

/** Someone who may be recorded as attending, with the roles they may attend in. */
export interface Candidate {
  staffId: string;
  name: string;
  roles: StaffRole[];
  attended: boolean;
  role: StaffRole | undefined;
}

/**
 * The series' chair and standing members (the view gives the roles each may attend in), then
 * anyone else recorded already, then the user, with the roles their account holds.
 */
export function attendanceCandidates(view: Pick<MeetingView, 'members' | 'attendance'>, me: Staff | undefined): Candidate[] {
  const people = new Map<string, { staffId: string; name: string; roles: StaffRole[] }>();
  const add = (staffId: string, name: string, roles: StaffRole[]) => {
    const known = people.get(staffId);
    people.set(staffId, { staffId, name: known?.name ?? name, roles: [...new Set([...(known?.roles ?? []), ...roles])] });
  };
  for (const member of view.members) add(member.staffId, member.name, member.roles.map((grant) => grant.role));
  for (const attendee of view.attendance) add(attendee.staffId, attendee.name, [attendee.role]);
  if (me) add(me.id, me.name, me.roles.map((grant) => grant.role).filter((role): role is StaffRole => isStaffRole(role)));
  return [...people.values()].map((person) => {
    const recorded = view.attendance.find((attendee) => attendee.staffId === person.staffId);
    return { ...person, attended: Boolean(recorded), role: recorded?.role ?? person.roles[0] };
  });
}
