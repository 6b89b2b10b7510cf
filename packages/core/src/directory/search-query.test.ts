import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { problemsOf } from '../../test/domain-problems.js';
import {
  compareRankedListings,
  directoryRank,
  directorySearchQuerySchema,
  directoryWhenFilter,
  DIRECTORY_RANK_WEIGHTS,
  parseDirectorySearch,
  type RankedListing,
} from './search-query.js';

const PERSON = '8a2f6a4e-3b1c-4d5e-9f60-7a8b9c0d1e2f';
const problems = (input: Record<string, unknown>) => problemsOf(() => parseDirectorySearch(input));
const fieldsAtFault = (input: Record<string, unknown>) => problems(input)?.map((p) => p.field);

describe('the directory search query', () => {
  it('takes an empty query, with defaults', () => {
    expect(parseDirectorySearch({})).toEqual({ taxonomy: [], needs: [], accessibility: [], freeOnly: false, radius: 2000, page: 1, perPage: 20 });
  });

  it('reads a full query string', () => {
    const query = parseDirectorySearch({
      text: '  walking group ',
      taxonomy: 'bereavement, social-isolation,bereavement',
      needs: ['loneliness', 'mobility'],
      accessibility: 'wheelchair',
      age: '82',
      freeOnly: 'true',
      day: 'Tuesday',
      partOfDay: 'morning',
      postcode: 'cr0 1ab',
      radius: '5000',
      page: '2',
      perPage: '50',
    });
    expect(query).toEqual({
      text: 'walking group',
      taxonomy: ['bereavement', 'social-isolation'],
      needs: ['loneliness', 'mobility'],
      accessibility: ['wheelchair'],
      age: 82,
      freeOnly: true,
      day: 'tuesday',
      partOfDay: 'morning',
      postcode: 'CR0 1AB',
      radius: 5000,
      page: 2,
      perPage: 50,
    });
  });

  it('takes blank words as no words', () => {
    expect(parseDirectorySearch({ text: '   ' }).text).toBeUndefined();
    expect(fieldsAtFault({ text: 'x'.repeat(201) })).toEqual(['text']);
  });

  it('names a bad postcode in the words the rest of Kith uses', () => {
    expect(problems({ postcode: 'NOT A CODE' })).toEqual([{ field: 'postcode', reason: 'Must be a UK postcode, like CR0 1AB' }]);
  });

  it('searches near a postcode or a person, not both, and wants one of them for a radius', () => {
    expect(parseDirectorySearch({ personId: PERSON }).personId).toBe(PERSON);
    expect(problems({ postcode: 'CR0 1AB', personId: PERSON })).toEqual([{ field: 'personId', reason: 'Search near a postcode or near a person, not both' }]);
    expect(problems({ radius: '1000' })).toEqual([{ field: 'radius', reason: 'Give a postcode or a person to search near' }]);
    expect(fieldsAtFault({ personId: 'someone' })).toEqual(['personId']);
  });

  it('keeps the radius from 100 m to 50 km, on both sides of each end', () => {
    const radius = (r: string) => problems({ postcode: 'CR0 1AB', radius: r });
    expect(radius('99')).toEqual([{ field: 'radius', reason: 'Must be a whole number of metres, from 100 to 50000' }]);
    expect(radius('100')).toBeUndefined();
    expect(radius('50000')).toBeUndefined();
    expect(radius('50001')?.[0]?.field).toBe('radius');
    expect(radius('1.5')?.[0]?.field).toBe('radius');
    expect(radius('2km')?.[0]?.field).toBe('radius');
  });

  it('keeps perPage from 1 to 100 and page from 1, and age from 0 to 120', () => {
    expect(fieldsAtFault({ perPage: '0' })).toEqual(['perPage']);
    expect(parseDirectorySearch({ perPage: '1' }).perPage).toBe(1);
    expect(parseDirectorySearch({ perPage: '100' }).perPage).toBe(100);
    expect(fieldsAtFault({ perPage: '101' })).toEqual(['perPage']);
    expect(fieldsAtFault({ page: '0' })).toEqual(['page']);
    expect(parseDirectorySearch({ age: '0' }).age).toBe(0);
    expect(parseDirectorySearch({ age: 120 }).age).toBe(120);
    expect(fieldsAtFault({ age: '121' })).toEqual(['age']);
    expect(fieldsAtFault({ age: '-1' })).toEqual(['age']);
    expect(fieldsAtFault({ age: '' })).toEqual(['age']);
  });

  it('limits the codes of a list', () => {
    const many = Array.from({ length: 21 }, (_, i) => `code-${i}`).join(',');
    expect(problems({ taxonomy: many })).toEqual([{ field: 'taxonomy', reason: 'At most 20 taxonomy codes' }]);
    expect(parseDirectorySearch({ taxonomy: many.split(',').slice(0, 20).join(',') }).taxonomy).toHaveLength(20);
    expect(fieldsAtFault({ needs: 'x'.repeat(101) })).toEqual(['needs.0']);
    expect(fieldsAtFault({ accessibility: 7 })).toEqual(['accessibility']);
  });

  it('names yes-or-no fields and unknown fields', () => {
    expect(problems({ freeOnly: 'yes' })).toEqual([{ field: 'freeOnly', reason: 'Must be true or false' }]);
    expect(problems({ colour: 'blue' })).toEqual([{ field: 'colour', reason: 'Unknown field' }]);
  });

  it('names every field at fault at once', () => {
    expect(fieldsAtFault({ postcode: 'nope', perPage: '500', day: 'someday' })).toEqual(['day', 'postcode', 'perPage']);
  });
});

