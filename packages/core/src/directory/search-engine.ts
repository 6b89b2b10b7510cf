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
import type { LatLong } from './geo.js';
import { distanceMetres } from './geo.js';
import { listingFreshness } from './freshness.js';
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

function windowsMeeting(listing: IndexedListing, when: WhenFilter, today: string): SessionWindow[] {
  const weekday = WEEKDAYS.indexOf(when.weekday) + 1;
  const on = when.date ?? today;
  return listing.sessions.filter(
    (w) => w.weekday === weekday && w.opensMinute < when.toMinute && w.closesMinute > when.fromMinute && inForce(w, on),
  );
}

/** Open when asked: a weekly window meets it, and on a date, a session not held every week must fall on that day. */
function meetsWhen(listing: IndexedListing, when: WhenFilter, today: string): boolean {
  const windows = windowsMeeting(listing, when, today);
  if (windows.length === 0) return false;
  if (!when.date || windows.some((w) => w.everyWeek)) return true;
  return listing.schedules.some((schedule) => {
    try {
      return isOpenDuring(schedule, when);
    } catch {
      return false; // a schedule Kith cannot read was never indexed either
    }
  });
}

/** The distance to its nearest place inside the radius; undefined when none is. */
function nearestInside(listing: IndexedListing, near: NonNullable<ListingFilters['near']>): number | undefined {
  let nearest: number | undefined;
  for (const place of listing.places) {
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

/** The listings that meet every filter, scored and in order. */
export function findListings(candidates: Iterable<IndexedListing>, f: ListingFilters): FoundListing[] {
  if (f.words === null) return [];
  const found: FoundListing[] = [];
  for (const listing of candidates) {
    if (!meetsFacts(listing, f)) continue;
    const distance = f.near ? nearestInside(listing, f.near) : null;
    if (distance === undefined) continue;
    if (f.when && !meetsWhen(listing, f.when, f.today)) continue;
    if (f.words && !matchesWords(listing.words, f.words)) continue;
    const { score } = directoryRank({
      textRank: f.words ? wordsRank(listing.words, f.words) : 0,
      distanceMetres: distance,
      radiusMetres: f.near?.radiusMetres,
      freshness: listingFreshness(listing.lastVerifiedOn, f.today).state,
    });
    found.push({ id: listing.id, name: listing.name, score, distanceMetres: distance });
  }
  return found.sort(compareRankedListings);
}

/** Every active listing, with the listings holding each lexeme, so words narrow a search before any filter runs. */
export class ListingIndex {
  private readonly byLexeme = new Map<string, IndexedListing[]>();
  private readonly byId: ReadonlyMap<string, IndexedListing>;

  constructor(readonly listings: readonly IndexedListing[]) {
    for (const listing of listings) {
      for (const lexeme of listing.words.lexemes.keys()) {
        const holding = this.byLexeme.get(lexeme);
        if (holding) holding.push(listing);
        else this.byLexeme.set(lexeme, [listing]);
      }
    }
    this.byId = new Map(listings.map((l) => [l.id, l]));
  }

  get size(): number {
    return this.listings.length;
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  /** The listings that hold what every match must hold; undefined when the words require nothing in particular. */
  private required(query: WordQuery): readonly IndexedListing[] | undefined {
    switch (query.kind) {
      case 'word':
        return query.prefix ? undefined : (this.byLexeme.get(query.lexeme) ?? []);
      case 'not':
        return undefined;
      case 'and':
      case 'phrase': {
        const [left, right] = [this.required(query.left), this.required(query.right)];
        if (!left || !right) return left ?? right;
        return left.length <= right.length ? left : right;
      }
      case 'or': {
        const [left, right] = [this.required(query.left), this.required(query.right)];
        return left && right ? [...new Set([...left, ...right])] : undefined;
      }
    }
  }

  find(filters: ListingFilters): FoundListing[] {
    const candidates = filters.words ? (this.required(filters.words) ?? this.listings) : this.listings;
    return findListings(candidates, filters);
  }
}
