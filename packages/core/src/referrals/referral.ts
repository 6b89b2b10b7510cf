/**
 * A referral to a network, carried through to an outcome the referrer sees (the closed loop of
 * the model of care). Its states and the only moves between them:
 *
 *   received → triaged → accepted → active → closed
 *                      ↘ declined (a reason is required)
 *
 * Closing needs an outcome. Accepting opens the person to the network: the access gate then lets
 * the network's team open their record.
 */
import { z } from 'zod';

export const REFERRAL_STATES = ['received', 'triaged', 'accepted', 'declined', 'active', 'closed'] as const;
export type ReferralState = (typeof REFERRAL_STATES)[number];

/** States in which the referral is open: a second one to the same network is refused. */
export const OPEN_REFERRAL_STATES = ['received', 'triaged', 'accepted', 'active'] as const satisfies readonly ReferralState[];

export const REFERRAL_MOVES: Readonly<Record<ReferralState, readonly ReferralState[]>> = {
  received: ['triaged'],
  triaged: ['accepted', 'declined'],
  accepted: ['active'],
  declined: [],
  active: ['closed'],
  closed: [],
};

export const REFERRAL_STATE_LABELS: Readonly<Record<ReferralState, string>> = {
  received: 'Received',
  triaged: 'Triaged',
  accepted: 'Accepted',
  declined: 'Declined',
  active: 'Active',
  closed: 'Closed',
};

/** Who made the referral (the documents: case-finding, GPs, hospital discharge, social care, points of access, the person, their family). */
export const REFERRAL_SOURCES = ['case_finding', 'gp', 'hospital_discharge', 'social_care', 'point_of_access', 'self', 'family'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];

export const REFERRAL_SOURCE_LABELS: Readonly<Record<ReferralSource, string>> = {
  case_finding: 'Case-finding',
  gp: 'GP',
  hospital_discharge: 'Hospital discharge team',
  social_care: 'Social care',
  point_of_access: 'Point of access',
  self: 'The person',
  family: 'Family or carer',
};

export const REFERRAL_OUTCOMES = ['goals_met', 'stable_with_support', 'moved_away', 'declined_support', 'transferred', 'died', 'other'] as const;
export type ReferralOutcome = (typeof REFERRAL_OUTCOMES)[number];

export const REFERRAL_OUTCOME_LABELS: Readonly<Record<ReferralOutcome, string>> = {
  goals_met: 'Goals met',
  stable_with_support: 'Stable with ongoing support elsewhere',
  moved_away: 'Moved away',
  declined_support: 'Declined further support',
  transferred: 'Transferred to another service',
  died: 'Died',
  other: 'Other',
};

/** Why a move is not allowed, or undefined when it is. */
export function referralMoveProblem(from: ReferralState, to: ReferralState): string | undefined {
  if (REFERRAL_MOVES[from].includes(to)) return undefined;
  const allowed = REFERRAL_MOVES[from];
  if (allowed.length === 0) return `A ${from} referral is finished and cannot change`;
  return `A ${from} referral can only become ${allowed.join(' or ')}`;
}

export const referralCreateSchema = z.strictObject({
  personId: z.uuid('Must be a person id'),
  networkId: z.uuid('Must be a network id'),
  source: z.enum(REFERRAL_SOURCES, 'Choose who is referring'),
  reason: z.string().trim().min(1, 'Say why the person is referred').max(2000, 'Keep the reason to 2,000 characters or fewer'),
  /** The case-finding reasons, when the referral comes from the list. */
  caseFindingReasons: z.string().trim().max(2000).optional(),
});
export type ReferralCreate = z.infer<typeof referralCreateSchema>;

export const referralMoveSchema = z
  .strictObject({
    to: z.enum(REFERRAL_STATES, 'Choose the new state'),
    /** Version read, so two people triaging at once do not overwrite each other. */
    version: z.int('Send the version you read').positive(),
    declineReason: z.string().trim().max(2000).optional(),
    outcome: z.enum(REFERRAL_OUTCOMES, 'Choose an outcome').optional(),
    note: z.string().trim().max(2000).optional(),
  })
  .superRefine((move, ctx) => {
    if (move.to === 'declined' && !move.declineReason) {
      ctx.addIssue({ code: 'custom', path: ['declineReason'], message: 'Say why the referral is declined' });
    }
    if (move.to === 'closed' && !move.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'Choose an outcome' });
  });
export type ReferralMove = z.infer<typeof referralMoveSchema>;
