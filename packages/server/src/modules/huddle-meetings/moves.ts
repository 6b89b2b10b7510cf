/**
 * A meeting's moves (core's meeting.ts): scheduled → in_progress (the chair or any member
 * starts it), in_progress → closed (the chair; this freezes the record), scheduled → cancelled
 * (the chair, with a reason). Each raises the meeting's version; a body that carries the version
 * it read is refused (409) when someone moved the meeting since.
 */
import { DomainError, type MeetingState, type MeetingStatusView, meetingMoveProblem } from '@kith/core';
import { and, eq, sql } from 'drizzle-orm';
import { type AccessContext, type AccessGate, withAccess } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import { huddleMeeting } from '../../platform/db/schema.js';
import { headerOf, loadMeeting, requireChair, requireMeetingAccess } from './access.js';
import { frozenAsConflict } from './frozen.js';
import { type MeetingRow, attendanceOf } from './queries.js';

export function staleMeeting(sent: number, current: number): DomainError {
  return new DomainError(
    'conflict',
    `This meeting was changed by someone else after you opened it (you had version ${sent}, it is now version ${current}). Reload it and try again.`,
    [{ field: 'version', reason: `Stale: the meeting is at version ${current}` }],
    { currentVersion: current },
  );
}

export async function statusOf(tx: Db, gate: AccessGate, meetingId: string): Promise<MeetingStatusView> {
  const meeting = await loadMeeting(tx, meetingId);
  return { meeting: headerOf(meeting, gate.actor.staffId), attendance: await attendanceOf(tx, meetingId) };
}

interface Move {
  to: MeetingState;
  version?: number;
  set: (gate: AccessGate) => Partial<typeof huddleMeeting.$inferInsert>;
  /** Only the chair makes this move; the words finish "Only the chair ... can". */
  chairOnly?: string;
}

function moveMeeting(db: Db, context: AccessContext, meetingId: string, move: Move): Promise<MeetingStatusView> {
  return frozenAsConflict(() =>
    withAccess(db, context, async (gate, tx) => {
      const meeting = await loadMeeting(tx, meetingId, 'update');
      await requireMeetingAccess(gate, tx, meeting, 'write');
      if (move.chairOnly) requireChair(gate, meeting, move.chairOnly);
      if (move.version !== undefined && move.version !== meeting.version) throw staleMeeting(move.version, meeting.version);
      const problem = meetingMoveProblem(meeting.state, move.to);
      if (problem) throw new DomainError('conflict', problem, [{ field: 'state', reason: problem }], { meetingState: meeting.state });
      await bump(tx, meeting, { ...move.set(gate), state: move.to });
      return statusOf(tx, gate, meetingId);
    }),
  );
}

async function bump(tx: Db, meeting: MeetingRow, set: Partial<typeof huddleMeeting.$inferInsert>): Promise<void> {
  const updated = await tx
    .update(huddleMeeting)
    .set({ ...set, version: sql`${huddleMeeting.version} + 1` })
    .where(and(eq(huddleMeeting.id, meeting.id), eq(huddleMeeting.version, meeting.version)))
    .returning({ id: huddleMeeting.id });
  if (updated.length === 0) throw staleMeeting(meeting.version, (await loadMeeting(tx, meeting.id)).version);
}

export function startMeeting(db: Db, context: AccessContext, meetingId: string, version?: number) {
  return moveMeeting(db, context, meetingId, {
    to: 'in_progress',
    version,
    set: (gate) => ({ openedAt: gate.now, openedBy: gate.actor.staffId }),
  });
}

export function closeMeeting(db: Db, context: AccessContext, meetingId: string, version?: number) {
  return moveMeeting(db, context, meetingId, {
    to: 'closed',
    version,
    chairOnly: 'close the meeting',
    set: (gate) => ({ closedAt: gate.now, closedBy: gate.actor.staffId }),
  });
}

export function cancelMeeting(db: Db, context: AccessContext, meetingId: string, reason: string, version?: number) {
  return moveMeeting(db, context, meetingId, {
    to: 'cancelled',
    version,
    chairOnly: 'cancel the meeting',
    set: () => ({ cancelledReason: reason }),
  });
}
