/**
 * The directory's "when" filter: a day of the week (or a date, or now) and a span of the day,
 * as local time in England. A service matches when one of its sessions on that day overlaps the
 * span asked for.
 *
 * The overlap rule, used here and by the server's query alike:
 * - times are minutes since local midnight, 0 to 1440 (1440 is the midnight that ends the day);
 * - every span is half-open, [from, to): it holds its first minute and not its last, so 10:00 to
 *   12:00 is the 120 minutes from 10:00 up to, not including, 12:00;
 * - two spans overlap when each starts before the other ends: `a.from < b.to && b.from < a.to`.
 * So a session from 10:00 to 12:00 is in the morning (08:00 to 12:00) and not in the afternoon
 * (12:00 to 17:00): the two touch at 12:00 and share no minute. In SQL, with the asked span as
 * parameters: `weekday = $day AND from_minute < $to AND to_minute > $from`.
 */
import { weekdayOf, type Weekday } from '../huddles/days.js';
import { HUDDLE_TIME_ZONE, timeZoneOffsetMinutes } from '../huddles/local-time.js';

export const MINUTES_IN_A_DAY = 1440;

/** A span of one day, in minutes since local midnight; half-open, [fromMinute, toMinute). */
export interface MinuteSpan {
  fromMinute: number;
  toMinute: number;
}

/** A span on a day of the week: what a schedule is indexed by, and what a search asks for. */
export interface DaySpan extends MinuteSpan {
  weekday: Weekday;
}

/** The filter a search applies. With a date, a schedule is checked against that very day. */
export interface WhenFilter extends DaySpan {
  date?: string;
}

export const PARTS_OF_DAY = ['morning', 'afternoon', 'evening'] as const;
export type PartOfDay = (typeof PARTS_OF_DAY)[number];

/**
 * Morning 08:00 to 12:00, afternoon 12:00 to 17:00, evening 17:00 to 21:00: the hours in which
 * community groups and services meet. A session before 08:00 or after 21:00 matches a day asked
 * for without a part of it, or an explicit from and to.
 */
export const PART_OF_DAY_SPANS: Readonly<Record<PartOfDay, MinuteSpan>> = {
  morning: { fromMinute: 8 * 60, toMinute: 12 * 60 },
  afternoon: { fromMinute: 12 * 60, toMinute: 17 * 60 },
  evening: { fromMinute: 17 * 60, toMinute: 21 * 60 },
};

export const PART_OF_DAY_LABELS: Readonly<Record<PartOfDay, string>> = {
  morning: 'Morning, 08:00 to 12:00',
  afternoon: 'Afternoon, 12:00 to 17:00',
  evening: 'Evening, 17:00 to 21:00',
};

const WHOLE_DAY: MinuteSpan = { fromMinute: 0, toMinute: MINUTES_IN_A_DAY };
const CLOCK = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** "09:30" as 570; "24:00" as 1440 (the end of the day); undefined for anything else. */
export function minuteOfClock(time: string): number | undefined {
  if (time === '24:00') return MINUTES_IN_A_DAY;
  const m = CLOCK.exec(time);
  return m ? Number(m[1]) * 60 + Number(m[2]) : undefined;
}

/** 570 as "09:30"; 1440 as "24:00". */
export function clockOfMinute(minute: number): string {
  const hours = Math.floor(minute / 60);
  return `${String(hours).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** The overlap rule above: half-open spans that share at least one minute. */
export function spansOverlap(a: MinuteSpan, b: MinuteSpan): boolean {
  return a.fromMinute < b.toMinute && b.fromMinute < a.toMinute;
}

/** The span asked for: a part of the day, explicit times, or else the whole day. */
export function askedSpan(asked: { partOfDay?: PartOfDay; from?: string; to?: string }): MinuteSpan {
  if (asked.partOfDay) return PART_OF_DAY_SPANS[asked.partOfDay];
  const fromMinute = asked.from === undefined ? undefined : minuteOfClock(asked.from);
  const toMinute = asked.to === undefined ? undefined : minuteOfClock(asked.to);
  if (fromMinute === undefined && toMinute === undefined) return WHOLE_DAY;
  return { fromMinute: fromMinute ?? 0, toMinute: toMinute ?? MINUTES_IN_A_DAY };
}

/** "Tuesday afternoon": every Tuesday, whatever the date. */
export function weekdayFilter(weekday: Weekday, span: MinuteSpan = WHOLE_DAY): WhenFilter {
  return { weekday, ...span };
}

/** "On 3 November 2026, in the morning": the weekday of that date, and the date itself. */
export function dateFilter(date: string, span: MinuteSpan = WHOLE_DAY): WhenFilter {
  return { weekday: weekdayOf(date), date, ...span };
}

/** The date and the minute of the day on England's clock at an instant. */
export function englandClockAt(instant: Date): { date: string; minute: number } {
  const local = new Date(instant.getTime() + timeZoneOffsetMinutes(instant, HUDDLE_TIME_ZONE) * 60_000);
  return { date: local.toISOString().slice(0, 10), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/**
 * "Open now": the one minute now is in, on today's date in England. A session is open now when
 * it opened at or before this minute and closes after it (10:00 to 12:00 is open at 10:00 and
 * at 11:59, closed at 12:00), which is the overlap rule applied to [now, now + 1).
 */
export function openNowFilter(now: Date): WhenFilter {
  const { date, minute } = englandClockAt(now);
  return dateFilter(date, { fromMinute: minute, toMinute: minute + 1 });
}

/** Whether any of a service's weekly spans meets the filter's weekday and span. */
export function matchesWhen(spans: readonly DaySpan[], filter: DaySpan): boolean {
  return spans.some((s) => s.weekday === filter.weekday && spansOverlap(s, filter));
}
