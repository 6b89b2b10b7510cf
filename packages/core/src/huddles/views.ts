/**
 * Huddles as the API shows them and the small requests it takes: a series with its chair and
 * standing members, the calendar of meetings, the agenda of one meeting (each reason with its
 * words), and the measures for a network. The server validates its answers against these, and
 * the web client reads them, so both sides agree on one shape.
 *
 * An agenda item whose person the reader may not open (the access gate refused) is listed
 * without the person and without the reasons: `person` and `reasons` are null.
 */
import { z } from 'zod';
import { isIsoDate } from '../people/dates.js';
import { STAFF_ROLES } from '../registry/roles.js';
import { agendaReasonSchema } from './agenda-reasons.js';
import { agendaItemMinutesSchema } from './agenda.js';
import { MEETING_STATES } from './meeting.js';
import { HUDDLE_FREQUENCIES, huddleSeriesSchema, WEEKDAYS } from './series.js';

const isoDate = (message: string) => z.string(message).refine(isIsoDate, message);

export const huddleStaffSchema = z.object({ staffId: z.string(), name: z.string() });
export type HuddleStaff = z.infer<typeof huddleStaffSchema>;

export const huddleSeriesViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(['practice', 'network']),
  practiceId: z.string().nullable(),
  practiceName: z.string().nullable(),
  /** The network the huddle serves: a practice's huddle serves its practice's network. */
  networkId: z.string(),
  networkName: z.string(),
  weekday: z.enum(WEEKDAYS),
  startTime: z.string(),
  durationMinutes: z.int(),
  place: z.string(),
  frequency: z.enum(HUDDLE_FREQUENCIES),
  firstMeetingOn: z.string(),
  chair: huddleStaffSchema,
  standingMembers: z.array(huddleStaffSchema),
  version: z.int(),
  /** Whether the reader may change the series (its chair, or a lead of its network). */
  mayChange: z.boolean(),
});
export type HuddleSeriesView = z.infer<typeof huddleSeriesViewSchema>;

export const huddleSeriesListSchema = z.object({ series: z.array(huddleSeriesViewSchema) });

/** A change to a series: every field again, with the version read (a stale one is refused with 409). */
export const huddleSeriesChangeSchema = huddleSeriesSchema.safeExtend({
  version: z.int('Send the version you read').positive('Send the version you read'),
});
export type HuddleSeriesChange = z.output<typeof huddleSeriesChangeSchema>;

export const MAX_CALENDAR_MEETINGS = 104;

/** Which meetings to list: from a day (today unless given), at most `count` of them. */
export const huddleCalendarQuerySchema = z.strictObject({
  from: isoDate('Must be a real date, written as YYYY-MM-DD').optional(),
  count: z.coerce
    .number('Must be a whole number')
    .int('Must be a whole number')
    .min(1, 'List at least 1 meeting')
    .max(MAX_CALENDAR_MEETINGS, `List at most ${MAX_CALENDAR_MEETINGS} meetings`)
    .default(8),
});
export type HuddleCalendarQuery = z.infer<typeof huddleCalendarQuerySchema>;

/** One meeting in a calendar: a date of the series, with what is stored about it once it is. */
export const huddleCalendarMeetingSchema = z.object({
  seriesId: z.string(),
  seriesName: z.string(),
  date: z.string(),
  startsAt: z.string(),
  endsAt: z.string(),
  place: z.string(),
  /** Null until the meeting is stored (its agenda is built, or it is cancelled). */
  meetingId: z.string().nullable(),
  state: z.enum(MEETING_STATES),
  cancelledReason: z.string().nullable(),
  agendaBuiltAt: z.string().nullable(),
});
export type HuddleCalendarMeeting = z.infer<typeof huddleCalendarMeetingSchema>;

export const huddleCalendarSchema = z.object({ meetings: z.array(huddleCalendarMeetingSchema) });

export const agendaReasonViewSchema = z.object({
  /** In plain words: "Admitted to hospital on 3 November 2026". */
  description: z.string(),
  reason: agendaReasonSchema,
});

export const agendaItemViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  position: z.int(),
  /** Null when the reader may not open the person's record. */
  person: z.object({ name: z.string(), nhsNumber: z.string(), dateOfBirth: z.string(), age: z.int() }).nullable(),
  /** Most pressing first; null when the person is not shown. */
  reasons: z.array(agendaReasonViewSchema).nullable(),
  /** Meetings in a row the item has not been reached. */
  carriedCount: z.int(),
  minutes: z.int().nullable(),
  reviewed: z.boolean(),
  discussAgainInWeeks: z.int().nullable(),
  nextReviewOn: z.string().nullable(),
});
export type AgendaItemView = z.infer<typeof agendaItemViewSchema>;

export const huddleAgendaViewSchema = z.object({
  meeting: z.object({
    id: z.string(),
    seriesId: z.string(),
    seriesName: z.string(),
    date: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    state: z.enum(MEETING_STATES),
    agendaBuiltAt: z.string().nullable(),
    version: z.int(),
  }),
  /** "Since the last meeting": the days the sources were read over, both ends included. */
  window: z.object({ from: z.string(), to: z.string() }),
  items: z.array(agendaItemViewSchema),
  /** People left off because they object to MDT discussion: a count, never who. */
  objectionsWithheld: z.int(),
  /** Minutes set aside across the items. */
  plannedMinutes: z.int(),
  /** Items whose person the reader may not open. */
  notShown: z.int(),
});
export type HuddleAgendaView = z.infer<typeof huddleAgendaViewSchema>;

/** The agenda in a new order: every person on it, each once. */
export const agendaOrderSchema = z.strictObject({
  personIds: z.array(z.uuid('Must be a person id'), 'Give the people in their new order').max(5000, 'At most 5,000 people'),
});
export type AgendaOrder = z.infer<typeof agendaOrderSchema>;

/** Time set aside for one item, or null to clear it. */
export const agendaMinutesSchema = z.strictObject({ minutes: agendaItemMinutesSchema });

export const huddleMeasuresQuerySchema = z
  .strictObject({
    networkId: z.uuid('Must be a network id'),
    from: isoDate('Give the first day, written as YYYY-MM-DD'),
    to: isoDate('Give the last day, written as YYYY-MM-DD'),
  })
  .refine((q) => !isIsoDate(q.from) || !isIsoDate(q.to) || q.from <= q.to, { path: ['to'], message: 'The end of the range must not be before its start' });
export type HuddleMeasuresQuery = z.infer<typeof huddleMeasuresQuerySchema>;

/** A count about people: shown, or 'suppressed' (1 to 7) when the reader sees aggregates only. */
const peopleCount = z.union([z.int().min(0), z.literal('suppressed')]);

export const huddleMeasuresViewSchema = z.object({
  networkId: z.string(),
  from: z.string(),
  to: z.string(),
  /** True for commissioners and analysts: counts of people from 1 to 7 are suppressed. */
  smallNumbersSuppressed: z.boolean(),
  meetingsHeld: z.int(),
  attendanceByRole: z.array(z.object({ role: z.enum(STAFF_ROLES), attendances: z.int(), meetings: z.int() })),
  peopleDiscussed: peopleCount,
  actionsCreated: peopleCount,
  actionsCompleted: peopleCount,
  actionsCompletedOnTime: peopleCount,
  actionsCancelled: peopleCount,
  itemsRolledOver: peopleCount,
  longestCarried: z.int(),
});
export type HuddleMeasuresView = z.infer<typeof huddleMeasuresViewSchema>;
