/**
 * When a plan is due for review. A plan is reviewed with the person by its review date; from
 * PLAN_REVIEW_DUE_SOON_DAYS before that date it is "due soon" (so the visit can be booked),
 * and from the day after it "overdue", which puts it on the coordinator's worklist and the
 * huddle agenda. On the review date itself it is due soon, not yet overdue: the review may
 * happen that day.
 */
import { DomainError } from '../errors.js';
import { isIsoDate } from '../people/dates.js';

export const PLAN_REVIEW_DUE_SOON_DAYS = 14;

export const PLAN_REVIEW_STATES = ['not_due', 'due_soon', 'overdue'] as const;
export type PlanReviewState = (typeof PLAN_REVIEW_STATES)[number];

export const PLAN_REVIEW_STATE_LABELS: Readonly<Record<PlanReviewState, string>> = {
  not_due: 'Review not due',
  due_soon: 'Review due soon',
  overdue: 'Review overdue',
};

const DAY_MS = 86_400_000;

/** Whole days from `today` to the review date: negative once it has passed. */
export function daysToPlanReview(reviewDate: string, today: string): number {
  if (!isIsoDate(reviewDate)) throw DomainError.field('reviewDate', 'Must be a real date, written as YYYY-MM-DD');
  if (!isIsoDate(today)) throw DomainError.field('today', 'Must be a real date, written as YYYY-MM-DD');
  return (Date.parse(`${reviewDate}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / DAY_MS;
}

/** The plan's review state on `today` (England's date, from the caller). */
export function planReviewState(reviewDate: string, today: string): PlanReviewState {
  const days = daysToPlanReview(reviewDate, today);
  if (days < 0) return 'overdue';
  return days <= PLAN_REVIEW_DUE_SOON_DAYS ? 'due_soon' : 'not_due';
}
