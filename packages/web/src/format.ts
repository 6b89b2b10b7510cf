import { ageOn } from '@kith/core';

export { formatNhsNumber } from '@kith/core';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/**
 * "12 March 1941" from "1941-03-12". Read from the string, never through Date, so no time zone
 * can move a date of birth to the day before.
 */
export function formatDate(isoDate: string): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const monthName = MONTHS[month - 1];
  if (!monthName || !day || !year) return isoDate;
  return `${day} ${monthName} ${year}`;
}

/**
 * Today in the user's own calendar, not UTC: just after midnight in British Summer Time the
 * UTC date is still yesterday, which would make someone's birthday a day late.
 */
export function todayIso(now: Date = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export function ageToday(dateOfBirth: string, now: Date = new Date()): number {
  return ageOn(dateOfBirth, todayIso(now));
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** "14:05" in the user's own time zone, from an ISO date and time. */
export function formatTime(isoDateTime: string): string {
  const at = new Date(isoDateTime);
  return `${pad2(at.getHours())}:${pad2(at.getMinutes())}`;
}

/** "3 June 2026 at 14:05" in the user's own time zone, from an ISO date and time. */
export function formatDateTime(isoDateTime: string): string {
  const at = new Date(isoDateTime);
  if (Number.isNaN(at.getTime())) return isoDateTime;
  return `${formatDate(todayIso(at))} at ${formatTime(isoDateTime)}`;
}
