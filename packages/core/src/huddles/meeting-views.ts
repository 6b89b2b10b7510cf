/**
 * A huddle meeting as the room sees it on one screen, and its minutes. The view carries, for
 * each person on the agenda, a summary (conditions, recent hospital events, the named
 * coordinator and how to reach them, open referrals and tasks, the plan's headline), then what
 * was said, decided and agreed as actions. Discussion notes are confidential: a reader the
 * access gate does not open a person to sees the item's place without the person, and a plain
 * reason. The inputs of live capture (notes, actions, review, addenda, moves) are here too.
 */
import { z } from 'zod';
import { STAFF_ROLES, STAFF_ROLE_LABELS, type StaffRole } from '../registry/roles.js';
import { AGENDA_REASON_KINDS } from './agenda-reasons.js';
import { dateInWords } from './days.js';
import { MEETING_STATES, addendumInputSchema } from './meeting.js';
import { reviewCadenceSchema } from './review.js';
import { sbarSchema } from './sbar.js';
import { taskCreateSchema, TASK_PRIORITIES, TASK_STATES } from './tasks.js';
import { taskOwnerViewSchema, taskSummarySchema } from './task-views.js';

/** Why people are discussed at all: shown on the meeting view and printed on the minutes. */
export const HUDDLE_LAWFUL_BASIS = "Direct care: discussed to plan this person's care; people who object are not discussed";

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/** What the chair sees about people left off because they object to MDT discussion: a count, never names. */
export function objectionsNotice(count: number): string | null {
  if (count <= 0) return null;
  return `${count} ${plural(count, 'person', 'people')} objected and ${plural(count, 'is', 'are')} not listed`;
}

/** What a reader sees about agenda items whose people the access gate does not open to them. */
export function withheldNotice(count: number): string | null {
  if (count <= 0) return null;
  return `${count} ${plural(count, 'person', 'people')} on this agenda ${plural(count, 'is', 'are')} not shown to you: you have no relationship with them that opens their huddle notes`;
}

/** "Tollgate Surgery huddle, 3 November 2026": the heading of a meeting and its minutes. */
export function meetingTitle(seriesName: string, date: string): string {
  return `${seriesName}, ${dateInWords(date)}`;
}

/** "GP", "Community nurse": an attendee's role in words. */
export function attendanceRoleLabel(role: StaffRole): string {
  return STAFF_ROLE_LABELS[role];
}

// ---- inputs --------------------------------------------------------------------------------

export const HUDDLE_NOTE_KINDS = ['note', 'decision', 'addendum'] as const;
export type HuddleNoteKind = (typeof HUDDLE_NOTE_KINDS)[number];
export const HUDDLE_NOTE_MAX_LENGTH = 4000;

/** A note or a decision captured live; an addendum has its own route, after the meeting closes. */
export const meetingNoteInputSchema = z.strictObject({
  kind: z.enum(['note', 'decision'], 'Choose note or decision'),
  text: z
    .string('Write the note')
    .trim()
    .min(1, 'Write the note')
    .max(HUDDLE_NOTE_MAX_LENGTH, `Keep the note to ${HUDDLE_NOTE_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer`),
});
export type MeetingNoteInput = z.infer<typeof meetingNoteInputSchema>;

/** An action from an agenda item: a task whose person and meeting come from the item. */
export const meetingActionInputSchema = taskCreateSchema.omit({ personId: true, meetingId: true });
export type MeetingActionInput = z.input<typeof meetingActionInputSchema>;

/**
 * Marking an item reviewed ends its discussion with a cadence ("discuss again in N weeks", or
 * null for no planned review) and, optionally, who presented. `reviewed: false` undoes a mark
 * made by mistake and clears the cadence.
 */
export const meetingReviewInputSchema = z
  .strictObject({
    reviewed: z.boolean('Say whether the item was reviewed'),
    discussAgainInWeeks: reviewCadenceSchema.shape.discussAgainInWeeks.optional(),
    presenterStaffId: z.uuid('Choose the member of staff who presented').nullable().optional(),
  })
  .superRefine((review, ctx) => {
    if (review.reviewed && review.discussAgainInWeeks === undefined) {
      ctx.addIssue({ code: 'custom', path: ['discussAgainInWeeks'], message: 'Say when to discuss again (1 to 52 weeks), or null for no planned review' });
    }
  });
export type MeetingReviewInput = z.infer<typeof meetingReviewInputSchema>;

/** An addendum to a closed meeting: about one agenda item (its person), or the meeting as a whole. */
export const meetingAddendumInputSchema = addendumInputSchema.extend({
  itemId: z.uuid('Must be an agenda item of this meeting').optional(),
});
export type MeetingAddendumInput = z.infer<typeof meetingAddendumInputSchema>;

