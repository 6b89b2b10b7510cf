/**
 * Searching the directory in memory. The server keeps every active listing as an
 * `IndexedListing` (what each filter needs, nothing more) and answers a search without asking the
 * database anything but what the words typed mean and where the postcode is. The filters are
 * the ones the database would apply, worked the same way:
 * - words: the listing's name and description meet the query (`@@`), ranked as `ts_rank` does;
 * - taxonomy and needs: the listing carries at least one of each list's codes;
 * - accessibility: every feature asked for is offered at one of its places;
 * - age: inside the listing's range (a missing end is open); free only;
 * - when: a weekly session window on the day that overlaps the times, in force on the date (or
 *   today); for a date, a fortnightly or monthly session must fall on that very day;
 * - near: the nearest of its places inside the radius.
 * Then each is scored (directoryRank) and put in order (compareRankedListings).
 */
import { type LatLong, type LatLongBox, boundingBox, distanceMetres, isInBox } from './geo.js';
import { type ListingFreshnessState, listingFreshness } from './freshness.js';
import { type HsdsScheduleFields, isOpenDuring } from './schedule.js';
import { compareRankedListings, directoryRank } from './search-query.js';
import type { WhenFilter } from './when.js';
import { WEEKDAYS } from '../huddles/days.js';
import { matchesWords, wordsRank, type WordQuery, type WordVector } from './words/index.js';

/** A weekly window a service runs: ISO weekday (Monday 1), minutes of the day, the dates it holds. */
export interface SessionWindow {
  weekday: number;
  opensMinute: number;
  closesMinute: number;
  /** False for fortnightly and monthly sessions: a date asked for is checked against the schedules. */
  everyWeek: boolean;
  validFrom: string | null;
  validTo: string | null;
}

export interface IndexedListing {
  id: string;
  name: string;
  lastVerifiedOn: string | null;
  taxonomyCodes: ReadonlySet<string>;
  /** Lower case. */
  accessibility: ReadonlySet<string>;
  minimumAge: number | null;
  maximumAge: number | null;
  free: boolean;
  /** Its places that have a position. */
  places: readonly LatLong[];
  sessions: readonly SessionWindow[];
  schedules: readonly HsdsScheduleFields[];
  words: WordVector;
}

export interface ListingFilters {
  /** The words typed, as the database parsed them; null when they held no searchable word (so nothing matches). */
  words?: WordQuery | null;
  taxonomy: readonly string[];
  needs: readonly string[];
  accessibility: readonly string[];
  age?: number;
  freeOnly: boolean;
  when?: WhenFilter;
  near?: { centre: LatLong; radiusMetres: number };
  /** Today in England. */
  today: string;
}

export interface FoundListing {
  id: string;
  name: string;
  score: number;
  distanceMetres: number | null;
}

const overlaps = (codes: ReadonlySet<string>, wanted: readonly string[]) => wanted.length === 0 || wanted.some((c) => codes.has(c));

function inForce(window: SessionWindow, on: string): boolean {
  return (window.validTo === null || window.validTo >= on) && (window.validFrom === null || window.validFrom <= on);
}

/** The when filter with its weekday as a number and the day sessions must be in force on, worked out once a search. */
interface WhenAsked {
  filter: WhenFilter;
  weekday: number;
  on: string;
}

/** Open when asked: a weekly window meets it, and on a date, a session not held every week must fall on that day. */
function meetsWhen(listing: IndexedListing, when: WhenAsked): boolean {
  const { filter, weekday, on } = when;
  let meeting = false;
  for (const w of listing.sessions) {
    if (w.weekday !== weekday || w.opensMinute >= filter.toMinute || w.closesMinute <= filter.fromMinute || !inForce(w, on)) continue;
    if (!filter.date || w.everyWeek) return true;
    meeting = true;
  }
  return meeting && listing.schedules.some((schedule) => fallsOn(schedule, filter));
}

function fallsOn(schedule: HsdsScheduleFields, when: WhenFilter): boolean {
  try {
    return isOpenDuring(schedule, when);
  } catch {
    return false; // a schedule Kith cannot read was never indexed either
  }
}

/** The distance to its nearest place inside the radius; undefined when none is. The box spares most of the trigonometry. */
function nearestInside(listing: IndexedListing, near: Near): number | undefined {
  let nearest: number | undefined;
  for (const place of listing.places) {
    if (!isInBox(near.box, place)) continue;
    const d = distanceMetres(near.centre, place);
    if (d <= near.radiusMetres && (nearest === undefined || d < nearest)) nearest = d;
  }
  return nearest;
}

function meetsFacts(listing: IndexedListing, f: ListingFilters): boolean {
  if (f.freeOnly && !listing.free) return false;
  if (f.age !== undefined && ((listing.minimumAge ?? 0) > f.age || (listing.maximumAge ?? 200) < f.age)) return false;
  if (!overlaps(listing.taxonomyCodes, f.taxonomy) || !overlaps(listing.taxonomyCodes, f.needs)) return false;
  return f.accessibility.every((a) => listing.accessibility.has(a.toLowerCase()));
}

type Near = NonNullable<ListingFilters['near']> & { box: LatLongBox };
export type FreshnessOf = (listing: IndexedListing) => ListingFreshnessState;

/** The listings that meet every filter, scored and in order. */
export function findListings(
  candidates: Iterable<IndexedListing>,
  f: ListingFilters,
  freshnessOf: FreshnessOf = (listing) => listingFreshness(listing.lastVerifiedOn, f.today).state,
): FoundListing[] {
  if (f.words === null) return [];
  const near: Near | undefined = f.near && { ...f.near, box: boundingBox(f.near.centre, f.near.radiusMetres) };
  const when: WhenAsked | undefined = f.when && { filter: f.when, weekday: WEEKDAYS.indexOf(f.when.weekday) + 1, on: f.when.date ?? f.today };
  const found: FoundListing[] = [];
  for (const listing of candidates) {
    if (!meetsFacts(listing, f)) continue;
    if (when && !meetsWhen(listing, when)) continue;
    const distance = near ? nearestInside(listing, near) : null;
    if (distance === undefined) continue;
    if (f.words && !matchesWords(listing.words, f.words)) continue;
    const { score } = directoryRank({
      textRank: f.words ? wordsRank(listing.words, f.words) : 0,
      distanceMetres: distance,
      radiusMetres: f.near?.radiusMetres,
      freshness: freshnessOf(listing),
    });
    found.push({ id: listing.id, name: listing.name, score, distanceMetres: distance });
  }
  return found.sort(compareRankedListings);
}
