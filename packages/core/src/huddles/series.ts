/**
 * A huddle series: the standing arrangement of a practice's or network's MDT meeting ("Tuesdays
 * at 10:00 in the Elm Road surgery library, fortnightly, chaired by Dr Shah"), and the calendar
 * of meetings it gives.
 *
 * Fortnightly series are anchored on their first meeting: meetings fall on whole fortnights
 * from it, so "the next meeting" never depends on the day someone looks at the calendar. The
 * chair is a member of the series without being listed among the standing members.
 */
import { z } from 'zod';
import { DomainError } from '../errors.js';
import { isIsoDate } from '../people/dates.js';
import { addDays, dayNumber, weekdayOf, WEEKDAYS, type Weekday } from './days.js';
import { HUDDLE_TIME_ZONE, isClockTime, localTimeToInstant } from './local-time.js';

export { WEEKDAYS, type Weekday };

export const WEEKDAY_LABELS: Readonly<Record<Weekday, string>> = {
  monday: 'Monday',
  tuesday: 'Tuesday',
  wednesday: 'Wednesday',
  thursday: 'Thursday',
  friday: 'Friday',
  saturday: 'Saturday',
  sunday: 'Sunday',
};

export const HUDDLE_FREQUENCIES = ['weekly', 'fortnightly'] as const;
export type HuddleFrequency = (typeof HUDDLE_FREQUENCIES)[number];

export const HUDDLE_FREQUENCY_LABELS: Readonly<Record<HuddleFrequency, string>> = {
  weekly: 'Every week',
  fortnightly: 'Every two weeks',
};

const FREQUENCY_DAYS: Readonly<Record<HuddleFrequency, number>> = { weekly: 7, fortnightly: 14 };

export const HUDDLE_DURATION_MINUTES = { min: 15, max: 240, default: 60 } as const;
export const MAX_STANDING_MEMBERS = 40;
/** Ten years of weekly meetings: more than any screen or calendar file needs at once. */
export const MAX_UPCOMING_MEETINGS = 520;

/** Whose huddle it is: one GP practice's, or a whole network's. */
export const huddleScopeSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('practice'), practiceId: z.uuid('Must be a GP practice id') }),
    z.strictObject({ kind: z.literal('network'), networkId: z.uuid('Must be a network id') }),
  ],
  'Choose whether the huddle belongs to a practice or a network',
);
export type HuddleScope = z.infer<typeof huddleScopeSchema>;

const isoDate = (message: string) => z.string(message).refine(isIsoDate, message);

export const huddleSeriesSchema = z
  .strictObject({
    name: z.string('Give the huddle a name').trim().min(1, 'Give the huddle a name').max(120, 'Keep the name to 120 characters or fewer'),
    scope: huddleScopeSchema,
    weekday: z.enum(WEEKDAYS, 'Choose the day of the week'),
    /** Local time in England, on the 24-hour clock. */
    startTime: z.string('Give a start time').refine(isClockTime, 'Give a start time on the 24-hour clock, such as 09:30'),
    durationMinutes: z
      .int('Give the length in whole minutes')
      .min(HUDDLE_DURATION_MINUTES.min, `A huddle lasts at least ${HUDDLE_DURATION_MINUTES.min} minutes`)
      .max(HUDDLE_DURATION_MINUTES.max, `A huddle lasts at most ${HUDDLE_DURATION_MINUTES.max} minutes`)
      .default(HUDDLE_DURATION_MINUTES.default),
    place: z.string('Say where the huddle meets').trim().min(1, 'Say where the huddle meets').max(200, 'Keep the place to 200 characters or fewer'),
    frequency: z.enum(HUDDLE_FREQUENCIES, 'Choose weekly or fortnightly'),
    firstMeetingOn: isoDate('Give the date of the first meeting, written as YYYY-MM-DD'),
    chairStaffId: z.uuid('Choose who chairs the huddle'),
    standingMemberStaffIds: z
      .array(z.uuid('Must be a member of staff'), 'Give a list of members')
      .max(MAX_STANDING_MEMBERS, `A huddle has at most ${MAX_STANDING_MEMBERS} standing members`)
      .default([]),
  })
  .superRefine((series, ctx) => {
    if (isIsoDate(series.firstMeetingOn) && weekdayOf(series.firstMeetingOn) !== series.weekday) {
      const actual = WEEKDAY_LABELS[weekdayOf(series.firstMeetingOn)];
      ctx.addIssue({ code: 'custom', path: ['firstMeetingOn'], message: `The first meeting must be on a ${WEEKDAY_LABELS[series.weekday]}; this date is a ${actual}` });
    }
    const seen = new Set<string>();
    series.standingMemberStaffIds.forEach((id, index) => {
      if (seen.has(id)) ctx.addIssue({ code: 'custom', path: ['standingMemberStaffIds', index], message: 'This member is listed twice' });
      seen.add(id);
    });
  });
export type HuddleSeriesInput = z.input<typeof huddleSeriesSchema>;
export type HuddleSeries = z.output<typeof huddleSeriesSchema>;

/** What the calendar needs of a series. */
export type HuddleRhythm = Pick<HuddleSeries, 'firstMeetingOn' | 'frequency'>;

/** The chair, then the standing members, each once. */
export function huddleMembers(series: Pick<HuddleSeries, 'chairStaffId' | 'standingMemberStaffIds'>): string[] {
  return [...new Set([series.chairStaffId, ...series.standingMemberStaffIds])];
}

/** True when the series meets on that day. */
export function isSeriesMeetingDate(series: HuddleRhythm, date: string): boolean {
  if (!isIsoDate(date)) return false;
  const since = dayNumber(date) - dayNumber(series.firstMeetingOn);
  return since >= 0 && since % FREQUENCY_DAYS[series.frequency] === 0;
}

/**
 * The next `count` meeting dates on or after `fromDate` (never before the first meeting),
 * oldest first.
 */
export function upcomingMeetingDates(series: HuddleRhythm, fromDate: string, count: number): string[] {
  if (!isIsoDate(fromDate)) throw DomainError.field('from', 'Must be a real date, written as YYYY-MM-DD');
  if (!Number.isInteger(count) || count < 0 || count > MAX_UPCOMING_MEETINGS) {
    throw DomainError.field('count', `Must be a whole number from 0 to ${MAX_UPCOMING_MEETINGS}`);
  }
  const step = FREQUENCY_DAYS[series.frequency];
  const since = Math.max(0, dayNumber(fromDate) - dayNumber(series.firstMeetingOn));
  const first = addDays(series.firstMeetingOn, Math.ceil(since / step) * step);
  return Array.from({ length: count }, (_, i) => addDays(first, i * step));
}

/** When a meeting of the series starts and ends, as instants (the wall clock is England's). */
export function meetingInstants(
  series: Pick<HuddleSeries, 'startTime' | 'durationMinutes'>,
  date: string,
  timeZone: string = HUDDLE_TIME_ZONE,
): { startsAt: Date; endsAt: Date } {
  const startsAt = localTimeToInstant(date, series.startTime, timeZone);
  return { startsAt, endsAt: new Date(startsAt.getTime() + series.durationMinutes * 60_000) };
}
