import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../huddles/days.js';
import { listingFreshness, listingFreshnessWords } from './freshness.js';

describe('how fresh a listing is', () => {
  it('is fresh on the day it turns six months old and stale the day after', () => {
    expect(listingFreshness('2026-01-15', '2026-07-15')).toEqual({ state: 'fresh', lastVerifiedOn: '2026-01-15', daysSinceVerified: 181, staleFrom: '2026-07-16' });
    expect(listingFreshness('2026-01-15', '2026-07-16')).toMatchObject({ state: 'stale', daysSinceVerified: 182 });
  });

  it('is fresh on the day of the check', () => {
    expect(listingFreshness('2026-01-15', '2026-01-15')).toMatchObject({ state: 'fresh', daysSinceVerified: 0 });
  });

  it('takes the last day of a shorter month for a check on the 31st', () => {
    expect(listingFreshness('2026-08-31', '2027-02-28').state).toBe('fresh');
    expect(listingFreshness('2026-08-31', '2027-03-01').state).toBe('stale');
    expect(listingFreshness('2027-08-31', '2028-02-29').state).toBe('fresh');
  });

  it('crosses the year', () => {
    expect(listingFreshness('2026-09-30', '2027-03-30').state).toBe('fresh');
    expect(listingFreshness('2026-09-30', '2027-03-31').state).toBe('stale');
  });

  it('takes another number of months when told', () => {
    expect(listingFreshness('2026-01-15', '2026-04-15', 3).state).toBe('fresh');
    expect(listingFreshness('2026-01-15', '2026-04-16', 3).state).toBe('stale');
    expect(listingFreshness('2026-01-15', '2027-01-15', 12).state).toBe('fresh');
  });

  it('says never verified when there is no check', () => {
    for (const none of [null, undefined, '']) {
      expect(listingFreshness(none, '2026-01-15')).toEqual({ state: 'never_verified', lastVerifiedOn: null, daysSinceVerified: null, staleFrom: null });
    }
  });

  it('counts a check dated after today as today', () => {
    expect(listingFreshness('2026-01-16', '2026-01-15')).toMatchObject({ state: 'fresh', daysSinceVerified: 0 });
  });

  it('turns stale once, and stays stale', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3000 }), fc.integer({ min: 0, max: 400 }), (offset, age) => {
        const checked = addDays('2024-01-01', offset);
        const f = listingFreshness(checked, addDays(checked, age));
        expect(f.state).toBe(age < 181 ? 'fresh' : age > 184 ? 'stale' : f.state);
        if (f.state === 'stale') expect(listingFreshness(checked, addDays(checked, age + 1)).state).toBe('stale');
      }),
    );
  });

  it('says so in words', () => {
    expect(listingFreshnessWords(listingFreshness('2026-11-03', '2026-11-10'))).toBe('Details checked on 3 November 2026');
    expect(listingFreshnessWords(listingFreshness('2025-11-03', '2026-11-10'))).toBe('Details last checked on 3 November 2025: they may be out of date');
    expect(listingFreshnessWords(listingFreshness(null, '2026-11-10'))).toBe('Details not yet checked with the service');
  });
});
