/**
 * Whether a directory listing's details can be trusted: when someone last checked them with the
 * service. Community groups change venue, times and contacts often, and sending a person to a
 * hall where the group stopped meeting costs their trust in the referral, not only a wasted trip.
 *
 * A listing is stale when its last check is more than six months old, unless told otherwise:
 * asking twice a year is a load a directory team can keep up with, and catches the yearly
 * changes (new term times, a funding year ending in March) within one cycle. Never checked is its
 * own state, since imported listings start there.
 */
import { addDays, dateInWords, dayNumber } from '../huddles/days.js';
import { daysInMonth } from '../people/dates.js';

export const LISTING_STALE_AFTER_MONTHS = 6;

export const LISTING_FRESHNESS_STATES = ['fresh', 'stale', 'never_verified'] as const;
export type ListingFreshnessState = (typeof LISTING_FRESHNESS_STATES)[number];

export interface ListingFreshness {
  state: ListingFreshnessState;
  lastVerifiedOn: string | null;
  /** Whole days from the last check to today; null when never checked. */
  daysSinceVerified: number | null;
  /** The first day the listing counts as stale; null when never checked. */
  staleFrom: string | null;
}

/** The same day of the month, months later; the 31st becomes the last day of a shorter month. */
function addMonths(day: string, months: number): string {
  const [year, month, date] = day.split('-').map(Number) as [number, number, number];
  const index = year * 12 + (month - 1) + months;
  const [y, m] = [Math.floor(index / 12), (index % 12) + 1];
  const d = Math.min(date, daysInMonth(y, m));
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Fresh up to and including the day it turns N months old (checked 15 January, fresh on
 * 15 July), stale from the day after. A check dated after today (a clock set wrong somewhere)
 * counts as checked today.
 */
export function listingFreshness(lastVerifiedOn: string | null | undefined, today: string, staleAfterMonths: number = LISTING_STALE_AFTER_MONTHS): ListingFreshness {
  if (!lastVerifiedOn) return { state: 'never_verified', lastVerifiedOn: null, daysSinceVerified: null, staleFrom: null };
  const staleFrom = addDays(addMonths(lastVerifiedOn, staleAfterMonths), 1);
  return {
    state: today >= staleFrom ? 'stale' : 'fresh',
    lastVerifiedOn,
    daysSinceVerified: Math.max(0, dayNumber(today) - dayNumber(lastVerifiedOn)),
    staleFrom,
  };
}

/** The line a listing shows about its check. */
export function listingFreshnessWords(freshness: ListingFreshness): string {
  if (freshness.state === 'never_verified' || !freshness.lastVerifiedOn) return 'Details not yet checked with the service';
  const on = dateInWords(freshness.lastVerifiedOn);
  return freshness.state === 'fresh' ? `Details checked on ${on}` : `Details last checked on ${on}: they may be out of date`;
}
