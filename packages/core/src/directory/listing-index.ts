/**
 * Every active listing, held so a search touches as few as it can. Lists of listing numbers by
 * lexeme, by cell of a grid and by weekday say where a search starts: the shortest list its
 * words, its radius or its day give. Before a listing itself is looked at, two checks run on
 * flat arrays: whether it meets on the day asked, and whether any of its places is inside the
 * radius' box. Only what passes both goes through every filter (findListings).
 */
import { listingFreshness, type ListingFreshnessState } from './freshness.js';
import { boundingBox, type LatLongBox } from './geo.js';
import { type FoundListing, type FreshnessOf, type IndexedListing, type ListingFilters, findListings } from './search-engine.js';
import { WEEKDAYS } from '../huddles/days.js';
import type { WordQuery } from './words/index.js';

/** Cells about half a kilometre a side at the UK's latitudes. */
const CELL_DEGREES = { latitude: 0.005, longitude: 0.0075 };
/** A cell's number: rows and columns of cells each fit in 16 bits (the columns span the globe's 48,000 at this size). */
const cellNumber = (row: number, column: number) => row * 65_536 + column;
const cellOf = (latitude: number, longitude: number) =>
  cellNumber(Math.floor(latitude / CELL_DEGREES.latitude), Math.floor(longitude / CELL_DEGREES.longitude));

function cellsCovering(box: LatLongBox): number[] | undefined {
  const [south, north] = [Math.floor(box.south / CELL_DEGREES.latitude), Math.floor(box.north / CELL_DEGREES.latitude)];
  const [west, east] = [Math.floor(box.west / CELL_DEGREES.longitude), Math.floor(box.east / CELL_DEGREES.longitude)];
  if ((north - south + 1) * (east - west + 1) > 2_500) return undefined; // a box that large is better walked whole
  const cells: number[] = [];
  for (let row = south; row <= north; row++) for (let column = west; column <= east; column++) cells.push(cellNumber(row, column));
  return cells;
}

function addTo<K>(map: Map<K, number[]>, key: K, slot: number): void {
  const holding = map.get(key);
  if (holding) {
    if (holding[holding.length - 1] !== slot) holding.push(slot);
  } else map.set(key, [slot]);
}

/** A union of lists of listing numbers: the listings holding a word, in some cells, or meeting on a weekday. */
type Narrowing = readonly (readonly number[])[];
const sizeOf = (narrowing: Narrowing) => narrowing.reduce((n, list) => n + list.length, 0);

/** Each listing's places in two flat arrays, its own from placeStart[slot] to placeStart[slot + 1]. */
interface FlatPlaces {
  placeStart: Uint32Array;
  latitudes: Float64Array;
  longitudes: Float64Array;
}

function flatPlaces(listings: readonly IndexedListing[]): FlatPlaces {
  const total = listings.reduce((n, l) => n + l.places.length, 0);
  const flat = { placeStart: new Uint32Array(listings.length + 1), latitudes: new Float64Array(total), longitudes: new Float64Array(total) };
  let at = 0;
  listings.forEach((listing, slot) => {
    flat.placeStart[slot] = at;
    for (const place of listing.places) [flat.latitudes[at], flat.longitudes[at], at] = [place.latitude, place.longitude, at + 1];
  });
  flat.placeStart[listings.length] = at;
  return flat;
}

export class ListingIndex {
  private readonly byLexeme = new Map<string, number[]>();
  private readonly byCell = new Map<number, number[]>();
  private readonly byWeekday = new Map<number, number[]>();
  /** Bit n set: the listing has a session on ISO weekday n. */
  private readonly weekdayBits: Uint8Array;
  private readonly places: FlatPlaces;
  /** Marks left by the search under way, so a listing in several cells starts once; a search is synchronous, so one array serves all. */
  private readonly marks: Uint32Array;
  private mark = 0;
  /** Freshness turns on today's date: worked out once a day for each listing. */
  private freshness = { today: '', states: new Map<IndexedListing, ListingFreshnessState>() };

  constructor(readonly listings: readonly IndexedListing[]) {
    this.weekdayBits = new Uint8Array(listings.length);
    listings.forEach((listing, slot) => {
      for (const lexeme of listing.words.lexemes.keys()) addTo(this.byLexeme, lexeme, slot);
      for (const place of listing.places) addTo(this.byCell, cellOf(place.latitude, place.longitude), slot);
      for (const session of listing.sessions) {
        addTo(this.byWeekday, session.weekday, slot);
        this.weekdayBits[slot]! |= 1 << session.weekday;
      }
    });
    this.places = flatPlaces(listings);
    this.marks = new Uint32Array(listings.length);
  }

  get size(): number {
    return this.listings.length;
  }

  find(filters: ListingFilters): FoundListing[] {
    return findListings(this.startingFrom(filters), filters, this.freshnessOf(filters.today));
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

  /** What could narrow this search: its words, the cells its radius covers, its weekday. */
  private narrowings(f: ListingFilters, box: LatLongBox | undefined): Narrowing[] {
    const narrowings: Narrowing[] = [];
    const needed = f.words ? this.required(f.words) : undefined;
    if (needed) narrowings.push([needed]);
    const cells = box && cellsCovering(box);
    if (cells) narrowings.push(cells.map((cell) => this.byCell.get(cell) ?? []));
    if (f.when) narrowings.push([this.byWeekday.get(WEEKDAYS.indexOf(f.when.weekday) + 1) ?? []]);
    return narrowings;
  }

  private inBox(slot: number, box: LatLongBox): boolean {
    const { placeStart, latitudes, longitudes } = this.places;
    for (let at = placeStart[slot]!; at < placeStart[slot + 1]!; at++) {
      const [lat, lon] = [latitudes[at]!, longitudes[at]!];
      if (lat >= box.south && lat <= box.north && lon >= box.west && lon <= box.east) return true;
    }
    return false;
  }

  /** Where a search starts: the shortest list that narrows it, less what fails the day or the box. */
  private startingFrom(f: ListingFilters): readonly IndexedListing[] {
    const box = f.near && boundingBox(f.near.centre, f.near.radiusMetres);
    const narrowings = this.narrowings(f, box);
    const dayBit = f.when ? 1 << (WEEKDAYS.indexOf(f.when.weekday) + 1) : 0;
    const smallest = narrowings.length ? narrowings.reduce((a, b) => (sizeOf(b) < sizeOf(a) ? b : a)) : [this.listings.map((_, slot) => slot)];
    // After four billion searches the marks start again from nothing.
    if (this.mark === 0xffff_ffff) {
      this.marks.fill(0);
      this.mark = 0;
    }
    const mark = ++this.mark;
    const start: IndexedListing[] = [];
    for (const list of smallest) {
      for (const slot of list) {
        if (this.marks[slot] === mark) continue;
        this.marks[slot] = mark;
        if ((dayBit && !(this.weekdayBits[slot]! & dayBit)) || (box && !this.inBox(slot, box))) continue;
        start.push(this.listings[slot]!);
      }
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
}
