/**
 * Calendar days as ISO strings (YYYY-MM-DD), counted as whole days since 1970-01-01. A huddle's
 * date has no time of day until it is placed in Europe/London (series.ts), so day arithmetic
 * never goes through an instant that a clock change could shift. Internal to huddles.
 */
import { isIsoDate } from '../people/dates.js';

const DAY_MS = 86_400_000;

export const WEEKDAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** Whole days since 1970-01-01; throws on anything but a real ISO date (a programming error here). */
export function dayNumber(day: string): number {
  if (!isIsoDate(day)) throw new Error(`not a date: ${day}`);
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

export function dayOf(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return dayOf(dayNumber(day) + days);
}

/** The weekday of a date (1970-01-01 was a Thursday). */
export function weekdayOf(day: string): Weekday {
  const mondayBased = (((dayNumber(day) + 3) % 7) + 7) % 7;
  return WEEKDAYS[mondayBased]!;
}

/** "3 November 2026", as the GOV.UK style guide writes dates. */
export function dateInWords(day: string): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  if (!isIsoDate(day)) return day;
  return `${date} ${MONTHS[month - 1]} ${year}`;
}
