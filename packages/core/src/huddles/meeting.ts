/**
 * One meeting of a huddle series, and its record. States and moves:
 *
 *   scheduled → in_progress → closed
 *   scheduled → cancelled (a reason is required: a bank holiday, say)
 *
 * Closing freezes the record: the agenda, who attended, what was discussed and decided. It is
 * then a clinical record that others rely on, so it is never edited; a correction or a late
 * note is an addendum, signed and dated, shown beneath it. A cancelled meeting has no record to
 * add to. Items not reviewed when the meeting closes are carried over to the next (agenda.ts).
 */
import { z } from 'zod';
import { DomainError } from '../errors.js';
import { STAFF_ROLES } from '../registry/roles.js';
import { dateInWords } from './days.js';
import { parseOrThrow } from '../input.js';

export const MEETING_STATES = ['scheduled', 'in_progress', 'closed', 'cancelled'] as const;
export type MeetingState = (typeof MEETING_STATES)[number];

export const MEETING_MOVES: Readonly<Record<MeetingState, readonly MeetingState[]>> = {
  scheduled: ['in_progress', 'cancelled'],
  in_progress: ['closed'],
  closed: [],
  cancelled: [],
};

export const MEETING_STATE_LABELS: Readonly<Record<MeetingState, string>> = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  closed: 'Closed',
  cancelled: 'Cancelled',
};

/** The verb on the button that makes each move. */
export const MEETING_MOVE_LABELS: Readonly<Record<MeetingState, string>> = {
  scheduled: 'Schedule',
  in_progress: 'Start the meeting',
  closed: 'Close the meeting',
  cancelled: 'Cancel the meeting',
};

/** Why a move is not allowed, or undefined when it is. */
export function meetingMoveProblem(from: MeetingState, to: MeetingState): string | undefined {
  if (MEETING_MOVES[from].includes(to)) return undefined;
  if (from === 'closed') return 'A closed meeting is frozen: add an addendum instead';
  if (from === 'cancelled') return 'A cancelled meeting cannot change';
  return `A meeting that is ${MEETING_STATE_LABELS[from].toLowerCase()} can only become ${MEETING_MOVES[from].map((s) => MEETING_STATE_LABELS[s].toLowerCase()).join(' or ')}`;
}

export const meetingMoveSchema = z
  .strictObject({
    to: z.enum(MEETING_STATES, 'Choose the new state'),
    version: z.int('Send the version you read').positive('Send the version you read'),
    reason: z.string('Must be text').trim().max(500, 'Keep the reason to 500 characters or fewer').optional(),
  })
  .superRefine((move, ctx) => {
    if (move.to === 'cancelled' && !move.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why the meeting is cancelled' });
  });
export type MeetingMove = z.infer<typeof meetingMoveSchema>;

export interface MeetingStatus {
  id: string;
  date: string;
  state: MeetingState;
}

/**
 * Refuses (409) any change to a meeting's record once it is closed or cancelled, naming the
 * meeting: the service calls this before writing agenda items, attendance, notes or actions.
 */
export function assertEditable(meeting: MeetingStatus): void {
  if (meeting.state === 'scheduled' || meeting.state === 'in_progress') return;
  const reason =
    meeting.state === 'closed'
      ? `The meeting of ${dateInWords(meeting.date)} is closed and its record is frozen: add an addendum instead`
      : `The meeting of ${dateInWords(meeting.date)} was cancelled and has no record to change`;
  throw new DomainError('conflict', reason, [{ field: 'meetingId', reason }], { meetingId: meeting.id, meetingState: meeting.state });
}

/** Who came, in which role: the basis of "attendance by role". */
export const attendanceSchema = z.strictObject({
  attendees: z
    .array(
      z.strictObject({
        staffId: z.uuid('Choose a member of staff'),
        role: z.enum(STAFF_ROLES, 'Choose the role they attended in'),
      }),
      'Give the list of who attended',
    )
    .max(100, 'List at most 100 attendees')
    .superRefine((attendees, ctx) => {
      const seen = new Set<string>();
      attendees.forEach((attendee, index) => {
        if (seen.has(attendee.staffId)) ctx.addIssue({ code: 'custom', path: [index, 'staffId'], message: 'This member of staff is listed twice' });
        seen.add(attendee.staffId);
      });
    }),
});
export type Attendance = z.infer<typeof attendanceSchema>;

export const ADDENDUM_MAX_LENGTH = 4000;

/** What the member writes; who signs and when come from the session and the server's clock. */
export const addendumInputSchema = z.strictObject({
  text: z
    .string('Write the addendum')
    .trim()
    .min(1, 'Write the addendum')
    .max(ADDENDUM_MAX_LENGTH, `Keep the addendum to ${ADDENDUM_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer`),
});
export type AddendumInput = z.infer<typeof addendumInputSchema>;

/** An addendum as recorded: signed by a member of staff, at an instant. */
export const addendumSchema = addendumInputSchema.extend({
  signedBy: z.uuid('Must be a member of staff'),
  signedAt: z.iso.datetime({ offset: true, message: 'Must be a date and time' }),
});
export type Addendum = z.infer<typeof addendumSchema>;

/**
 * An addendum to a closed meeting, signed and dated. Before closing, the record itself is
 * changed, so an addendum there is refused (409): it would sit beneath a record still moving.
 */
export function signAddendum(meeting: MeetingStatus, input: AddendumInput, signedBy: string, signedAt: Date): Addendum {
  if (meeting.state !== 'closed') {
    const reason = meeting.state === 'cancelled' ? 'A cancelled meeting has no record to add to' : 'The meeting is still open: change its record instead of adding an addendum';
    throw new DomainError('conflict', reason, [{ field: 'meetingId', reason }], { meetingId: meeting.id, meetingState: meeting.state });
  }
  return parseOrThrow(addendumSchema, { text: input.text, signedBy, signedAt: signedAt.toISOString() });
}
