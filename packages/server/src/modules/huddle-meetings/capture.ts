/**
 * Live capture on a meeting in progress: notes and decisions, actions (as tasks, through the
 * tasks module), marking an item reviewed with its cadence and presenter, and attendance. Each
 * write is checked in order: the reader may take part (403), the meeting is open to change
 * (core's assertEditable: 409 once closed, naming the meeting), it has started (409), and the
 * gate lets the reader write the person's huddle notes (403). A closed meeting takes only
 * addenda, signed and dated (core's signAddendum). Nothing is written when a check fails.
 */
import { randomUUID } from 'node:crypto';
import {
  type Attendance,
  DomainError,
  type FieldProblem,
  type MeetingActionInput,
  type MeetingAddendumInput,
  type MeetingNoteInput,
  type MeetingNoteView,
  type MeetingReviewInput,
  type MeetingReviewView,
  type MeetingStatusView,
  type TaskView,
  STAFF_ROLE_LABELS,
  assertEditable,
  englandDate,
  nextReviewOn,
  parseTaskCreate,
  signAddendum,
} from '@kith/core';
import { and, eq, notInArray } from 'drizzle-orm';
import { type AccessContext, type AccessGate, withAccess } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import { huddleAgendaItem, huddleAttendance, huddleNote } from '../../platform/db/schema.js';
import { createTaskInGate } from '../tasks/service.js';
import { HUDDLE_NOTES, loadMeeting, requireMeetingAccess } from './access.js';
import { frozenAsConflict } from './frozen.js';
import { statusOf } from './moves.js';
import * as q from './queries.js';

const statusOfMeeting = (m: q.MeetingRow) => ({ id: m.id, date: m.meets_on, state: m.state });

/** The meeting, locked against closing while this write runs, and open to live capture. */
async function liveMeeting(gate: AccessGate, tx: Db, meetingId: string, what: string): Promise<q.MeetingRow> {
  const meeting = await loadMeeting(tx, meetingId, 'share');
  await requireMeetingAccess(gate, tx, meeting, 'write');
  assertEditable(statusOfMeeting(meeting));
  if (meeting.state === 'scheduled') {
    const reason = `The meeting has not started: start it to ${what}`;
    throw new DomainError('conflict', reason, [{ field: 'meetingId', reason }], { meetingId, meetingState: meeting.state });
  }
  return meeting;
}

async function itemOrNotFound(tx: Db, meetingId: string, itemId: string): Promise<q.ItemRow> {
  const item = await q.itemOf(tx, meetingId, itemId);
  if (!item) throw new DomainError('not_found', 'No agenda item of this meeting has this id');
  return item;
}

/** The gate's write on the person's huddle notes; and a person who now objects is not discussed. */
async function requireDiscussable(gate: AccessGate, item: q.ItemRow): Promise<void> {
  const decision = await gate.require(item.person_id, 'write', HUDDLE_NOTES, item.id);
  if (decision.facts?.consent.mdtObjection) {
    const reason = 'This person objects to being discussed at MDT huddles: nothing about them is recorded here';
    throw new DomainError('conflict', reason, [{ field: 'itemId', reason }]);
  }
}

/** A live item: the meeting in progress, the item on its agenda, the person open to the reader's notes. */
async function liveItem(gate: AccessGate, tx: Db, meetingId: string, itemId: string, what: string) {
  const meeting = await liveMeeting(gate, tx, meetingId, what);
  const item = await itemOrNotFound(tx, meetingId, itemId);
  await requireDiscussable(gate, item);
  return { meeting, item };
}

/** Runs the work in one gated transaction, the database's freeze answered as a 409. */
const gated = <T>(db: Db, context: AccessContext, work: (gate: AccessGate, tx: Db) => Promise<T>) =>
  frozenAsConflict(() => withAccess(db, context, work));

export function addNote(db: Db, context: AccessContext, meetingId: string, itemId: string, input: MeetingNoteInput): Promise<MeetingNoteView> {
  return gated(db, context, async (gate, tx) => {
    const { item } = await liveItem(gate, tx, meetingId, itemId, `record a ${input.kind}`);
    const id = randomUUID();
    await tx.insert(huddleNote).values({
      id,
      meetingId,
      agendaItemId: item.id,
      personId: item.person_id,
      kind: input.kind,
      text: input.text,
      writtenBy: gate.actor.staffId,
      writtenAt: gate.now,
    });
    return q.noteById(tx, id);
  });
}

/** An action: the body checked against today in England, then made a task of the item's person and this meeting. */
export function addAction(db: Db, context: AccessContext, meetingId: string, itemId: string, body: MeetingActionInput): Promise<TaskView> {
  return gated(db, context, async (gate, tx) => {
    const { meeting, item } = await liveItem(gate, tx, meetingId, itemId, 'agree an action');
    const input = parseTaskCreate({ ...body, personId: item.person_id, meetingId }, englandDate(gate.now));
    return createTaskInGate(gate, tx, input, { meetingId, agendaItemId: item.id, networkId: meeting.network_id });
  });
}

