import { describe, expect, it } from 'vitest';
import {
  ageOfCheckWords,
  ageRangeWords,
  checkedWords,
  countWords,
  distanceWords,
  freshnessWarning,
  radiusWords,
  rangeWords,
  safeWebAddress,
  telHref,
} from './words';

describe('distances in words', () => {
  it('gives kilometres to one decimal place', () => {
    expect(distanceWords(480)).toBe('0.5 km away');
    expect(distanceWords(1234)).toBe('1.2 km away');
    expect(distanceWords(12_345)).toBe('12.3 km away');
    expect(distanceWords(20)).toBe('Less than 0.1 km away');
    expect(distanceWords(null)).toBeUndefined();
  });

  it('names a search distance in metres under a kilometre', () => {
    expect(radiusWords(500)).toBe('500 m');
    expect(radiusWords(2000)).toBe('2 km');
    expect(radiusWords(2500)).toBe('2.5 km');
  });
});

describe('the count of services found', () => {
  const near = { postcode: 'CR0 1NX', radiusMetres: 2000 };

  it('says where the search was near', () => {
    expect(countWords(3, near, true)).toBe('3 services found within 2 km of CR0 1NX');
    expect(countWords(1, near, true)).toBe('1 service found within 2 km of CR0 1NX');
    expect(countWords(0, near, true)).toBe('No services found within 2 km of CR0 1NX');
  });

  it('counts without a place, and the whole directory without filters', () => {
    expect(countWords(0, null, true)).toBe('No services found');
    expect(countWords(12, null, false)).toBe('12 services in the directory');
  });

  it('says which of several pages is shown', () => {
    expect(rangeWords(2, 20, 20, 53)).toBe('Showing 21 to 40 of 53');
    expect(rangeWords(1, 20, 5, 5)).toBeUndefined();
  });
});

describe('how fresh a listing is', () => {
  const checked = (state: 'fresh' | 'stale', days: number) => ({
    state,
    lastVerifiedOn: '2025-11-03',
    daysSinceVerified: days,
    staleFrom: '2026-05-04',
    verifiedBy: 'the directory team',
  });
  const never = { state: 'never_verified' as const, lastVerifiedOn: null, daysSinceVerified: null, staleFrom: null, verifiedBy: null };

  it('warns only when the details may be out of date', () => {
    expect(freshnessWarning(checked('fresh', 30))).toBeUndefined();
    expect(freshnessWarning(checked('stale', 215))).toBe('Not checked for 7 months');
    expect(freshnessWarning(checked('stale', 800))).toBe('Not checked for 2 years');
    expect(freshnessWarning(never)).toBe('Never checked');
  });

  it('rounds down to whole months and years', () => {
    expect(ageOfCheckWords(1)).toBe('1 day');
    expect(ageOfCheckWords(31)).toBe('1 month');
    expect(ageOfCheckWords(364)).toBe('11 months');
    expect(ageOfCheckWords(366)).toBe('1 year');
  });

  it('says when and by whom the details were checked', () => {
    expect(checkedWords(checked('fresh', 30))).toBe('Details checked with the service on 3 November 2025 by the directory team.');
    expect(checkedWords(checked('stale', 215))).toMatch(/^Details last checked with the service on 3 November 2025 by the directory team\. They may be out of date/);
    expect(checkedWords(never)).toMatch(/^These details have not been checked/);
  });
});

describe('a service page', () => {
  it('puts ages in words', () => {
    expect(ageRangeWords(18, 65)).toBe('Ages 18 to 65');
    expect(ageRangeWords(50, null)).toBe('Aged 50 and over');
    expect(ageRangeWords(null, 25)).toBe('Aged up to 25');
    expect(ageRangeWords(null, null)).toBeUndefined();
  });

  it('links only to web addresses, never to a script', () => {
    expect(safeWebAddress('https://example.org/lunch')).toBe('https://example.org/lunch');
    expect(safeWebAddress('www.example.org')).toBe('https://www.example.org/');
    expect(safeWebAddress('javascript:alert(1)')).toBeUndefined();
    expect(safeWebAddress('call us')).toBeUndefined();
    expect(safeWebAddress(null)).toBeUndefined();
  });

  it('dials the number without its description', () => {
    expect(telHref('020 8726 6000 (reception)')).toBe('tel:02087266000');
    expect(telHref('+44 20 8726 6000')).toBe('tel:+442087266000');
    expect(telHref('ask at the desk')).toBeUndefined();
  });
});
