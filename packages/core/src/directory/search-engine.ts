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
type FreshnessOf = (listing: IndexedListing) => ListingFreshnessState;

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

/** A grid of cells about half a kilometre a side (at the UK's latitudes), so a search near a place looks only at the cells its radius covers. */
const CELL_DEGREES = { latitude: 0.005, longitude: 0.0075 };
const cellOf = (latitude: number, longitude: number) =>
  `${Math.floor(latitude / CELL_DEGREES.latitude)}:${Math.floor(longitude / CELL_DEGREES.longitude)}`;

function cellsCovering(box: LatLongBox): string[] | undefined {
  const [south, north] = [Math.floor(box.south / CELL_DEGREES.latitude), Math.floor(box.north / CELL_DEGREES.latitude)];
  const [west, east] = [Math.floor(box.west / CELL_DEGREES.longitude), Math.floor(box.east / CELL_DEGREES.longitude)];
  if ((north - south + 1) * (east - west + 1) > 2_500) return undefined; // a box that large is better walked whole
  const cells: string[] = [];
  for (let y = south; y <= north; y++) for (let x = west; x <= east; x++) cells.push(`${y}:${x}`);
  return cells;
}

function addTo<K>(map: Map<K, number[]>, key: K, slot: number): void {
  const holding = map.get(key);
  if (holding) {
    if (holding[holding.length - 1] !== slot) holding.push(slot);
  } else map.set(key, [slot]);
}

/**
 * Every active listing, with the listings holding each lexeme and those with a place in each
 * cell of a grid, so a search starts from the listings both its words and its radius allow (by
 * their numbers in the index) before any other filter runs.
 */
export class ListingIndex {
  private readonly byLexeme = new Map<string, number[]>();
  private readonly byCell = new Map<string, number[]>();
  /** Which listings the search under way has marked; a search is synchronous, so one array serves all. */
  private readonly marks: Uint32Array;
  private mark = 0;
  /** Freshness turns on today's date: worked out once a day for each listing. */
  private freshness = { today: '', states: new Map<IndexedListing, ListingFreshnessState>() };

  constructor(readonly listings: readonly IndexedListing[]) {
    listings.forEach((listing, slot) => {
      for (const lexeme of listing.words.lexemes.keys()) addTo(this.byLexeme, lexeme, slot);
      for (const place of listing.places) addTo(this.byCell, cellOf(place.latitude, place.longitude), slot);
    });
    this.marks = new Uint32Array(listings.length);
  }

  get size(): number {
    return this.listings.length;
  }

  /** The listings that hold what every match must hold; undefined when the words require nothing in particular. */
  private required(query: WordQuery): readonly number[] | undefined {
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

  /** Marks the listings with a place in the cells the radius' box covers; false when the box is too large for cells to help. */
  private markNearby(near: NonNullable<ListingFilters['near']>): boolean {
    const cells = cellsCovering(boundingBox(near.centre, near.radiusMetres));
    if (!cells) return false;
    this.mark += 1;
    for (const cell of cells) for (const slot of this.byCell.get(cell) ?? []) this.marks[slot] = this.mark;
    return true;
  }

  /** Where a search starts: the listings its words need that are near enough; either alone; or every listing. */
  private startingFrom(filters: ListingFilters): readonly IndexedListing[] {
    const needed = filters.words ? this.required(filters.words) : undefined;
    if (!filters.near || !this.markNearby(filters.near)) return needed ? needed.map((slot) => this.listings[slot]!) : this.listings;
    const start: IndexedListing[] = [];
    if (needed) {
      for (const slot of needed) if (this.marks[slot] === this.mark) start.push(this.listings[slot]!);
    } else {
      this.marks.forEach((m, slot) => m === this.mark && start.push(this.listings[slot]!));
    }
    return start;
  }

  private freshnessOf(today: string): FreshnessOf {
    if (this.freshness.today !== today) this.freshness = { today, states: new Map() };
    const { states } = this.freshness;
    return (listing) => {
      let state = states.get(listing);
      if (state === undefined) {
        state = listingFreshness(listing.lastVerifiedOn, today).state;
        states.set(listing, state);
      }
      return state;
    };
  }

  find(filters: ListingFilters): FoundListing[] {
    return findListings(this.startingFrom(filters), filters, this.freshnessOf(filters.today));
  }
}