const versionRead = z.int('Send the version you read').positive('Send the version you read');

/** Starting or closing: the version read, when the client has one (409 when stale). */
export const meetingStepSchema = z.strictObject({ version: versionRead.optional() });
export type MeetingStep = z.infer<typeof meetingStepSchema>;

export const meetingCancelSchema = z.strictObject({
  reason: z.string('Say why the meeting is cancelled').trim().min(1, 'Say why the meeting is cancelled').max(500, 'Keep the reason to 500 characters or fewer'),
  version: versionRead.optional(),
});
export type MeetingCancel = z.infer<typeof meetingCancelSchema>;

// ---- views ---------------------------------------------------------------------------------

const isoInstant = z.string();
const isoDate = z.string();
const staffRef = z.object({ staffId: z.string(), name: z.string() });

export const meetingHeaderSchema = z.object({
  id: z.string(),
  title: z.string(),
  seriesId: z.string(),
  seriesName: z.string(),
  networkId: z.string(),
  networkName: z.string(),
  date: isoDate,
  startsAt: isoInstant,
  endsAt: isoInstant,
  place: z.string(),
  state: z.enum(MEETING_STATES),
  version: z.number().int(),
  cancelledReason: z.string().nullable(),
  chair: staffRef,
  /** The reader chairs this meeting. */
  youChair: z.boolean(),
  /** People left off because they object to MDT discussion: the chair's alone to see, null for others. */
  objectionsWithheld: z.number().int().nullable(),
  objectionsNotice: z.string().nullable(),
  openedAt: isoInstant.nullable(),
  openedBy: staffRef.nullable(),
  closedAt: isoInstant.nullable(),
  closedBy: staffRef.nullable(),
  /** The states this meeting may move to next. */
  nextStates: z.array(z.enum(MEETING_STATES)),
});
export type MeetingHeader = z.infer<typeof meetingHeaderSchema>;

export const meetingAttendeeSchema = z.object({ staffId: z.string(), name: z.string(), role: z.enum(STAFF_ROLES), roleLabel: z.string() });
export type MeetingAttendee = z.infer<typeof meetingAttendeeSchema>;

/**
 * Someone the series expects in the room: its chair, then its standing members by name, each
 * with the roles they hold as a member of the meeting's network, any of which attendance takes.
 * `roles` is empty for someone who can no longer be recorded as attending (their account is
 * disabled, or they have left the network).
 */
export const meetingMemberSchema = z.object({
  staffId: z.string(),
  name: z.string(),
  chair: z.boolean(),
  roles: z.array(z.object({ role: z.enum(STAFF_ROLES), roleLabel: z.string() })),
});
export type MeetingMember = z.infer<typeof meetingMemberSchema>;

/** A note, decision or addendum, with its writer and when (for an addendum: signed and dated). */
export const meetingNoteViewSchema = z.object({
  id: z.string(),
  itemId: z.string().nullable(),
  personId: z.string().nullable(),
  kind: z.enum(HUDDLE_NOTE_KINDS),
  text: z.string(),
  writtenBy: staffRef,
  writtenAt: isoInstant,
});
export type MeetingNoteView = z.infer<typeof meetingNoteViewSchema>;

/** An action agreed at the meeting, as the task it became. */
export const meetingActionViewSchema = z.object({
  taskId: z.string(),
  itemId: z.string().nullable(),
  title: z.string(),
  owner: taskOwnerViewSchema,
  dueOn: isoDate,
  priority: z.enum(TASK_PRIORITIES),
  state: z.enum(TASK_STATES),
});
export type MeetingActionView = z.infer<typeof meetingActionViewSchema>;

export const meetingPersonSchema = z.object({ name: z.string(), nhsNumber: z.string(), dateOfBirth: isoDate, age: z.number().int() });
export type MeetingPerson = z.infer<typeof meetingPersonSchema>;

/** A person's summary beside their agenda item. */
export const meetingPersonSummarySchema = z.object({
  conditions: z.array(z.object({ code: z.string(), display: z.string().nullable(), onsetDate: isoDate.nullable() })),
  /** Hospital and A&E contacts in the last 90 days, newest first. */
  recentHospitalEvents: z.array(z.object({ class: z.string(), emergency: z.boolean(), startDate: isoDate, endDate: isoDate.nullable() })),
  namedCoordinator: z
    .object({ staffId: z.string(), name: z.string(), organisationName: z.string(), email: z.string().nullable(), phone: z.string().nullable() })
    .nullable(),
  openReferrals: z.array(z.object({ referralId: z.string(), networkName: z.string(), status: z.string(), receivedAt: isoInstant })),
  openTasks: z.array(taskSummarySchema.extend({ overdue: z.boolean() })),
  /** The headline of the person's My Life plan, when they have one. */
  planHeadline: z.string().nullable(),
});
export type MeetingPersonSummary = z.infer<typeof meetingPersonSummarySchema>;

