/**
 * The clock from referral to first home visit, one of the measures the model of care names.
 * It counts calendar days in England, not working days: the person waits at weekends too, and
 * the measure is of their wait. The referral's England date is day 0, so a visit on the day of
 * referral is 0 days and one the next morning is 1, whatever the hours between.
 *
 * Only a home visit stops the clock (a phone call is first contact, which referrals measure
 * already), and only one at or after the referral: a visit from an earlier episode does not
 * count. An episode closed with no visit stops the clock on its end date, unvisited.
 */
import type { ContactKind } from './contacts.js';
import { daysFrom, englandDateOf } from './days.js';

export interface FirstVisitClockInput {
  /** When the referral was received (an ISO instant). */
  referredAt: string;
  /** The person's contacts, in any order; only home visits count. */
  visits: readonly { kind: ContactKind; at: string }[];
  /** England's date today. */
  today: string;
  /** The day support ended, when it ended with no visit: the clock stops there. */
  closedOn?: string | null;
}

export interface FirstVisitClock {
  days: number;
  firstVisitAt: string | null;
  /** Still counting: no home visit yet and support not closed. */
  running: boolean;
}

export function firstVisitClock(input: FirstVisitClockInput): FirstVisitClock {
  const referred = Date.parse(input.referredAt);
  const first = input.visits
    .filter((v) => v.kind === 'home_visit' && Date.parse(v.at) >= referred)
    .reduce<string | null>((earliest, v) => (earliest === null || Date.parse(v.at) < Date.parse(earliest) ? v.at : earliest), null);
  const referredOn = englandDateOf(input.referredAt);
  const closedOn = input.closedOn ?? null;
  const until = first !== null ? englandDateOf(first) : (closedOn ?? input.today);
  return { days: Math.max(0, daysFrom(referredOn, until)), firstVisitAt: first, running: first === null && closedOn === null };
}
