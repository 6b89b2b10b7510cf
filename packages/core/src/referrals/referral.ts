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

/** The verb on the button that makes each move. */
export const REFERRAL_MOVE_LABELS: Readonly<Record<ReferralState, string>> = {
  received: 'Receive',
  triaged: 'Mark as triaged',
  accepted: 'Accept',
  declined: 'Decline',
  active: 'Start support (active)',
  closed: 'Close with an outcome',
};

/** The source a member of staff refers as, by default, from their role. */
export function defaultReferralSource(roles: readonly string[]): ReferralSource {
  if (roles.includes('gp')) return 'gp';
  if (roles.includes('social_worker')) return 'social_care';
  if (roles.includes('volunteer')) return 'point_of_access';
  return 'gp';
}

/** Made once: building a formatter costs far more than using one, and "today" is asked on every request. */
const ENGLAND_DAY = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar day in England (Europe/London) of an instant: the day a referral is received, or "today". */
export function englandDate(at: Date): string {
  // England's day changes only on a whole minute, so the last minute's answer is kept: a busy
  // server asks many times a minute, and formatting through Intl is not cheap.
  const minute = Math.floor(at.getTime() / 60_000);
  if (minute === lastEnglandDate.minute) return lastEnglandDate.date;
  const parts = ENGLAND_DAY.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  lastEnglandDate = { minute, date: `${part('year')}-${part('month')}-${part('day')}` };
  return lastEnglandDate.date;
}
let lastEnglandDate = { minute: Number.NaN, date: '' };

/**
 * Overdue: still open, no first contact yet, and the target day has ended (today, in England, is
 * after it). A declined or closed referral is never overdue.
 */
export function isReferralOverdue(
  referral: { status: ReferralState; firstContactDue: string | null; firstContactAt: string | null },
  today: string,
): boolean {
  if (!(OPEN_REFERRAL_STATES as readonly string[]).includes(referral.status)) return false;
  return referral.firstContactAt === null && referral.firstContactDue !== null && today > referral.firstContactDue;
}

const isoInstant = z.string();

export const referralEventSchema = z.object({
  fromState: z.enum(REFERRAL_STATES).nullable(),
  toState: z.enum(REFERRAL_STATES),
  staffId: z.string().nullable(),
  staffName: z.string().nullable(),
  at: isoInstant,
  note: z.string().nullable(),
});
export type ReferralEvent = z.infer<typeof referralEventSchema>;

/**
 * A referral as the API shows it. `person` and `reason` are null in a list when the access gate
 * does not open the person's record to the reader (a closed referral, for a network member who
 * is not otherwise caring for the person).
 */
export const referralViewSchema = z.object({
  id: z.string(),
  personId: z.string(),
  person: z.object({ name: z.string(), nhsNumber: z.string(), dateOfBirth: z.string() }).nullable(),
  networkId: z.string(),
  networkName: z.string(),
  status: z.enum(REFERRAL_STATES),
  source: z.enum(REFERRAL_SOURCES),
  reason: z.string().nullable(),
  caseFindingReasons: z.string().nullable(),
  referredBy: z
    .object({ staffId: z.string(), name: z.string(), organisationId: z.string().nullable(), organisationName: z.string().nullable() })
    .nullable(),
  receivedAt: isoInstant,
  firstContactDue: z.string().nullable(),
  firstContactAt: isoInstant.nullable(),
  overdue: z.boolean(),
  declineReason: z.string().nullable(),
  outcome: z.enum(REFERRAL_OUTCOMES).nullable(),
  outcomeNote: z.string().nullable(),
  version: z.number().int(),
  updatedAt: isoInstant,
  /** The states this referral may move to next. */
  nextStates: z.array(z.enum(REFERRAL_STATES)),
});
export type ReferralView = z.infer<typeof referralViewSchema>;

export const referralDetailSchema = referralViewSchema.extend({ history: z.array(referralEventSchema) });
export type ReferralDetail = z.infer<typeof referralDetailSchema>;

export const referralListSchema = z.object({ referrals: z.array(referralViewSchema) });
export type ReferralList = z.infer<typeof referralListSchema>;

const yesNo = z.enum(['true', 'false'], 'Must be true or false').transform((v) => v === 'true');

/** The network's inbox: `state` may also be `open` (received, triaged, accepted or active). */
export const referralInboxQuerySchema = z.strictObject({
  networkId: z.uuid('Must be a network id'),
  state: z.enum([...REFERRAL_STATES, 'open'], 'Must be a referral state or open').optional(),
  source: z.enum(REFERRAL_SOURCES, 'Must be a referral source').optional(),
  overdue: yesNo.optional(),
});
export type ReferralInboxQuery = z.infer<typeof referralInboxQuerySchema>;

export const referralFirstContactSchema = z.strictObject({
  version: z.int('Send the version you read').positive(),
  /** When the person was first contacted; now when not given. */
  at: z.iso.datetime({ offset: true, message: 'Must be a date and time' }).optional(),
  note: z.string().trim().max(2000).optional(),
});
export type ReferralFirstContact = z.infer<typeof referralFirstContactSchema>;

/** A network the member of staff belongs to: they see its referral inbox. */
export const referralNetworkSchema = z.object({ id: z.string(), name: z.string() });
export const referralNetworksSchema = z.object({ networks: z.array(referralNetworkSchema) });
