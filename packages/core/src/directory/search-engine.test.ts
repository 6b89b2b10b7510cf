import { describe, expect, it } from 'vitest';
import { ListingIndex } from './listing-index.js';
import { type IndexedListing, type ListingFilters, findListings } from './search-engine.js';
import { parseWordQuery, parseWordVector, type WordQuery } from './words/index.js';
import { weekdayFilter, dateFilter } from './when.js';
import { WEEKDAYS } from '../huddles/days.js';

const TODAY = '2026-11-19';
const CROYDON = { latitude: 51.3727, longitude: -0.0999 };
const LEXEMES = ['lunch', 'club', 'walk', 'group', 'befriend', 'sing', 'garden', 'advic', 'craft', 'carer'];

/** A small, repeatable pseudo-random sequence, so a failure can be run again. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
}

function listing(over: Partial<IndexedListing> & { id: string }): IndexedListing {
  return {
    name: over.id,
    lastVerifiedOn: '2026-10-01',
    taxonomyCodes: new Set(),
    accessibility: new Set(),
    minimumAge: null,
    maximumAge: null,
    free: true,
    places: [CROYDON],
    sessions: [],
    schedules: [],
    words: parseWordVector("'club':2A 'lunch':1A"),
    ...over,
  };
}

const base: ListingFilters = { taxonomy: [], needs: [], accessibility: [], freeOnly: false, today: TODAY };
const ids = (found: { id: string }[]) => found.map((f) => f.id);

describe('the filters', () => {
  const thursdayLunch = { weekday: 4, opensMinute: 720, closesMinute: 840, everyWeek: true, validFrom: null, validTo: null };

  it('finds by words, day and time, and distance, nearest place counted', () => {
    const far = { latitude: 51.42, longitude: -0.2 };
    const all = [
      listing({ id: 'club', sessions: [thursdayLunch] }),
      listing({ id: 'monday club', sessions: [{ ...thursdayLunch, weekday: 1 }] }),
      listing({ id: 'far club', places: [far], sessions: [thursdayLunch] }),
      listing({ id: 'two places', places: [far, { latitude: 51.374, longitude: -0.1 }], sessions: [thursdayLunch] }),
      listing({ id: 'walk', words: parseWordVector("'walk':1A"), sessions: [thursdayLunch] }),
    ];
    const found = findListings(all, {
      ...base,
      words: parseWordQuery("'lunch' & 'club'"),
      when: weekdayFilter('thursday', { fromMinute: 12 * 60, toMinute: 17 * 60 }),
      near: { centre: CROYDON, radiusMetres: 2000 },
    });
    expect(ids(found).sort()).toEqual(['club', 'two places']);
    expect(found.find((f) => f.id === 'two places')!.distanceMetres).toBeGreaterThan(100);
  });

  it('keeps to age, cost, taxonomy, needs and accessibility', () => {
    const all = [
      listing({ id: 'adults', minimumAge: 18, taxonomyCodes: new Set(['lunch-club']), accessibility: new Set(['wheelchair access']) }),
      listing({ id: 'children', maximumAge: 16, taxonomyCodes: new Set(['lunch-club']) }),
      listing({ id: 'charged', free: false, taxonomyCodes: new Set(['lunch-club']), accessibility: new Set(['wheelchair access']) }),
    ];
    expect(ids(findListings(all, { ...base, age: 70 }))).not.toContain('children');
    expect(ids(findListings(all, { ...base, freeOnly: true }))).not.toContain('charged');
    expect(ids(findListings(all, { ...base, taxonomy: ['lunch-club'], accessibility: ['Wheelchair access'], age: 70 }))).toEqual(['adults', 'charged']);
    expect(findListings(all, { ...base, needs: ['befriending'] })).toEqual([]);
  });

  it('on a date, counts a fortnightly session only on the weeks it runs', () => {
    const fortnightly = listing({
      id: 'fortnightly',
      sessions: [{ ...thursdayLunch, everyWeek: false }],
      schedules: [{ freq: 'WEEKLY', interval: 2, byday: 'TH', dtstart: '2026-11-19', opens_at: '12:00', closes_at: '14:00' }],
    });
    const on = (date: string) => ids(findListings([fortnightly], { ...base, when: dateFilter(date, { fromMinute: 12 * 60, toMinute: 17 * 60 }) }));
    expect(on('2026-11-19')).toEqual(['fortnightly']);
    expect(on('2026-11-26')).toEqual([]);
    expect(on('2026-12-03')).toEqual(['fortnightly']);
  });

  it('finds nothing when the words held no searchable word', () => {
    expect(findListings([listing({ id: 'club' })], { ...base, words: null })).toEqual([]);
  });
});

describe('the index', () => {
  /** Listings scattered over about 10 km, with words, places and sessions drawn at random. */
  function scatter(count: number, next: () => number): IndexedListing[] {
    return Array.from({ length: count }, (_, i) => {
      const words = Array.from({ length: 1 + Math.floor(next() * 4) }, (_, at) => `'${LEXEMES[Math.floor(next() * LEXEMES.length)]}':${at + 1}A`);
      const place = () => ({ latitude: CROYDON.latitude + (next() - 0.5) * 0.09, longitude: CROYDON.longitude + (next() - 0.5) * 0.14 });
      return listing({
        id: `listing-${i}`,
        words: parseWordVector([...new Set(words)].join(' ')),
        places: Array.from({ length: next() < 0.2 ? 2 : 1 }, place),
        sessions: Array.from({ length: Math.floor(next() * 3) }, () => {
          const opens = 8 * 60 + Math.floor(next() * 10) * 60;
          return { weekday: 1 + Math.floor(next() * 7), opensMinute: opens, closesMinute: opens + 90, everyWeek: true, validFrom: null, validTo: null };
        }),
        free: next() < 0.7,
      });
    });
  }

  function someFilters(next: () => number): ListingFilters {
    const word = () => `'${LEXEMES[Math.floor(next() * LEXEMES.length)]}'`;
    const queries = [`${word()}`, `${word()} & ${word()}`, `${word()} | ${word()}`, `${word()} & !${word()}`, `${word()} <-> ${word()}`];
    const choice = Math.floor(next() * 6);
    const words: WordQuery | undefined = choice < 5 ? parseWordQuery(queries[choice]!) : undefined;
    const from = 8 * 60 + Math.floor(next() * 8) * 60;
    return {
      ...base,
      words,
      freeOnly: next() < 0.3,
      ...(next() < 0.6 ? { when: weekdayFilter(WEEKDAYS[Math.floor(next() * 7)]!, { fromMinute: from, toMinute: from + 240 }) } : {}),
      ...(next() < 0.7 ? { near: { centre: CROYDON, radiusMetres: 500 + Math.floor(next() * 4000) } } : {}),
    };
  }

  it('finds exactly what every filter over every listing finds, for any search', () => {
    const next = random(2017);
    const all = scatter(600, next);
    const index = new ListingIndex(all);
    let answered = 0;
    for (let i = 0; i < 300; i++) {
      const filters = someFilters(next);
      const expected = findListings(all, filters);
      expect(index.find(filters), JSON.stringify(filters)).toEqual(expected);
      if (expected.length > 0) answered += 1;
    }
    // Most searches find something, so the comparison is not of empty lists.
    expect(answered).toBeGreaterThan(150);
  });

  it('lists a listing with places in two cells once', () => {
    const both = listing({ id: 'both', places: [CROYDON, { latitude: CROYDON.latitude + 0.006, longitude: CROYDON.longitude }] });
    expect(ids(new ListingIndex([both]).find({ ...base, near: { centre: CROYDON, radiusMetres: 2000 } }))).toEqual(['both']);
  });
});