describe('the when part of a search', () => {
  it('takes a day with a part of the day, or with from and to times', () => {
    expect(parseDirectorySearch({ day: 'friday', from: '09:00', to: '10:30' })).toMatchObject({ day: 'friday', from: '09:00', to: '10:30' });
    expect(fieldsAtFault({ day: 'fri' })).toEqual(['day']);
    expect(fieldsAtFault({ day: 'monday', partOfDay: 'night' })).toEqual(['partOfDay']);
  });

  it('wants the to time after the from time', () => {
    expect(problems({ day: 'friday', from: '10:00', to: '10:00' })).toEqual([{ field: 'to', reason: 'Must be after the from time' }]);
    expect(fieldsAtFault({ day: 'friday', from: '10:00', to: '09:59' })).toEqual(['to']);
    expect(problems({ day: 'friday', from: '10:00', to: '10:01' })).toBeUndefined();
    expect(problems({ day: 'friday', from: '23:00', to: '24:00' })).toBeUndefined();
  });

  it('wants both times, a day for them, and not a part of the day as well', () => {
    expect(problems({ day: 'friday', from: '10:00' })).toEqual([{ field: 'to', reason: 'Give both a from and a to time' }]);
    expect(problems({ partOfDay: 'morning' })).toEqual([{ field: 'partOfDay', reason: 'Choose a day of the week or a date as well' }]);
    expect(fieldsAtFault({ day: 'friday', partOfDay: 'morning', from: '09:00', to: '10:00' })).toEqual(['partOfDay']);
    expect(fieldsAtFault({ openNow: 'true', partOfDay: 'morning' })).toEqual(['partOfDay']);
  });

  it('takes one of a day, a date or open now', () => {
    expect(fieldsAtFault({ day: 'friday', date: '2026-11-06' })).toEqual(['date']);
    expect(fieldsAtFault({ date: '2026-11-06', openNow: 'true' })).toEqual(['openNow']);
    expect(problems({ day: 'friday', openNow: 'false' })).toBeUndefined();
    expect(fieldsAtFault({ date: '2026-02-29' })).toEqual(['date']);
  });

  it('becomes a filter in England’s time', () => {
    const now = new Date('2026-07-14T23:30:00Z');
    expect(directoryWhenFilter(parseDirectorySearch({ openNow: 'true' }), now)).toEqual({ weekday: 'wednesday', date: '2026-07-15', fromMinute: 30, toMinute: 31 });
    expect(directoryWhenFilter(parseDirectorySearch({ date: '2026-11-06', partOfDay: 'evening' }), now)).toEqual({ weekday: 'friday', date: '2026-11-06', fromMinute: 1020, toMinute: 1260 });
    expect(directoryWhenFilter(parseDirectorySearch({ day: 'monday', from: '09:00', to: '10:00' }), now)).toEqual({ weekday: 'monday', fromMinute: 540, toMinute: 600 });
    expect(directoryWhenFilter(parseDirectorySearch({ day: 'monday' }), now)).toEqual({ weekday: 'monday', fromMinute: 0, toMinute: 1440 });
    expect(directoryWhenFilter(parseDirectorySearch({}), now)).toBeUndefined();
  });

  it('describes its input as JSON Schema, for the API description', () => {
    const schema = z.toJSONSchema(directorySearchQuerySchema, { io: 'input', unrepresentable: 'any' }) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toContain('postcode');
    expect(schema.properties.partOfDay).toEqual({ type: 'string', enum: ['morning', 'afternoon', 'evening'] });
  });
});

