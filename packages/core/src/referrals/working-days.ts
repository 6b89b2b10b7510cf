/**
 * Working days for referral target times: Monday to Friday, less the bank holidays of England
 * and Wales (GOV.UK, "UK bank holidays", england-and-wales division, including substitute days).
 * The list runs to the end of 2028; the server may add more (or local closures) from
 * configuration, so the function takes the holidays it should use.
 */
import { isIsoDate } from '../people/dates.js';

export const ENGLAND_AND_WALES_BANK_HOLIDAYS: readonly string[] = [
  '2024-01-01', '2024-03-29', '2024-04-01', '2024-05-06', '2024-05-27', '2024-08-26', '2024-12-25', '2024-12-26',
  '2025-01-01', '2025-04-18', '2025-04-21', '2025-05-05', '2025-05-26', '2025-08-25', '2025-12-25', '2025-12-26',
  '2026-01-01', '2026-04-03', '2026-04-06', '2026-05-04', '2026-05-25', '2026-08-31', '2026-12-25', '2026-12-28',
  '2027-01-01', '2027-03-26', '2027-03-29', '2027-05-03', '2027-05-31', '2027-08-30', '2027-12-27', '2027-12-28',
  '2028-01-03', '2028-04-14', '2028-04-17', '2028-05-01', '2028-05-29', '2028-08-28', '2028-12-25', '2028-12-26',
];

const DAY_MS = 86_400_000;

function dayNumber(day: string): number {
  if (!isIsoDate(day)) throw new Error(`not a date: ${day}`);
  return Date.parse(`${day}T00:00:00Z`) / DAY_MS;
}

function dayOf(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

/** Saturday and Sunday (the epoch day 0, 1970-01-01, was a Thursday). */
function isWeekend(n: number): boolean {
  const weekday = (((n + 4) % 7) + 7) % 7; // 0 Sunday ... 6 Saturday
  return weekday === 0 || weekday === 6;
}

export function isWorkingDay(day: string, holidays: readonly string[] = ENGLAND_AND_WALES_BANK_HOLIDAYS): boolean {
  return !isWeekend(dayNumber(day)) && !holidays.includes(day);
}

/**
 * The day that is `count` working days after `day`: a referral received on a Friday with a
 * target of 2 working days is due by the end of Tuesday. Counting starts the day after, so the
 * day of receipt never counts, whether or not it is a working day.
 */
export function addWorkingDays(day: string, count: number, holidays: readonly string[] = ENGLAND_AND_WALES_BANK_HOLIDAYS): string {
  if (!Number.isInteger(count) || count < 0) throw new Error(`not a count of days: ${count}`);
  let n = dayNumber(day);
  let left = count;
  while (left > 0) {
    n += 1;
    if (!isWeekend(n) && !holidays.includes(dayOf(n))) left -= 1;
  }
  return dayOf(n);
}
