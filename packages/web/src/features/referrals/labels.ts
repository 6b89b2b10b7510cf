import {
  REFERRAL_OUTCOME_LABELS,
  REFERRAL_OUTCOMES,
  REFERRAL_SOURCE_LABELS,
  REFERRAL_SOURCES,
  REFERRAL_STATE_LABELS,
  REFERRAL_STATES,
  type ReferralView,
} from '@kith/core';
import type { SelectOption } from '../../components/Select';
import { formatDate } from '../../format';

export const SOURCE_OPTIONS: SelectOption[] = REFERRAL_SOURCES.map((value) => ({ value, text: REFERRAL_SOURCE_LABELS[value] }));
export const OUTCOME_OPTIONS = REFERRAL_OUTCOMES.map((value) => ({ value, text: REFERRAL_OUTCOME_LABELS[value] }));
export const STATE_OPTIONS: SelectOption[] = [
  { value: 'open', text: 'Open (received, triaged, accepted or active)' },
  ...REFERRAL_STATES.map((value) => ({ value, text: REFERRAL_STATE_LABELS[value] })),
];

/** "Accepted", or "Closed: Goals met". */
export function statusText(referral: Pick<ReferralView, 'status' | 'outcome'>): string {
  const state = REFERRAL_STATE_LABELS[referral.status];
  return referral.outcome ? `${state}: ${REFERRAL_OUTCOME_LABELS[referral.outcome]}` : state;
}

/** The first-contact target in words; overdue is said in text, never by colour alone. */
export function firstContactText(referral: ReferralView): string {
  if (referral.firstContactAt) return 'Made';
  if (!referral.firstContactDue) return 'No target';
  return referral.overdue ? `Overdue (was due ${formatDate(referral.firstContactDue)})` : `Due ${formatDate(referral.firstContactDue)}`;
}