describe('ranking results', () => {
  it('weighs text, nearness and freshness as documented', () => {
    expect(DIRECTORY_RANK_WEIGHTS.text + DIRECTORY_RANK_WEIGHTS.nearness + DIRECTORY_RANK_WEIGHTS.freshness).toBeCloseTo(1, 12);
    expect(directoryRank({ textRank: 1, distanceMetres: 0, freshness: 'fresh' }).score).toBeCloseTo(1, 12);
    expect(directoryRank({ freshness: 'never_verified' })).toEqual({ score: 0, text: 0, nearness: 0, freshness: 0 });
    expect(directoryRank({ textRank: 0.4, distanceMetres: 500, radiusMetres: 2000, freshness: 'stale' })).toEqual({ score: 0.5 * 0.4 + 0.35 * 0.75 + 0.15 * 0.5, text: 0.4, nearness: 0.75, freshness: 0.5 });
  });

  it('falls to no nearness at the edge of the radius and beyond, and keeps text within 0 to 1', () => {
    expect(directoryRank({ distanceMetres: 2000, radiusMetres: 2000, freshness: 'fresh' }).nearness).toBe(0);
    expect(directoryRank({ distanceMetres: 1999, radiusMetres: 2000, freshness: 'fresh' }).nearness).toBeGreaterThan(0);
    expect(directoryRank({ distanceMetres: 3000, radiusMetres: 2000, freshness: 'fresh' }).nearness).toBe(0);
    expect(directoryRank({ textRank: 7, freshness: 'fresh' }).text).toBe(1);
    expect(directoryRank({ textRank: NaN, freshness: 'fresh' }).text).toBe(0);
  });

  it('lets freshness decide between equal matches but not bury a much better one', () => {
    const near = directoryRank({ textRank: 0.5, distanceMetres: 200, freshness: 'stale' });
    const far = directoryRank({ textRank: 0.5, distanceMetres: 1800, freshness: 'fresh' });
    expect(near.score).toBeGreaterThan(far.score);
    const staleTwin = directoryRank({ textRank: 0.5, distanceMetres: 200, freshness: 'stale' });
    const freshTwin = directoryRank({ textRank: 0.5, distanceMetres: 200, freshness: 'fresh' });
    expect(freshTwin.score).toBeGreaterThan(staleTwin.score);
  });

  it('never scores a nearer, better-matching, fresher listing lower', () => {
    const states = ['never_verified', 'stale', 'fresh'] as const;
    fc.assert(
      fc.property(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 2000 }), fc.integer({ min: 0, max: 2 }), (t, d, f) => {
        const base = directoryRank({ textRank: t, distanceMetres: d, freshness: states[f]! }).score;
        const better = directoryRank({ textRank: Math.min(1, t + 0.1), distanceMetres: Math.max(0, d - 100), freshness: states[Math.min(2, f + 1)]! }).score;
        expect(better).toBeGreaterThanOrEqual(base);
      }),
    );
  });

  it('orders by score, then distance, then name and id', () => {
    const listings: RankedListing[] = [
      { id: 'c', name: 'Tea and Chat', score: 0.5 },
      { id: 'b', name: 'Walking Group', score: 0.5, distanceMetres: 300 },
      { id: 'a', name: 'Art Club', score: 0.5, distanceMetres: 300 },
      { id: 'd', name: 'Men’s Shed', score: 0.9, distanceMetres: 1900 },
      { id: 'e', name: 'Art Club', score: 0.5, distanceMetres: 300 },
    ];
    expect([...listings].sort(compareRankedListings).map((l) => l.id)).toEqual(['d', 'a', 'e', 'b', 'c']);
  });
});
