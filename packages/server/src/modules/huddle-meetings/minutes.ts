/**
 * The minutes of a closed meeting, for the printable page (a `print` of each person's huddle
 * notes) and the PDF (an `export` of each), each look one audit event for direct care. They
 * hold the meeting, attendance by name and role, each person discussed with their reasons,
 * notes, decisions, actions (owner, due date) and addenda signed and dated, and the lawful
 * basis. People whose notes the reader may not print or export are left out and counted.
 */
import {
  DomainError,
  HUDDLE_LAWFUL_BASIS,
  type MeetingActionView,
  type MeetingNoteView,
  type Minutes,
  type MinutesItem,
  englandDate,
  meetingTitle,
  withheldNotice,
} from '@kith/core';
import { type AccessContext, withAccess } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import { headerOf, loadMeeting, requireMeetingAccess } from './access.js';
import * as q from './queries.js';
import { byItem, personOf, reasonViews, sightOf } from './view.js';

/** One person as the minutes record them: what was written, split by kind, and the actions agreed. */
function minutesItem(item: q.ItemRow, today: string, written: readonly MeetingNoteView[], actions: MeetingActionView[]): MinutesItem {
  return {
    id: item.id,
    position: item.position,
    personId: item.person_id,
    person: personOf(item, today),
    reasons: reasonViews(item),
    presenter: item.presenter_staff_id ? { staffId: item.presenter_staff_id, name: item.presenter_name ?? '' } : null,
    reviewed: item.reviewed,
    discussAgainInWeeks: item.discuss_again_in_weeks,
    nextReviewOn: item.next_review_on,
    notes: written.filter((n) => n.kind === 'note'),
    decisions: written.filter((n) => n.kind === 'decision'),
    actions,
    addenda: written.filter((n) => n.kind === 'addendum'),
  };
}

export function readMinutes(db: Db, context: AccessContext, meetingId: string, action: 'print' | 'export'): Promise<Minutes> {
  return withAccess(db, context, async (gate, tx) => {
    const meeting = await loadMeeting(tx, meetingId);
    await requireMeetingAccess(gate, tx, meeting, action);
    if (meeting.state !== 'closed') {
      const reason = `Minutes are produced once the meeting is closed; this one is ${meeting.state.replace('_', ' ')}`;
      throw new DomainError('conflict', reason, [{ field: 'meetingId', reason }], { meetingState: meeting.state });
    }
    const { sights } = await sightOf(gate, meeting, await q.itemsOf(tx, meetingId), action);
    const today = englandDate(gate.now);
    const notes = await q.notesOf(tx, meetingId);
    const notesByItem = byItem(notes);
    const actionsByItem = byItem(await q.actionsOf(tx, meetingId));
    const items = sights.filter((s) => s.notes).map(({ item }) => minutesItem(item, today, notesByItem.get(item.id) ?? [], actionsByItem.get(item.id) ?? []));
    const withheldCount = sights.length - items.length;
    return {
      meeting: headerOf(meeting, gate.actor.staffId),
      lawfulBasis: HUDDLE_LAWFUL_BASIS,
      attendance: await q.attendanceOf(tx, meetingId),
      items,
      addenda: notes.filter((n) => n.itemId === null),
      withheldCount,
      withheldNotice: withheldNotice(withheldCount),
      producedAt: gate.now.toISOString(),
      producedBy: { staffId: gate.actor.staffId, name: gate.actor.name },
    };
  });
}

/** The PDF's file name: the series and the date, in letters, digits and dashes. */
export function minutesFileName(minutes: Minutes): string {
  const slug = meetingTitle(minutes.meeting.seriesName, minutes.meeting.date)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `minutes-${slug || minutes.meeting.id}.pdf`;
}