async function requirePresenter(tx: Db, staffId: string, networkId: string): Promise<void> {
  const found = (await q.staffStanding(tx, [staffId], networkId)).get(staffId);
  if (!found) throw DomainError.field('presenterStaffId', 'No member of staff has this id');
  if (!found.inNetwork) throw DomainError.field('presenterStaffId', 'The presenter must be a member of the network');
}

export function reviewItem(db: Db, context: AccessContext, meetingId: string, itemId: string, input: MeetingReviewInput): Promise<MeetingReviewView> {
  return gated(db, context, async (gate, tx) => {
    const { meeting, item } = await liveItem(gate, tx, meetingId, itemId, 'mark items reviewed');
    if (input.presenterStaffId) await requirePresenter(tx, input.presenterStaffId, meeting.network_id);
    const weeks = input.reviewed ? (input.discussAgainInWeeks ?? null) : null;
    const set = {
      reviewed: input.reviewed,
      reviewedAt: input.reviewed ? gate.now : null,
      discussAgainInWeeks: weeks,
      nextReviewOn: weeks === null ? null : nextReviewOn(meeting.meets_on, weeks),
      ...(input.presenterStaffId !== undefined ? { presenterStaffId: input.presenterStaffId } : {}),
    };
    await tx.update(huddleAgendaItem).set(set).where(eq(huddleAgendaItem.id, item.id));
    const updated = await itemOrNotFound(tx, meetingId, itemId);
    return {
      itemId,
      reviewed: updated.reviewed,
      reviewedAt: updated.reviewed_at === null ? null : q.iso(updated.reviewed_at),
      presenter: updated.presenter_staff_id ? { staffId: updated.presenter_staff_id, name: updated.presenter_name ?? '' } : null,
      discussAgainInWeeks: updated.discuss_again_in_weeks,
      nextReviewOn: updated.next_review_on,
    };
  });
}

/** Every attendee is a member of the network, in a role they hold: a 400 naming each one at fault. */
async function checkAttendees(tx: Db, attendance: Attendance, networkId: string): Promise<void> {
  const standing = await q.staffStanding(tx, attendance.attendees.map((a) => a.staffId), networkId);
  const problems: FieldProblem[] = [];
  attendance.attendees.forEach((attendee, index) => {
    const found = standing.get(attendee.staffId);
    const field = `attendees.${index}.staffId`;
    if (!found) problems.push({ field, reason: 'No member of staff has this id' });
    else if (found.disabled) problems.push({ field, reason: `${found.name}'s account is disabled` });
    else if (!found.inNetwork) problems.push({ field, reason: `${found.name} is not a member of the network` });
    else if (!found.roles.includes(attendee.role)) {
      problems.push({ field: `attendees.${index}.role`, reason: `${found.name} does not hold the role ${STAFF_ROLE_LABELS[attendee.role]}` });
    }
  });
  if (problems.length > 0) throw new DomainError('invalid', problems.map((p) => `${p.field}: ${p.reason}`).join('; '), problems);
}

/** Who attended, in which role: the list replaces the one recorded, keeping when each was first recorded. */
export function recordAttendance(db: Db, context: AccessContext, meetingId: string, attendance: Attendance): Promise<MeetingStatusView> {
  return gated(db, context, async (gate, tx) => {
    const meeting = await liveMeeting(gate, tx, meetingId, 'record attendance');
    await checkAttendees(tx, attendance, meeting.network_id);
    const kept = attendance.attendees.map((a) => a.staffId);
    const leaving = eq(huddleAttendance.meetingId, meetingId);
    await tx.delete(huddleAttendance).where(kept.length > 0 ? and(leaving, notInArray(huddleAttendance.staffId, kept)) : leaving);
    for (const attendee of attendance.attendees) {
      await tx
        .insert(huddleAttendance)
        .values({ meetingId, staffId: attendee.staffId, role: attendee.role, recordedAt: gate.now })
        .onConflictDoUpdate({ target: [huddleAttendance.meetingId, huddleAttendance.staffId], set: { role: attendee.role } });
    }
    return statusOf(tx, gate, meetingId);
  });
}

/**
 * An addendum to a closed meeting, signed by the writer and dated now: about one item (the
 * gate's write on that person's notes) or the meeting as a whole. Refused (409) before close.
 */
export function addAddendum(db: Db, context: AccessContext, meetingId: string, input: MeetingAddendumInput): Promise<MeetingNoteView> {
  return gated(db, context, async (gate, tx) => {
    const meeting = await loadMeeting(tx, meetingId);
    await requireMeetingAccess(gate, tx, meeting, 'write');
    const item = input.itemId ? await q.itemOf(tx, meetingId, input.itemId) : undefined;
    if (input.itemId && !item) throw DomainError.field('itemId', 'No agenda item of this meeting has this id');
    if (item) await gate.require(item.person_id, 'write', HUDDLE_NOTES, item.id);
    const signed = signAddendum(statusOfMeeting(meeting), { text: input.text }, gate.actor.staffId, gate.now);
    const id = randomUUID();
    await tx.insert(huddleNote).values({
      id,
      meetingId,
      agendaItemId: item?.id ?? null,
      personId: item?.person_id ?? null,
      kind: 'addendum',
      text: signed.text,
      writtenBy: signed.signedBy,
      writtenAt: new Date(signed.signedAt),
    });
    return q.noteById(tx, id);
  });
}
