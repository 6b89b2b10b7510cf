/**
 * Who may open a huddle meeting, and what of it they see. A meeting is the network's: only its
 * members whose role may ever read huddle notes (clinical roles, coordinators, network leads)
 * open it at all; a volunteer, the independent living team, an aggregate-only role or an
 * administrator is refused outright (403), and the refusal is recorded. Inside, each person's
 * notes are decided by the gate one person at a time. Closing and cancelling are the chair's.
 */
import {
  type AccessAction,
  type AccessDecision,
  DomainError,
  MEETING_MOVES,
  type MeetingHeader,
  meetingTitle,
  objectionsNotice,
} from '@kith/core';
import type { AccessGate } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import { isNetworkMember } from '../referrals/queries.js';
import { type MeetingRow, iso, meetingById } from './queries.js';

export const HUDDLE_NOTES = { kind: 'huddle_notes' } as const;
export const SUMMARY = { kind: 'summary' } as const;

/** The meeting, or 404. */
export async function loadMeeting(tx: Db, id: string, lock?: 'share' | 'update'): Promise<MeetingRow> {
  const row = await meetingById(tx, id, lock);
  if (!row) throw new DomainError('not_found', 'No huddle meeting has this id');
  return row;
}

/** A refusal made here rather than by decide(): recorded (it outlives the rollback), then a 403. */
function refuse(gate: AccessGate, meetingId: string, action: AccessAction, reason: string, code: string): never {
  const refusal: AccessDecision & { grant: null; facts: null } = {
    allowed: false,
    outcome: 'refused',
    code: 'no_relationship',
    reason,
    basis: null,
    breakGlass: false,
    suppressSmallNumbers: false,
    purpose: 'direct_care',
    grant: null,
    facts: null,
  };
  const event = gate.event(refusal, { personId: null, action, resourceKind: 'huddle_notes', resourceId: meetingId });
  gate.recordDenial({ ...event, resourceType: 'huddle_meeting', reason: code });
  throw new DomainError('forbidden', reason, [], { accessCode: code });
}

/**
 * The reader's role may `action` huddle notes at all (else 403, recorded by the gate), and they
 * belong to the meeting's network (else 403, recorded here).
 */
export async function requireMeetingAccess(gate: AccessGate, tx: Db, meeting: MeetingRow, action: AccessAction): Promise<void> {
  gate.requireRoleCovering(action, 'huddle_notes');
  if (await isNetworkMember(tx, gate.actor.staffId, meeting.network_id)) return;
  const reason = `Only members of ${meeting.network_name} (a place on one of its teams, or a role at one of its practices) can take part in its huddles.`;
  refuse(gate, meeting.id, action, reason, 'not_network_member');
}

/** Closing and cancelling are the chair's. */
export function requireChair(gate: AccessGate, meeting: MeetingRow, what: string): void {
  if (gate.actor.staffId === meeting.chair_staff_id) return;
  refuse(gate, meeting.id, 'write', `Only the chair of this huddle (${meeting.chair_name}) can ${what}.`, 'not_chair');
}

/** The meeting as its header shows it; the objection count is the chair's alone. */
export function headerOf(meeting: MeetingRow, readerStaffId: string, lateObjections = 0): MeetingHeader {
  const youChair = readerStaffId === meeting.chair_staff_id;
  const objections = meeting.objections_withheld + lateObjections;
  const staff = (staffId: string | null, name: string | null) => (staffId ? { staffId, name: name ?? '' } : null);
  return {
    id: meeting.id,
    title: meetingTitle(meeting.series_name, meeting.meets_on),
    seriesId: meeting.series_id,
    seriesName: meeting.series_name,
    networkId: meeting.network_id,
    networkName: meeting.network_name,
    date: meeting.meets_on,
    startsAt: iso(meeting.starts_at),
    endsAt: iso(meeting.ends_at),
    place: meeting.place,
    state: meeting.state,
    version: meeting.version,
    cancelledReason: meeting.cancelled_reason,
    chair: { staffId: meeting.chair_staff_id, name: meeting.chair_name },
    youChair,
    objectionsWithheld: youChair ? objections : null,
    objectionsNotice: youChair ? objectionsNotice(objections) : null,
    openedAt: meeting.opened_at === null ? null : iso(meeting.opened_at),
    openedBy: staff(meeting.opened_by, meeting.opened_by_name),
    closedAt: meeting.closed_at === null ? null : iso(meeting.closed_at),
    closedBy: staff(meeting.closed_by, meeting.closed_by_name),
    nextStates: [...MEETING_MOVES[meeting.state]],
  };
}