export const meetingReasonViewSchema = z.object({ kind: z.enum(AGENDA_REASON_KINDS), text: z.string() });

export const meetingItemViewSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  /** Null, with `person`, `reasons`, `summary`, `notes` and `actions` empty, when the item is withheld from the reader. */
  personId: z.string().nullable(),
  person: meetingPersonSchema.nullable(),
  reasons: z.array(meetingReasonViewSchema),
  sbar: sbarSchema.nullable(),
  carriedCount: z.number().int(),
  minutes: z.number().int().nullable(),
  reviewed: z.boolean(),
  reviewedAt: isoInstant.nullable(),
  presenter: staffRef.nullable(),
  discussAgainInWeeks: z.number().int().nullable(),
  nextReviewOn: isoDate.nullable(),
  summary: meetingPersonSummarySchema.nullable(),
  /** Notes, decisions and addenda in the order written. */
  notes: z.array(meetingNoteViewSchema),
  actions: z.array(meetingActionViewSchema),
  /** Why the reader does not see this item's person, in plain words; null when they do. */
  withheld: z.string().nullable(),
});
export type MeetingItemView = z.infer<typeof meetingItemViewSchema>;

export const meetingViewSchema = z.object({
  meeting: meetingHeaderSchema,
  lawfulBasis: z.string(),
  attendance: z.array(meetingAttendeeSchema),
  /** The series' chair and standing members with their roles, for the attendance form. */
  members: z.array(meetingMemberSchema),
  items: z.array(meetingItemViewSchema),
  /** Addenda about the meeting as a whole (not one person), signed and dated. */
  addenda: z.array(meetingNoteViewSchema),
  withheldCount: z.number().int(),
  withheldNotice: z.string().nullable(),
});
export type MeetingView = z.infer<typeof meetingViewSchema>;

/** The meeting after a move or an attendance change: its header and who attended. */
export const meetingStatusViewSchema = z.object({ meeting: meetingHeaderSchema, attendance: z.array(meetingAttendeeSchema) });
export type MeetingStatusView = z.infer<typeof meetingStatusViewSchema>;

export const meetingReviewViewSchema = z.object({
  itemId: z.string(),
  reviewed: z.boolean(),
  reviewedAt: isoInstant.nullable(),
  presenter: staffRef.nullable(),
  discussAgainInWeeks: z.number().int().nullable(),
  nextReviewOn: isoDate.nullable(),
});
export type MeetingReviewView = z.infer<typeof meetingReviewViewSchema>;

/** One person discussed, as the minutes record them. */
export const minutesItemSchema = z.object({
  id: z.string(),
  position: z.number().int(),
  personId: z.string(),
  person: meetingPersonSchema,
  reasons: z.array(meetingReasonViewSchema),
  presenter: staffRef.nullable(),
  reviewed: z.boolean(),
  discussAgainInWeeks: z.number().int().nullable(),
  nextReviewOn: isoDate.nullable(),
  notes: z.array(meetingNoteViewSchema),
  decisions: z.array(meetingNoteViewSchema),
  actions: z.array(meetingActionViewSchema),
  addenda: z.array(meetingNoteViewSchema),
});
export type MinutesItem = z.infer<typeof minutesItemSchema>;

export const minutesSchema = z.object({
  meeting: meetingHeaderSchema,
  lawfulBasis: z.string(),
  attendance: z.array(meetingAttendeeSchema),
  items: z.array(minutesItemSchema),
  addenda: z.array(meetingNoteViewSchema),
  withheldCount: z.number().int(),
  withheldNotice: z.string().nullable(),
  producedAt: isoInstant,
  producedBy: staffRef,
});
export type Minutes = z.infer<typeof minutesSchema>;

/** A person's huddle notes across meetings, newest meeting first. */
export const personHuddleNotesSchema = z.object({
  personId: z.string(),
  notes: z.array(
    meetingNoteViewSchema.extend({ meetingId: z.string(), meetingTitle: z.string(), meetingDate: isoDate, meetingState: z.enum(MEETING_STATES) }),
  ),
});
export type PersonHuddleNotes = z.infer<typeof personHuddleNotesSchema>;
