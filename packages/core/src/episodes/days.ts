/**
 * Calendar days of the service: ISO dates (YYYY-MM-DD) in England, counted as whole days since
 * 1970-01-01 so that day arithmetic never goes through an instant a clock change could shift.
 * Internal to episodes.
 */
import { isIsoDate } from '../people/dates.js';
import { englandDate } from '../referrals/referral.js';

const DAY_MS = 86_400_000;

/** Whole days since 1970-01-01; throws on anything but a real ISO date (a programming error here). */
export function dayNumber(day: string): number {
  if (!isIsoDate(day)) throw new Error(`not a date: ${day}`);
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

/** Days from one date to a later one: 0 for the same day, negative when `to` is earlier. */
export function daysFrom(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function addDays(day: string, days: number): string {
  return new Date((dayNumber(day) + days) * DAY_MS).toISOString().slice(0, 10);
}

/** The England (Europe/London) calendar date of an ISO instant: 23:30Z on 1 June is 2 June. */
export function englandDateOf(instant: string): string {
  return englandDate(new Date(instant));
}
