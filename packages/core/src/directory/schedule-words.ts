/**
 * A schedule in plain English, as a directory listing shows it: "Tuesdays 10:00 to 12:00",
 * "Monday to Friday 09:00 to 17:00", "First Monday of the month, 14:00 to 16:00". Times are on
 * the 24-hour clock, as the rest of Kith writes them; dates as GOV.UK writes them.
 */
import { dateInWords, WEEKDAYS, type Weekday } from '../huddles/days.js';
import { WEEKDAY_LABELS } from '../huddles/series.js';
import { checkSchedule, type HsdsScheduleFields, type ScheduleDay, type ScheduleRule } from './schedule.js';
import { clockOfMinute, MINUTES_IN_A_DAY, type MinuteSpan } from './when.js';

const NTH_WORDS: Readonly<Record<number, string>> = { 1: 'first', 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth', [-1]: 'last' };

function nthWords(nth: number): string {
  return NTH_WORDS[nth] ?? `${NTH_WORDS[-nth]} to last`;
}

/** 1st, 2nd, 3rd, 11th, 22nd; -1 is "last day", -2 "second to last day". */
function monthDayWords(n: number): string {
  if (n < 0) return `${nthWords(n)} day`;
  const tens = n % 100 >= 11 && n % 100 <= 13;
  const suffix = tens ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' } as Record<number, string>)[n % 10] ?? 'th';
  return `${n}${suffix}`;
}

function listWords(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? '';
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const plural = (weekday: Weekday) => `${WEEKDAY_LABELS[weekday]}s`;

/** "Tuesdays", "Mondays and Thursdays", "Monday to Friday" (three or more days in a row), "Every day". */
export function weekdaysInWords(weekdays: readonly Weekday[]): string {
  const days = WEEKDAYS.filter((w) => weekdays.includes(w));
  if (days.length === 7) return 'Every day';
  const first = WEEKDAYS.indexOf(days[0]!);
  const inARow = days.every((d, i) => WEEKDAYS.indexOf(d) === first + i);
  if (days.length >= 3 && inARow) return `${WEEKDAY_LABELS[days[0]!]} to ${WEEKDAY_LABELS[days[days.length - 1]!]}`;
  return listWords(days.map(plural));
}

/** 10:00 to 12:00; the midnight at either end of the day is "midnight". */
export function hoursInWords(hours: MinuteSpan): string {
  const clock = (m: number) => (m === 0 || m === MINUTES_IN_A_DAY ? 'midnight' : clockOfMinute(m));
  return `${clock(hours.fromMinute)} to ${clock(hours.toMinute)}`;
}

function everyWords(interval: number, unit: 'week' | 'month'): string {
  if (interval === 1) return `the ${unit}`;
  return interval === 2 ? `every other ${unit}` : `every ${interval} ${unit}s`;
}

/** "first and third Monday", "last Friday", "every Tuesday", grouped by weekday. */
function monthlyDaysWords(days: readonly ScheduleDay[]): string {
  const weekdays = WEEKDAYS.filter((w) => days.some((d) => d.weekday === w));
  return listWords(
    weekdays.map((weekday) => {
      const nths = days.filter((d) => d.weekday === weekday).map((d) => d.nth);
      if (nths.includes(undefined)) return `every ${WEEKDAY_LABELS[weekday]}`;
      const ordered = [...(nths as number[])].sort((a, b) => (a < 0 ? 10 - a : a) - (b < 0 ? 10 - b : b));
      return `${listWords(ordered.map(nthWords))} ${WEEKDAY_LABELS[weekday]}`;
    }),
  );
}

function weeklyWords(rule: ScheduleRule): string {
  const weekdays = rule.days.map((d) => d.weekday);
  if (rule.interval === 1) return weekdaysInWords(weekdays);
  if (rule.interval === 2 && new Set(weekdays).size === 1) return `Every other ${WEEKDAY_LABELS[weekdays[0]!]}`;
  return `${weekdaysInWords(weekdays)}, ${everyWords(rule.interval, 'week')}`;
}

function monthlyWords(rule: ScheduleRule): string {
  const of = everyWords(rule.interval, 'month');
  const plainDays = rule.days.length > 0 && rule.days.every((d) => d.nth === undefined);
  if (plainDays && rule.monthDays.length === 0) {
    const days = weekdaysInWords(rule.days.map((d) => d.weekday));
    return rule.interval === 1 ? days : `${days}, ${of}`;
  }
  const monthDays = listWords(rule.monthDays.map(monthDayWords));
  if (rule.days.length === 0) return capitalised(`${monthDays} of ${of}`);
  if (rule.monthDays.length === 0) return capitalised(`${monthlyDaysWords(rule.days)} of ${of}`);
  // Both: a day must meet both, like Fridays that fall on the 13th.
  return `${weekdaysInWords(rule.days.map((d) => d.weekday))} that fall on the ${monthDays} of ${of}`;
}

/**
 * The schedule in words. A weekly session reads "Tuesdays 10:00 to 12:00"; anything rarer puts a
 * comma before the times ("First Monday of the month, 14:00 to 16:00"). A last date is always
 * said; a first date only when it is after `today`, when given. A schedule that is free text
 * only, or that cannot be read, shows its description.
 */
export function describeSchedule(schedule: HsdsScheduleFields, today?: string): string {
  const { rule, problems } = checkSchedule(schedule);
  if (!rule || problems.length > 0) return schedule.description?.trim() || 'Times not given';
  const everyWeek = rule.interval === 1 && rule.monthDays.length === 0 && rule.days.every((d) => d.nth === undefined);
  const days = rule.freq === 'WEEKLY' ? weeklyWords(rule) : monthlyWords(rule);
  const parts = [rule.hours ? `${days}${everyWeek ? ' ' : ', '}${hoursInWords(rule.hours)}` : days];
  if (today && rule.firstDate && rule.firstDate > today) parts.push(`from ${dateInWords(rule.firstDate)}`);
  if (rule.lastDate) parts.push(`until ${dateInWords(rule.lastDate)}`);
  return parts.join(', ');
}
