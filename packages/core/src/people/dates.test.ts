import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageOn, isIsoDate } from './dates.js';
import { dateOfBirthProblem } from './rules.js';

describe('ISO calendar dates', () => {
  it('accepts real dates, including 29 February in leap years', () => {
    for (const d of ['2024-02-29', '2000-02-29', '1999-12-31', '1900-01-01']) expect(isIsoDate(d)).toBe(true);
  });

  it('refuses impossible or differently written dates', () => {
    for (const d of ['2023-02-29', '1900-02-29', '2024-13-01', '2024-04-31', '2024-4-1', '12/03/1941', '2024-00-10', '']) {
      expect(isIsoDate(d)).toBe(false);
    }
  });

  it('agrees with the JavaScript calendar for every day of many years', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('1800-01-01'), max: new Date('2199-12-31'), noInvalidDate: true }), (d) => {
        expect(isIsoDate(d.toISOString().slice(0, 10))).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 1800, max: 2199 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), (y, m, d) => {
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
        const real = new Date(`${iso}T00:00:00Z`);
        const roundTrips = !Number.isNaN(real.getTime()) && real.toISOString().slice(0, 10) === iso;
        expect(isIsoDate(iso)).toBe(roundTrips);
      }),
    );
  });
});

describe('age', () => {
  it('counts whole years, turning over on the birthday', () => {
    expect(ageOn('1941-03-12', '2026-03-11')).toBe(84);
    expect(ageOn('1941-03-12', '2026-03-12')).toBe(85);
  });

  it('a leap-day birthday turns over on 1 March in other years', () => {
    expect(ageOn('1944-02-29', '2025-02-28')).toBe(80);
    expect(ageOn('1944-02-29', '2025-03-01')).toBe(81);
  });
});

describe('date of birth rules', () => {
  it('refuses a date after today and an implausibly old one', () => {
    expect(dateOfBirthProblem('2026-06-02', '2026-06-01')).toMatch(/future/);
    expect(dateOfBirthProblem('2026-06-01', '2026-06-01')).toBeUndefined();
    expect(dateOfBirthProblem('1899-01-01', '2026-06-01')).toMatch(/125/);
  });
});
