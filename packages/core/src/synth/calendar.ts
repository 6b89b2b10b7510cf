/**
 * Day arithmetic for ISO dates. Dates are counted as whole days since 1970-01-01 (UTC, so no
 * time zone moves them); turning millions of day numbers back into text is cached, because the
 * synthetic borough only ever uses a few tens of thousands of distinct days.
 */
const MS_PER_DAY = 86_400_000;
/** Day numbers from 1880 onwards fit the cache: nobody synthetic is born earlier. */
const CACHE_FROM = -33_000;
const isoCache: string[] = [];

export function dayNumber(isoDate: string): number {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  return Date.UTC(year, month - 1, day) / MS_PER_DAY;
}

export function isoDateOfDay(day: number): string {
  const slot = day - CACHE_FROM;
  const cached = isoCache[slot];
  if (cached !== undefined) return cached;
  const text = new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
  if (slot >= 0) isoCache[slot] = text;
  return text;
}

/** The same calendar day `years` earlier (29 February falls back to 28 February). */
export function yearsBefore(isoDate: string, years: number): string {
  const [year, month, day] = isoDate.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(year - years, month - 1, day));
  if (date.getUTCDate() !== day) date.setUTCDate(0);
  return date.toISOString().slice(0, 10);
}
