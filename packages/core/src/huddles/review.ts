/**
 * When a person is discussed again. Each discussion ends with a cadence, "discuss again in N
 * weeks" (1 to 52), which gives the day the review falls due; from that day on the person is on
 * every agenda as "review due" until they are discussed again (and a new cadence set) or the
 * cadence is cleared ("no planned review": they come back only for a new reason).
 *
 * The due day is counted from the meeting at which they were discussed, not from the day the
 * notes were written, so a cadence of 2 weeks on a weekly huddle lands on a meeting day.
 */
import { z } from 'zod';
import { DomainError } from '../errors.js';
import { isIsoDate } from '../people/dates.js';
import { addDays } from './days.js';

export const REVIEW_WEEKS = { min: 1, max: 52 } as const;

const weeks = z
  .int('Give a whole number of weeks')
  .min(REVIEW_WEEKS.min, `Give ${REVIEW_WEEKS.min} week or more`)
  .max(REVIEW_WEEKS.max, `Give ${REVIEW_WEEKS.max} weeks or fewer`);

/** "Discuss again in N weeks", or null for no planned review. */
export const reviewCadenceSchema = z.strictObject({ discussAgainInWeeks: weeks.nullable() });
export type ReviewCadence = z.infer<typeof reviewCadenceSchema>;

/** The day a review falls due: the meeting's date plus N whole weeks. */
export function nextReviewOn(meetingDate: string, discussAgainInWeeks: number): string {
  if (!isIsoDate(meetingDate)) throw DomainError.field('meetingDate', 'Must be a real date, written as YYYY-MM-DD');
  const parsed = weeks.safeParse(discussAgainInWeeks);
  if (!parsed.success) throw DomainError.field('discussAgainInWeeks', parsed.error.issues[0]!.message);
  return addDays(meetingDate, parsed.data * 7);
}

/**
 * True when the review is due by this meeting: on its day or earlier. A review due between
 * two fortnightly meetings comes up at the first meeting after it, never one before.
 */
export function reviewDue(dueOn: string | null, meetingDate: string): boolean {
  return dueOn !== null && dueOn <= meetingDate;
}
