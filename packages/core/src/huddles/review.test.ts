import { describe, expect, it } from 'vitest';
import { nextReviewOn, reviewCadenceSchema, reviewDue } from './review.js';

describe('next review', () => {
  it('falls due N whole weeks after the meeting it was set at', () => {
    expect(nextReviewOn('2026-11-03', 1)).toBe('2026-11-10');
    expect(nextReviewOn('2026-11-03', 2)).toBe('2026-11-17');
    expect(nextReviewOn('2026-12-22', 2)).toBe('2027-01-05');
    expect(nextReviewOn('2026-03-03', 52)).toBe('2027-03-02');
  });

  it('refuses a cadence outside 1 to 52 whole weeks, naming it', () => {
    for (const bad of [0, 53, 1.5, -2, Number.NaN]) expect(() => nextReviewOn('2026-11-03', bad), String(bad)).toThrow(/^discussAgainInWeeks:/);
    expect(() => nextReviewOn('2026-11-31', 2)).toThrow(/^meetingDate:/);
  });

  it('takes a cadence of 1 to 52 weeks, or null for no planned review', () => {
    expect(reviewCadenceSchema.parse({ discussAgainInWeeks: 4 })).toEqual({ discussAgainInWeeks: 4 });
    expect(reviewCadenceSchema.parse({ discussAgainInWeeks: null })).toEqual({ discussAgainInWeeks: null });
    const bad = reviewCadenceSchema.safeParse({ discussAgainInWeeks: 60 });
    expect(bad.error!.issues).toMatchObject([{ path: ['discussAgainInWeeks'], message: 'Give 52 weeks or fewer' }]);
    expect(reviewCadenceSchema.safeParse({}).error!.issues[0]!.path).toEqual(['discussAgainInWeeks']);
  });

  it('is due at the meeting on its day or any later one, never earlier', () => {
    expect(reviewDue('2026-11-17', '2026-11-10')).toBe(false);
    expect(reviewDue('2026-11-17', '2026-11-17')).toBe(true);
    expect(reviewDue('2026-11-17', '2026-12-01')).toBe(true);
    expect(reviewDue(null, '2026-12-01')).toBe(false);
  });
});
