/**
 * The meeting view for the chair and members, on one screen in the room: the meeting, the
 * lawful basis for discussing anyone, who attended and who the series expects (its chair and
 * standing members with their roles, for the attendance form), and each agenda item in order with its
 * person's summary and what was written and agreed. Each person is decided by the gate: shown
 * (one audited read of their huddle notes and one of their summary) or withheld with the
 * gate's reason. A person who objected to MDT discussion after the agenda was built is left off
 * an open meeting altogether and counted for the chair; a closed meeting's record stands.
 */
import {
  type AccessAction,
  HUDDLE_LAWFUL_BASIS,
  type MeetingActionView,
  type MeetingItemView,
  type MeetingMember,
  type MeetingNoteView,
  type MeetingView,
  STAFF_ROLES,
  STAFF_ROLE_LABELS,
  ageOn,
  describeReason,
  englandDate,
  meetingTitle,
  withheldNotice,
} from '@kith/core';
import { type AccessContext, type AccessGate, withAccess } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import { HUDDLE_NOTES, SUMMARY, headerOf, loadMeeting, requireMeetingAccess } from './access.js';
import * as q from './queries.js';
import { summariesOf } from './summaries.js';

/** What the reader may see of one agenda item's person. */
export interface ItemSight {
  item: q.ItemRow;
  /** Their huddle notes are open to the reader (and the look is recorded). */
  notes: boolean;
  /** Their summary is open to the reader (and the look is recorded). */
  summary: boolean;
  /** The gate's reason when the notes are not open. */
  withheld: string | null;
}

const isOpen = (state: string) => state === 'scheduled' || state === 'in_progress';

/**
 * Decides each person on the agenda for `action` on their huddle notes (and, for a read, their
 * summary), recording one event per look. Items whose person now objects to MDT discussion are
 * dropped from an open meeting and counted.
 */
export async function sightOf(
  gate: AccessGate,
  meeting: q.MeetingRow,
  items: readonly q.ItemRow[],
  action: Extract<AccessAction, 'read' | 'print' | 'export'>,
): Promise<{ sights: ItemSight[]; lateObjections: number }> {
  const sights: ItemSight[] = [];
  let lateObjections = 0;
  await gate.prefetch(items.map((item) => item.person_id));
  for (const item of items) {
    const notes = await gate.decide(item.person_id, action, HUDDLE_NOTES);
    if (isOpen(meeting.state) && notes.facts?.consent.mdtObjection) {
      lateObjections += 1;
      continue;
    }
    const target = { personId: item.person_id, action, resourceId: item.id };
    if (notes.allowed) gate.recordEvent(gate.event(notes, { ...target, resourceKind: 'huddle_notes' }));
    let summary = false;
    if (action === 'read' && notes.allowed) {
      const decision = await gate.decide(item.person_id, 'read', SUMMARY);
      summary = decision.allowed;
      if (summary) gate.recordEvent(gate.event(decision, { ...target, resourceKind: 'summary' }));
    }
    sights.push({ item, notes: notes.allowed, summary, withheld: notes.allowed ? null : notes.reason });
  }
  return { sights, lateObjections };
}

export function reasonViews(item: q.ItemRow) {
  return q.reasonsOf(item).map((reason) => ({ kind: reason.kind, text: describeReason(reason) }));
}

export function personOf(item: q.ItemRow, today: string) {
  return { name: `${item.given_name} ${item.family_name}`, nhsNumber: item.nhs_number, dateOfBirth: item.date_of_birth, age: ageOn(item.date_of_birth, today) };
}

export function byItem<T extends { itemId: string | null }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    if (row.itemId === null) continue;
    grouped.set(row.itemId, [...(grouped.get(row.itemId) ?? []), row]);
  }
  return grouped;
}

