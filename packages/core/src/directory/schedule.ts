/**
 * When a directory service runs, as an HSDS 3.0 / Open Referral UK schedule: the RFC 5545
 * recurrence fields (freq, interval, byday, bymonthday, dtstart, until) with opening hours and
 * the dates the schedule holds for. HSDS allows freq WEEKLY or MONTHLY; byday is "TU,TH", or
 * with MONTHLY "1MO" (first Monday) and "-1FR" (last Friday); bymonthday is "15" or "-1" (the
 * last day). A schedule with none of these is free text only (its description), which HSDS
 * allows: it is valid, but Kith cannot place it on a calendar.
 *
 * Times are wall-clock time in England. HSDS asks for a time zone on opens_at and closes_at,
 * but a weekly session "at 10:00" is at 10:00 on the hall's clock in winter and in summer, which
 * no fixed offset can say; so "Z", "+00:00" and "+01:00" are read as the publisher's nod to the
 * standard, and any other offset is refused rather than guessed at.
 */
import type { FieldProblem } from '../errors.js';
import { addDays, dayNumber, WEEKDAYS, weekdayOf, type Weekday } from '../huddles/days.js';
import { invalidInput } from '../input.js';
import { daysInMonth, isIsoDate } from '../people/dates.js';
import { MINUTES_IN_A_DAY, matchesWhen, spansOverlap, type DaySpan, type MinuteSpan, type WhenFilter } from './when.js';

const FREQUENCIES = ['WEEKLY', 'MONTHLY'] as const;
export type ScheduleFrequency = (typeof FREQUENCIES)[number];

/** An HSDS schedule as published or stored: every field optional, named as HSDS names it. */
export interface HsdsScheduleFields {
  freq?: string | null;
  /** A number in JSON; CSV feeds give it as text. */
  interval?: number | string | null;
  byday?: string | null;
  bymonthday?: string | null;
  opens_at?: string | null;
  closes_at?: string | null;
  valid_from?: string | null;
  valid_to?: string | null;
  dtstart?: string | null;
  until?: string | null;
  description?: string | null;
}

/** One byday entry: a weekday, and with MONTHLY which one in the month (1 to 5, -1 the last). */
export interface ScheduleDay {
  weekday: Weekday;
  nth?: number;
}

/** A schedule read and checked: what every calculation below works from. */
export interface ScheduleRule {
  freq: ScheduleFrequency;
  interval: number;
  days: ScheduleDay[];
  monthDays: number[];
  /** Undefined when the schedule names days but no times. */
  hours?: MinuteSpan;
  /** The first and last dates it holds for: valid_from or dtstart, valid_to or until. */
  firstDate?: string;
  lastDate?: string;
  /** dtstart: the week or month that interval counts from. */
  anchor?: string;
}

/** A span to index: one per weekday the schedule can fall on. */
export interface WeeklySpan extends DaySpan {
  /** False when only some weeks hold a session: fortnightly, monthly, the 15th. */
  everyWeek: boolean;
  /** False when the schedule gives no times: the span is then the whole day. */
  timesGiven: boolean;
  validFrom: string | null;
  validTo: string | null;
}

export interface ScheduleOccurrence extends MinuteSpan {
  date: string;
  timesGiven: boolean;
}

