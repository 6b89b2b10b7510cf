/**
 * Wall-clock time in England. A huddle is "Tuesdays at 10:00" in local time, so it is at 10:00
 * GMT in winter and 10:00 BST in summer: the UTC instant moves by an hour across the clock
 * changes (last Sunday of March, 01:00 UTC forward; last Sunday of October, 01:00 UTC back).
 * The offsets come from the runtime's time zone data through Intl, never from a hand-kept rule.
 *
 * Two local times are odd, and are resolved as Temporal's "compatible" disambiguation does:
 * - a time that does not exist (01:30 on the March change day falls in the skipped hour) moves
 *   forward by the gap, to 02:30 BST;
 * - a time that happens twice (01:30 on the October change day) is the first, BST, one.
 * Neither can be a huddle in practice; the rule only makes the function total.
 */
import { DomainError } from '../errors.js';
import { isIsoDate } from '../people/dates.js';

export const HUDDLE_TIME_ZONE = 'Europe/London';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** True for a 24-hour clock time written HH:MM, 00:00 to 23:59. */
export function isClockTime(value: string): boolean {
  return TIME.test(value);
}

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** Minutes the zone's wall clock is ahead of UTC at an instant: 0 for GMT, 60 for BST. */
export function timeZoneOffsetMinutes(instant: Date, timeZone: string = HUDDLE_TIME_ZONE): number {
  const parts = formatFor(timeZone).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  const whole = instant.getTime() - instant.getUTCMilliseconds();
  return Math.round((wall - whole) / 60_000);
}

/**
 * The UTC instant of a local date and time in the zone (Europe/London unless told):
 * `localTimeToInstant('2026-03-31', '10:00')` is 09:00Z, `('2026-03-24', '10:00')` is 10:00Z.
 */
export function localTimeToInstant(date: string, time: string, timeZone: string = HUDDLE_TIME_ZONE): Date {
  if (!isIsoDate(date)) throw DomainError.field('date', 'Must be a real date, written as YYYY-MM-DD');
  const clock = TIME.exec(time);
  if (!clock) throw DomainError.field('time', 'Must be a time on the 24-hour clock, written as HH:MM');
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const wall = Date.UTC(year, month - 1, day, Number(clock[1]), Number(clock[2]));
  // The offsets a day either side; at most one change lies between them in any real zone.
  const before = timeZoneOffsetMinutes(new Date(wall - DAY_MS), timeZone);
  const after = timeZoneOffsetMinutes(new Date(wall + DAY_MS), timeZone);
  const fits = [before, after]
    .map((offset) => wall - offset * 60_000)
    .filter((t) => (wall - t) / 60_000 === timeZoneOffsetMinutes(new Date(t), timeZone));
  if (fits.length > 0) return new Date(Math.min(...fits));
  // In the skipped hour: read the wall clock with the offset in force before the change.
  return new Date(wall - before * 60_000);
}
