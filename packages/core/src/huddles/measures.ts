/**
 * Huddle measures for a date range, from plain rows the server reads: how many meetings were
 * held, who came (by role), how many people were discussed, what actions came of it and whether
 * they were done on time, and how many items were not reached.
 *
 * Only meetings held count: closed, dated within the range (both ends included). A scheduled,
 * running or cancelled meeting has no settled record yet. Actions count when they came from a
 * meeting held in the range, whenever they were completed. "Completed on time" compares the
 * completion date with the due date the task has now (tasks.ts).
 *
 * These are counts about people. Shown to a commissioner or analyst, small numbers must be
 * suppressed (security.md); that is the presenting side's job, not this one's.
 */
import { DomainError } from '../errors.js';
import { isIsoDate } from '../people/dates.js';
import { STAFF_ROLES, type StaffRole } from '../registry/roles.js';
import type { MeetingState } from './meeting.js';
import { completedOnTime, type TaskState } from './tasks.js';

export interface MeasureRows {
  meetings: readonly { id: string; date: string; state: MeetingState }[];
  /** One row per person present at a meeting, in the role they attended as. */
  attendance: readonly { meetingId: string; staffId: string; role: StaffRole }[];
  items: readonly { meetingId: string; personId: string; reviewed: boolean; carriedCount: number }[];
  tasks: readonly { id: string; meetingId: string | null; state: TaskState; dueOn: string; completedOn: string | null }[];
}

export interface RoleAttendance {
  role: StaffRole;
  /** Attendances: one per member of staff per meeting. */
  attendances: number;
  /** Meetings at which the role was present at least once. */
  meetings: number;
}

export interface HuddleMeasures {
  from: string;
  to: string;
  meetingsHeld: number;
  /** In the order of the roles registry; roles never present are left out. */
  attendanceByRole: RoleAttendance[];
  /** Different people discussed (items marked reviewed). */
  peopleDiscussed: number;
  actionsCreated: number;
  actionsCompleted: number;
  actionsCompletedOnTime: number;
  actionsCancelled: number;
  /** Items not reached at a meeting held, and so carried over to the next. */
  itemsRolledOver: number;
  /** The most meetings in a row any item had been carried over, among meetings held. */
  longestCarried: number;
}

function checkRange(from: string, to: string): void {
  if (!isIsoDate(from)) throw DomainError.field('from', 'Must be a real date, written as YYYY-MM-DD');
  if (!isIsoDate(to)) throw DomainError.field('to', 'Must be a real date, written as YYYY-MM-DD');
  if (from > to) throw DomainError.field('to', 'The end of the range must not be before its start');
}

function attendanceByRole(rows: MeasureRows['attendance'], held: ReadonlySet<string>): RoleAttendance[] {
  const seen = new Set<string>();
  const attendances = new Map<StaffRole, number>();
  const meetings = new Map<StaffRole, Set<string>>();
  for (const row of rows) {
    const key = `${row.meetingId}:${row.staffId}`;
    if (!held.has(row.meetingId) || seen.has(key)) continue;
    seen.add(key);
    attendances.set(row.role, (attendances.get(row.role) ?? 0) + 1);
    meetings.set(row.role, (meetings.get(row.role) ?? new Set()).add(row.meetingId));
  }
  return STAFF_ROLES.filter((role) => attendances.has(role)).map((role) => ({
    role,
    attendances: attendances.get(role)!,
    meetings: meetings.get(role)!.size,
  }));
}

export function huddleMeasures(rows: MeasureRows, from: string, to: string): HuddleMeasures {
  checkRange(from, to);
  const held = new Set(rows.meetings.filter((m) => m.state === 'closed' && m.date >= from && m.date <= to).map((m) => m.id));
  const items = rows.items.filter((item) => held.has(item.meetingId));
  const actions = rows.tasks.filter((task) => task.meetingId !== null && held.has(task.meetingId));
  return {
    from,
    to,
    meetingsHeld: held.size,
    attendanceByRole: attendanceByRole(rows.attendance, held),
    peopleDiscussed: new Set(items.filter((item) => item.reviewed).map((item) => item.personId)).size,
    actionsCreated: actions.length,
    actionsCompleted: actions.filter((task) => task.state === 'done').length,
    actionsCompletedOnTime: actions.filter(completedOnTime).length,
    actionsCancelled: actions.filter((task) => task.state === 'cancelled').length,
    itemsRolledOver: items.filter((item) => !item.reviewed).length,
    longestCarried: items.reduce((most, item) => Math.max(most, item.carriedCount), 0),
  };
}