function itemView(
  sight: ItemSight,
  today: string,
  found: { notes: Map<string, MeetingNoteView[]>; actions: Map<string, MeetingActionView[]>; summaries: Awaited<ReturnType<typeof summariesOf>> },
): MeetingItemView {
  const { item } = sight;
  const common = {
    id: item.id,
    position: item.position,
    carriedCount: item.carried_count,
    minutes: item.minutes,
    reviewed: item.reviewed,
    reviewedAt: item.reviewed_at === null ? null : q.iso(item.reviewed_at),
  };
  if (!sight.notes) {
    const hidden = { personId: null, person: null, reasons: [], sbar: null, presenter: null, summary: null, notes: [], actions: [] };
    return { ...common, ...hidden, discussAgainInWeeks: null, nextReviewOn: null, withheld: sight.withheld };
  }
  return {
    ...common,
    personId: item.person_id,
    person: personOf(item, today),
    reasons: reasonViews(item),
    sbar: q.sbarOf(item),
    presenter: item.presenter_staff_id ? { staffId: item.presenter_staff_id, name: item.presenter_name ?? '' } : null,
    discussAgainInWeeks: item.discuss_again_in_weeks,
    nextReviewOn: item.next_review_on,
    summary: sight.summary ? (found.summaries.get(item.person_id) ?? null) : null,
    notes: found.notes.get(item.id) ?? [],
    actions: found.actions.get(item.id) ?? [],
    withheld: null,
  };
}

/**
 * The series' chair and standing members, each with the roles attendance takes for them: the
 * roles they hold while they are an enabled member of the meeting's network, none otherwise.
 */
export async function membersOf(tx: Db, meeting: q.MeetingRow): Promise<MeetingMember[]> {
  const members = await q.seriesMembersOf(tx, meeting.series_id);
  const standing = await q.staffStanding(tx, members.map((m) => m.staffId), meeting.network_id);
  return members.flatMap(({ staffId, chair }) => {
    const found = standing.get(staffId);
    if (!found) return [];
    const roles = found.inNetwork && !found.disabled ? STAFF_ROLES.filter((role) => found.roles.includes(role)) : [];
    return [{ staffId, name: found.name, chair, roles: roles.map((role) => ({ role, roleLabel: STAFF_ROLE_LABELS[role] })) }];
  });
}

export function readMeetingView(db: Db, context: AccessContext, meetingId: string): Promise<MeetingView> {
  return withAccess(db, context, async (gate, tx) => {
    const meeting = await loadMeeting(tx, meetingId);
    await requireMeetingAccess(gate, tx, meeting, 'read');
    const today = englandDate(gate.now);
    const { sights, lateObjections } = await sightOf(gate, meeting, await q.itemsOf(tx, meetingId), 'read');
    const summarised = sights.filter((s) => s.summary).map((s) => s.item.person_id);
    // One transaction, one connection: the statements run in turn, each for the whole agenda.
    const attendance = await q.attendanceOf(tx, meetingId);
    const members = await membersOf(tx, meeting);
    const notes = await q.notesOf(tx, meetingId);
    const found = { notes: byItem(notes), actions: byItem(await q.actionsOf(tx, meetingId)), summaries: await summariesOf(tx, summarised, today) };
    const withheldCount = sights.filter((s) => !s.notes).length;
    return {
      meeting: headerOf(meeting, gate.actor.staffId, lateObjections),
      lawfulBasis: HUDDLE_LAWFUL_BASIS,
      attendance,
      members,
      items: sights.map((sight) => itemView(sight, today, found)),
      addenda: notes.filter((n) => n.itemId === null),
      withheldCount,
      withheldNotice: withheldNotice(withheldCount),
    };
  });
}

/** A person's huddle notes across meetings, through the gate's read of their huddle notes. */
export function readPersonHuddleNotes(db: Db, context: AccessContext, personId: string) {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'read', HUDDLE_NOTES, 'huddle_notes');
    const notes = await q.notesOfPerson(tx, personId);
    return {
      personId,
      notes: notes.map(({ seriesName, ...note }) => ({ ...note, meetingTitle: meetingTitle(seriesName, note.meetingDate) })),
    };
  });
}
