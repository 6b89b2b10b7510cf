/**
 * Whether a service can take a referral now, as the service last told the directory: taking
 * referrals, a waiting list, or full. Places fill and free up within weeks, far faster than a
 * listing's other details change, so a capacity not confirmed for more than 30 days is shown as
 * unconfirmed rather than as what it was: a month is the longest a referrer should rely on "taking
 * referrals" without asking, and the service is asked again at least that often.
 */
import { dateInWords, dayNumber } from '../huddles/days.js';
import type { ServiceCapacity, ServiceCapacityState } from './oruk/kith-extensions.js';

/** What a listing shows: the state the service gave, or unconfirmed when that is too old. */
export type ShownCapacityState = ServiceCapacityState | 'unconfirmed';

export const CAPACITY_CONFIRMED_FOR_DAYS = 30;

export const CAPACITY_WORDS: Readonly<Record<ShownCapacityState, string>> = {
  taking_referrals: 'Taking referrals',
  waiting_list: 'Waiting list: taking referrals, with a wait',
  full: 'Full: not taking referrals',
  unconfirmed: 'Not confirmed recently: ask the service before referring',
};

export interface ShownCapacity {
  state: ShownCapacityState;
  /** What the service last said, even when it is too old to show as current. */
  reported: ServiceCapacityState | null;
  confirmedOn: string | null;
  daysSinceConfirmed: number | null;
  words: string;
}

/**
 * The capacity to show today: as confirmed up to and including the 30th day after confirmation,
 * unconfirmed from the 31st (and when never confirmed). A confirmation dated after today counts
 * as today's.
 */
export function shownCapacity(
  capacity: Pick<ServiceCapacity, 'state' | 'confirmedOn'> | null | undefined,
  today: string,
  confirmedForDays: number = CAPACITY_CONFIRMED_FOR_DAYS,
): ShownCapacity {
  if (!capacity) return { state: 'unconfirmed', reported: null, confirmedOn: null, daysSinceConfirmed: null, words: CAPACITY_WORDS.unconfirmed };
  const days = Math.max(0, dayNumber(today) - dayNumber(capacity.confirmedOn));
  const state = days > confirmedForDays ? 'unconfirmed' : capacity.state;
  const words = state === 'unconfirmed' ? `${CAPACITY_WORDS.unconfirmed} (last confirmed ${dateInWords(capacity.confirmedOn)})` : CAPACITY_WORDS[state];
  return { state, reported: capacity.state, confirmedOn: capacity.confirmedOn, daysSinceConfirmed: days, words };
}
