/**
 * Aggregates and extracts. Commissioners and analysts see counts, never a named record, and a
 * count of 1 to 7 people is suppressed because it could point to someone. Zero is shown: it
 * says nobody, which points to no one. (Totals that would let a suppressed count be worked out
 * by subtraction are the report's concern: suppress a second cell or round the total.)
 */
import type { ConsentFacts } from './types.js';

/** The largest count that is suppressed; 1 is the smallest. */
export const SMALL_NUMBER_LIMIT = 7;

export type ShownCount = number | 'suppressed';

/** A count as it may be shown: 0 and 8 or more as they are, 1 to 7 as 'suppressed'. */
export function suppressSmallNumber(count: number): ShownCount {
  if (!Number.isInteger(count) || count < 0) throw new RangeError(`A count must be a whole number of 0 or more, not ${count}`);
  return count >= 1 && count <= SMALL_NUMBER_LIMIT ? 'suppressed' : count;
}

/**
 * Whether a person may be included in a research or planning extract: not if they have
 * registered a national data opt-out. The opt-out never restricts their own care.
 */
export function mayIncludeInExtract(consent: Pick<ConsentFacts, 'nationalDataOptOut'>): boolean {
  return !consent.nationalDataOptOut;
}
