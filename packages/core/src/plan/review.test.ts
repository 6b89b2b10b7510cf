import { describe, expect, it } from 'vitest';
import { daysToPlanReview, PLAN_REVIEW_DUE_SOON_DAYS, planReviewState } from './review.js';

describe('plan review', () => {
  it('is not due until 14 days before the review date', () => {
    expect(PLAN_REVIEW_DUE_SOON_DAYS).toBe(14);
    expect(planReviewState('2026-06-01', '2026-05-17')).toBe('not_due');
    expect(planReviewState('2026-06-01', '2026-05-18')).toBe('due_soon');
  });

  it('is due soon up to and on the review date, and overdue the day after', () => {
    expect(planReviewState('2026-06-01', '2026-05-31')).toBe('due_soon');
    expect(planReviewState('2026-06-01', '2026-06-01')).toBe('due_soon');
    expect(planReviewState('2026-06-01', '2026-06-02')).toBe('overdue');
    expect(planReviewState('2026-06-01', '2027-01-01')).toBe('overdue');
  });

  it('counts whole days across a clock change and a year end', () => {
    expect(daysToPlanReview('2026-03-30', '2026-03-28')).toBe(2);
    expect(daysToPlanReview('2027-01-01', '2026-12-31')).toBe(1);
    expect(daysToPlanReview('2026-06-01', '2026-06-03')).toBe(-2);
  });

  it('refuses a date that is not real, naming it', () => {
    expect(() => planReviewState('2026-02-30', '2026-01-01')).toThrow(/^reviewDate:/);
    expect(() => planReviewState('2026-06-01', '1 June 2026')).toThrow(/^today:/);
  });
});