const DAY_CODES: Readonly<Record<string, Weekday>> = { MO: 'monday', TU: 'tuesday', WE: 'wednesday', TH: 'thursday', FR: 'friday', SA: 'saturday', SU: 'sunday' };
const BYDAY = /^([+-]?\d{1,2})?([A-Z]{2})$/;
const MONTH_DAY = /^-?\d{1,2}$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2})(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const ENGLAND_OFFSETS = new Set(['Z', '+00:00', '+0000', '-00:00', '+01:00', '+0100']);
const DATE = /^(\d{4}-\d{2}-\d{2})(T.*)?$/;
/** Steps more than a year apart are not a regular session: 52 weeks, or 12 months. */
export const MAX_SCHEDULE_INTERVAL: Readonly<Record<ScheduleFrequency, number>> = { WEEKLY: 52, MONTHLY: 12 };
/** How far ahead nextOccurrence looks: five years, enough for a fifth Monday every few months. */
const LOOKAHEAD_DAYS = 5 * 366;
const WHOLE_DAY: MinuteSpan = { fromMinute: 0, toMinute: MINUTES_IN_A_DAY };

type Problems = FieldProblem[];
const given = (v: unknown): boolean => v !== undefined && v !== null && String(v).trim() !== '';

function readDate(field: string, value: string | null | undefined, problems: Problems): string | undefined {
  if (!given(value)) return undefined;
  // A date-time is read as its date: some feeds write valid_from as 2025-01-01T00:00:00Z.
  const date = DATE.exec(String(value).trim())?.[1];
  if (date && isIsoDate(date)) return date;
  problems.push({ field, reason: 'Must be a real date written as YYYY-MM-DD' });
  return undefined;
}

/**
 * Minutes since midnight. Seconds widen the session to whole minutes (an opening time rounds
 * down, a closing time up), so 17:59:59 closes at 18:00; 24:00 may end a session at midnight.
 */
function readTime(field: string, value: string | null | undefined, closing: boolean, problems: Problems): number | undefined {
  if (!given(value)) return undefined;
  const m = TIME.exec(String(value).trim());
  const [h, min] = [Number(m?.[1]), Number(m?.[2])];
  const seconds = Number(`${m?.[3] ?? 0}${m?.[4] ?? ''}`);
  const endOfDay = closing && h === 24 && min === 0 && seconds === 0;
  if (!m || ((h > 23 || min > 59 || seconds >= 60) && !endOfDay)) {
    problems.push({ field, reason: 'Must be a time on the 24-hour clock, like 09:30 or 09:30:00' });
  } else if (m[5] && !ENGLAND_OFFSETS.has(m[5])) {
    problems.push({ field, reason: 'Give the time as it is in England, without a time zone, like 09:30' });
  } else {
    return h * 60 + min + (closing && seconds > 0 ? 1 : 0);
  }
  return undefined;
}

function readFrequency(schedule: HsdsScheduleFields, problems: Problems): ScheduleFrequency {
  // Days and times without freq (as old regular schedules were written) mean every week.
  if (!given(schedule.freq)) return 'WEEKLY';
  const freq = String(schedule.freq).trim().toUpperCase();
  if ((FREQUENCIES as readonly string[]).includes(freq)) return freq as ScheduleFrequency;
  problems.push({ field: 'freq', reason: 'Must be WEEKLY or MONTHLY' });
  return 'WEEKLY';
}

function readInterval(schedule: HsdsScheduleFields, freq: ScheduleFrequency, problems: Problems): number {
  if (!given(schedule.interval)) return 1;
  const interval = Number(String(schedule.interval).trim());
  const max = MAX_SCHEDULE_INTERVAL[freq];
  if (Number.isInteger(interval) && interval >= 1 && interval <= max) return interval;
  problems.push({ field: 'interval', reason: `Must be a whole number from 1 to ${max}` });
  return 1;
}

function dayProblem(part: string, weekday: Weekday | undefined, nth: number | undefined, freq: ScheduleFrequency): string | undefined {
  if (!weekday) return `Unknown day "${part}": use MO, TU, WE, TH, FR, SA or SU`;
  if (nth === undefined) return undefined;
  if (freq !== 'MONTHLY') return `"${part}" needs freq MONTHLY: a number before a day picks a week of the month`;
  if (nth === 0 || Math.abs(nth) > 5) return `"${part}": the number before a day must be 1 to 5, or -1 to -5 counting from the end of the month`;
  return undefined;
}

function readDays(schedule: HsdsScheduleFields, freq: ScheduleFrequency, problems: Problems): ScheduleDay[] {
  if (!given(schedule.byday)) return [];
  const parts = String(schedule.byday).split(',').map((p) => p.trim().toUpperCase()).filter(Boolean);
  return parts.flatMap((part) => {
    const m = BYDAY.exec(part);
    const weekday = m ? DAY_CODES[m[2]!] : undefined;
    const nth = m?.[1] === undefined ? undefined : Number(m[1]);
    const reason = dayProblem(part, weekday, nth, freq);
    if (reason) problems.push({ field: 'byday', reason });
    if (reason || !weekday) return [];
    return [nth === undefined ? { weekday } : { weekday, nth }];
  });
}

function readMonthDays(schedule: HsdsScheduleFields, freq: ScheduleFrequency, problems: Problems): number[] {
  if (!given(schedule.bymonthday)) return [];
  if (freq !== 'MONTHLY') {
    problems.push({ field: 'bymonthday', reason: 'Days of the month need freq MONTHLY' });
    return [];
  }
  const parts = String(schedule.bymonthday).split(',').map((p) => p.trim()).filter(Boolean);
  return parts.flatMap((part) => {
    const n = Number(part);
    if (MONTH_DAY.test(part) && n !== 0 && Math.abs(n) <= 31) return [n];
    problems.push({ field: 'bymonthday', reason: `"${part}" is not a day of the month: use 1 to 31, or -1 to -31 counting from the end` });
    return [];
  });
}

function readHours(schedule: HsdsScheduleFields, problems: Problems): MinuteSpan | undefined {
  const opens = readTime('opens_at', schedule.opens_at, false, problems);
  const closes = readTime('closes_at', schedule.closes_at, true, problems);
  if (given(schedule.opens_at) !== given(schedule.closes_at)) {
    const missing = given(schedule.opens_at) ? 'closes_at' : 'opens_at';
    problems.push({ field: missing, reason: 'Give both the opening and the closing time, or neither' });
  }
  if (opens === undefined || closes === undefined) return undefined;
  if (closes < opens) problems.push({ field: 'closes_at', reason: 'The session ends before it starts: closes_at must be after opens_at' });
  if (closes === opens) problems.push({ field: 'closes_at', reason: 'The session ends when it starts: closes_at must be after opens_at' });
  return { fromMinute: opens, toMinute: closes };
}

function laterOf(a?: string, b?: string): string | undefined {
  return a && b ? (a > b ? a : b) : (a ?? b);
}
function earlierOf(a?: string, b?: string): string | undefined {
  return a && b ? (a < b ? a : b) : (a ?? b);
}

function readDates(schedule: HsdsScheduleFields, problems: Problems) {
  const validFrom = readDate('valid_from', schedule.valid_from, problems);
  const validTo = readDate('valid_to', schedule.valid_to, problems);
  const dtstart = readDate('dtstart', schedule.dtstart, problems);
  const until = readDate('until', schedule.until, problems);
  if (validFrom && validTo && validTo < validFrom) problems.push({ field: 'valid_to', reason: 'Ends before it starts: valid_to must be on or after valid_from' });
  if (dtstart && until && until < dtstart) problems.push({ field: 'until', reason: 'Ends before it starts: until must be on or after dtstart' });
  return { anchor: dtstart, firstDate: laterOf(validFrom, dtstart), lastDate: earlierOf(validTo, until) };
}

/** With no byday or bymonthday, RFC 5545 takes the day from dtstart; without dtstart, ask. */
function defaultDays(schedule: HsdsScheduleFields, rule: ScheduleRule, problems: Problems): void {
  // Days given but all refused have their problems already.
  if (given(schedule.byday) || given(schedule.bymonthday)) return;
  if (rule.anchor && rule.freq === 'WEEKLY') rule.days = [{ weekday: weekdayOf(rule.anchor) }];
  else if (rule.anchor) rule.monthDays = [Number(rule.anchor.slice(8, 10))];
  else problems.push({ field: 'byday', reason: 'Say which days, like TU, MO,TH or (with freq MONTHLY) 1MO for the first Monday' });
}

const RULE_FIELDS = ['freq', 'interval', 'byday', 'bymonthday', 'opens_at', 'closes_at'] as const;

/** The schedule as a rule, with every problem found; rule is null for a description-only schedule. */
export function checkSchedule(schedule: HsdsScheduleFields): { rule: ScheduleRule | null; problems: FieldProblem[] } {
  const problems: Problems = [];
  const dates = readDates(schedule, problems);
  if (!RULE_FIELDS.some((field) => given(schedule[field]))) return { rule: null, problems };
  const freq = readFrequency(schedule, problems);
  const interval = readInterval(schedule, freq, problems);
  const rule: ScheduleRule = { freq, interval, days: readDays(schedule, freq, problems), monthDays: readMonthDays(schedule, freq, problems), ...dates };
  const hours = readHours(schedule, problems);
  if (hours) rule.hours = hours;
  if (interval > 1 && !rule.anchor) {
    problems.push({ field: 'dtstart', reason: `Give the date of the first session, so that every ${interval} ${freq === 'WEEKLY' ? 'weeks' : 'months'} can be counted from it` });
  }
  defaultDays(schedule, rule, problems);
  return { rule, problems };
}

/** Every problem with a schedule, each naming its HSDS field; empty when it is usable. */
export function scheduleProblems(schedule: HsdsScheduleFields): FieldProblem[] {
  return checkSchedule(schedule).problems;
}

/** The rule of a schedule that has been checked; throws (400) naming the problems otherwise. */
export function scheduleRule(schedule: HsdsScheduleFields): ScheduleRule | null {
  const { rule, problems } = checkSchedule(schedule);
  if (problems.length > 0) throw invalidInput(problems);
  return rule;
}

function dayRuleMatches(day: ScheduleDay, date: string): boolean {
  if (weekdayOf(date) !== day.weekday) return false;
  if (day.nth === undefined) return true;
  const [year, month, dom] = date.split('-').map(Number) as [number, number, number];
  const fromEnd = daysInMonth(year, month) - dom;
  return day.nth > 0 ? Math.floor((dom - 1) / 7) + 1 === day.nth : -(Math.floor(fromEnd / 7) + 1) === day.nth;
}

function monthDayMatches(n: number, date: string): boolean {
  const [year, month, dom] = date.split('-').map(Number) as [number, number, number];
  return n > 0 ? dom === n : dom === daysInMonth(year, month) + n + 1;
}

/** Whether the date falls on a whole number of intervals from dtstart's week or month. */
function inStride(rule: ScheduleRule, date: string): boolean {
  if (rule.interval === 1 || !rule.anchor) return true;
  if (rule.freq === 'WEEKLY') {
    // Weeks run Monday to Sunday (RFC 5545's default WKST), counted from dtstart's week.
    const mondayOf = (d: string) => dayNumber(d) - WEEKDAYS.indexOf(weekdayOf(d));
    return ((mondayOf(date) - mondayOf(rule.anchor)) / 7) % rule.interval === 0;
  }
  const monthIndex = (d: string) => Number(d.slice(0, 4)) * 12 + Number(d.slice(5, 7));
  return (monthIndex(date) - monthIndex(rule.anchor)) % rule.interval === 0;
}

/** Whether a session falls on the date (whatever its hours). */
export function ruleOccursOn(rule: ScheduleRule, date: string): boolean {
  if ((rule.firstDate && date < rule.firstDate) || (rule.lastDate && date > rule.lastDate)) return false;
  if (!inStride(rule, date)) return false;
  if (rule.freq === 'WEEKLY') return rule.days.some((d) => d.weekday === weekdayOf(date));
  // MONTHLY with both byday and bymonthday: a day must meet both (RFC 5545: BYDAY then limits).
  const byDay = rule.days.length === 0 || rule.days.some((d) => dayRuleMatches(d, date));
  const byMonthDay = rule.monthDays.length === 0 || rule.monthDays.some((n) => monthDayMatches(n, date));
  return byDay && byMonthDay;
}

export function scheduleOccursOn(schedule: HsdsScheduleFields, date: string): boolean {
  const rule = scheduleRule(schedule);
  return rule !== null && ruleOccursOn(rule, date);
}

function spanWeekdays(rule: ScheduleRule): Weekday[] {
  // The 15th of the month can fall on any weekday; a byday rule only on its own days.
  const days = rule.days.length > 0 ? rule.days.map((d) => d.weekday) : WEEKDAYS;
  return WEEKDAYS.filter((w) => days.includes(w));
}

function everyWeekOn(rule: ScheduleRule, weekday: Weekday): boolean {
  if (rule.interval !== 1) return false;
  if (rule.freq === 'WEEKLY') return true;
  return rule.monthDays.length === 0 && rule.days.some((d) => d.weekday === weekday && d.nth === undefined);
}

/**
 * The spans to index, one per weekday a session can fall on, for the server's search to filter
 * with an index (see when.ts for the overlap rule). A superset for monthly and fortnightly
 * sessions: "first Monday" is indexed as Monday with everyWeek false, and a search on a date
 * checks the rule itself with isOpenDuring.
 */
export function scheduleWeeklySpans(schedule: HsdsScheduleFields): WeeklySpan[] {
  const rule = scheduleRule(schedule);
  if (!rule) return [];
  const hours = rule.hours ?? WHOLE_DAY;
  return spanWeekdays(rule).map((weekday) => ({
    weekday,
    ...hours,
    everyWeek: everyWeekOn(rule, weekday),
    timesGiven: rule.hours !== undefined,
    validFrom: rule.firstDate ?? null,
    validTo: rule.lastDate ?? null,
  }));
}

/**
 * Whether the service runs during the filter's span. With a date, the rule is checked on that
 * very date (a "first Monday" session is not open on the second Monday) and within the dates the
 * schedule holds for; with only a weekday, any week counts and no dates are checked, as there is
 * none to check them against. A schedule without times counts as open all that day.
 */
export function isOpenDuring(schedule: HsdsScheduleFields, filter: WhenFilter): boolean {
  const rule = scheduleRule(schedule);
  if (!rule) return false;
  if (filter.date === undefined) return matchesWhen(scheduleWeeklySpans(schedule), filter);
  return ruleOccursOn(rule, filter.date) && spansOverlap(rule.hours ?? WHOLE_DAY, filter);
}

/**
 * The first session on or after a date; with `notEndedBy` (minutes since midnight), a session
 * on that first date that has already ended by then is passed over. Undefined when none falls
 * within five years or before the schedule's last date.
 */
export function nextOccurrence(schedule: HsdsScheduleFields, onOrAfter: string, notEndedBy?: number): ScheduleOccurrence | undefined {
  const rule = scheduleRule(schedule);
  if (!rule) return undefined;
  const hours = rule.hours ?? WHOLE_DAY;
  let day = rule.firstDate && rule.firstDate > onOrAfter ? rule.firstDate : onOrAfter;
  for (let step = 0; step <= LOOKAHEAD_DAYS; step += 1, day = addDays(day, 1)) {
    if (rule.lastDate && day > rule.lastDate) return undefined;
    const ended = day === onOrAfter && notEndedBy !== undefined && hours.toMinute <= notEndedBy;
    if (!ended && ruleOccursOn(rule, day)) return { date: day, ...hours, timesGiven: rule.hours !== undefined };
  }
  return undefined;
}
