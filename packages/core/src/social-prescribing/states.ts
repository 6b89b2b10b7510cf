/**
 * Social prescribing: from a person's record, a coordinator (or other staff) links the person to
 * a service in the directory of community services and activities. It is one of two kinds:
 *
 * - a signpost: the person is told about the service and contacts it themselves;
 * - a referral: Kith sends the person's details to the provider, with their consent.
 *
 * The Social Prescribing Information Standard's minimum data is the need (the reason), the
 * support offered and the outcome. The loop is closed: the provider accepts or declines a
 * referral, attendance is recorded by the provider or the coordinator, and the outcome reaches
 * whoever referred. The states and the only moves between them:
 *
 *   signpost:  signposted → attending → completed
 *   referral:  sent → accepted → attending → completed
 *                   ↘ declined
 *
 * Any open one may also become not taken up (the person did not go, or stopped going) or
 * withdrawn (no longer wanted, or made by mistake), except one still waiting for the provider's
 * answer, which the provider declines instead. Declined, not taken up, completed and withdrawn
 * are final.
 */
import { DomainError } from '../errors.js';

export const SOCIAL_PRESCRIPTION_KINDS = ['signpost', 'referral'] as const;
export type SocialPrescriptionKind = (typeof SOCIAL_PRESCRIPTION_KINDS)[number];

export const SOCIAL_PRESCRIPTION_KIND_LABELS: Readonly<Record<SocialPrescriptionKind, string>> = {
  signpost: 'Signpost (the person gets in touch themselves)',
  referral: 'Referral (we send their details to the provider)',
};

/** What the person needs support with: the reason, in the Information Standard's terms. */
export const SOCIAL_PRESCRIBING_NEEDS = [
  'loneliness_isolation',
  'mental_wellbeing',
  'physical_activity',
  'money_benefits',
  'housing',
  'carer_support',
  'long_term_condition',
  'learning_work',
  'practical_help',
  'bereavement',
  'other',
] as const;
export type SocialPrescribingNeed = (typeof SOCIAL_PRESCRIBING_NEEDS)[number];

export const SOCIAL_PRESCRIBING_NEED_LABELS: Readonly<Record<SocialPrescribingNeed, string>> = {
  loneliness_isolation: 'Loneliness and isolation',
  mental_wellbeing: 'Mental wellbeing',
  physical_activity: 'Physical activity',
  money_benefits: 'Money and benefits',
  housing: 'Housing',
  carer_support: 'Support as a carer',
  long_term_condition: 'Living with a long-term condition',
  learning_work: 'Learning and work',
  practical_help: 'Practical help',
  bereavement: 'Bereavement',
  other: 'Something else',
};

export const SOCIAL_PRESCRIPTION_STATES = ['signposted', 'sent', 'accepted', 'declined', 'attending', 'not_taken_up', 'completed', 'withdrawn'] as const;
export type SocialPrescriptionState = (typeof SOCIAL_PRESCRIPTION_STATES)[number];

export const SOCIAL_PRESCRIPTION_STATE_LABELS: Readonly<Record<SocialPrescriptionState, string>> = {
  signposted: 'Signposted',
  sent: 'Sent',
  accepted: 'Accepted',
  declined: 'Declined',
  attending: 'Attending',
  not_taken_up: 'Not taken up',
  completed: 'Completed',
  withdrawn: 'Withdrawn',
};

export const SOCIAL_PRESCRIPTION_MOVES: Readonly<Record<SocialPrescriptionState, readonly SocialPrescriptionState[]>> = {
  signposted: ['attending', 'not_taken_up', 'withdrawn'],
  sent: ['accepted', 'declined', 'withdrawn'],
  accepted: ['attending', 'not_taken_up', 'withdrawn'],
  declined: [],
  attending: ['completed', 'not_taken_up', 'withdrawn'],
  not_taken_up: [],
  completed: [],
  withdrawn: [],
};

/** The verb on the button that makes each move. */
export const SOCIAL_PRESCRIPTION_MOVE_LABELS: Readonly<Record<SocialPrescriptionState, string>> = {
  signposted: 'Signpost',
  sent: 'Send',
  accepted: 'Accept',
  declined: 'Decline',
  attending: 'Mark as attending',
  not_taken_up: 'Mark as not taken up',
  completed: 'Complete with an outcome',
  withdrawn: 'Withdraw',
};

/** How far the person's needs were met: the Information Standard's outcome. */
export const SOCIAL_PRESCRIPTION_OUTCOMES = ['needs_met', 'needs_partly_met', 'needs_not_met', 'unknown'] as const;
export type SocialPrescriptionOutcome = (typeof SOCIAL_PRESCRIPTION_OUTCOMES)[number];

export const SOCIAL_PRESCRIPTION_OUTCOME_LABELS: Readonly<Record<SocialPrescriptionOutcome, string>> = {
  needs_met: 'Needs met',
  needs_partly_met: 'Needs partly met',
  needs_not_met: 'Needs not met',
  unknown: 'Outcome not known',
};

/** A signpost starts signposted; a referral starts sent to the provider. */
export function firstState(kind: SocialPrescriptionKind): SocialPrescriptionState {
  return kind === 'signpost' ? 'signposted' : 'sent';
}

/** Still open: not declined, not taken up, completed or withdrawn. */
export function isOpen(state: SocialPrescriptionState): boolean {
  return SOCIAL_PRESCRIPTION_MOVES[state].length > 0;
}

export function canMove(from: SocialPrescriptionState, to: SocialPrescriptionState): boolean {
  return SOCIAL_PRESCRIPTION_MOVES[from].includes(to);
}

const lower = (state: SocialPrescriptionState) => SOCIAL_PRESCRIPTION_STATE_LABELS[state].toLowerCase();

function orList(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} or ${words.at(-1)}`;
}

/**
 * The one being moved, in words. Some states belong to one kind only (only a signpost is
 * signposted; only a referral is sent, accepted or declined); for the others the kind is named
 * when the caller knows it.
 */
function subject(from: SocialPrescriptionState, kind: SocialPrescriptionKind | undefined): string {
  const noun = kind ?? 'social prescription';
  switch (from) {
    case 'signposted':
      return 'A signpost';
    case 'sent':
      return 'A referral still waiting for the provider’s answer';
    case 'accepted':
      return 'An accepted referral';
    case 'declined':
      return 'A referral that was declined';
    case 'attending':
      return `A ${noun} the person is attending`;
    default:
      return `A ${noun} that was ${lower(from)}`;
  }
}

/** Why a move is not allowed, in words for the person making it, or undefined when it is. */
export function socialPrescriptionMoveProblem(
  from: SocialPrescriptionState,
  to: SocialPrescriptionState,
  kind?: SocialPrescriptionKind,
): string | undefined {
  if (canMove(from, to)) return undefined;
  if (from === to) return `It is already ${lower(to)}`;
  if (from === 'signposted' && (to === 'accepted' || to === 'declined')) {
    return 'A signpost is not accepted or declined by the provider: the person gets in touch with the service themselves';
  }
  if (!isOpen(from)) return `${subject(from, kind)} cannot become ${lower(to)}`;
  return `${subject(from, kind)} can only become ${orList(SOCIAL_PRESCRIPTION_MOVES[from].map(lower))}`;
}

/** Throws a DomainError 'conflict' (409) naming the field `to` when the move is not allowed. */
export function checkMove(from: SocialPrescriptionState, to: SocialPrescriptionState, kind?: SocialPrescriptionKind): void {
  const problem = socialPrescriptionMoveProblem(from, to, kind);
  if (problem) throw new DomainError('conflict', problem, [{ field: 'to', reason: problem }]);
}

/** The states one may move to next, for the buttons shown. */
export function nextSocialPrescriptionStates(state: SocialPrescriptionState): SocialPrescriptionState[] {
  return [...SOCIAL_PRESCRIPTION_MOVES[state]];
}

/**
 * Recording an attendance: the person went, so a signpost or an accepted referral becomes
 * attending. Undefined when nothing moves (they did not go, or the state is anything else).
 */
export function attendanceMove(state: SocialPrescriptionState, attended = true): SocialPrescriptionState | undefined {
  return attended && (state === 'signposted' || state === 'accepted') ? 'attending' : undefined;
}

/** What the line says about the state, after the service's name. */
const STATE_PHRASES: Readonly<Record<SocialPrescriptionState, string | undefined>> = {
  signposted: undefined,
  sent: 'waiting for the provider’s answer',
  accepted: 'accepted',
  declined: 'declined',
  attending: 'attending',
  not_taken_up: 'not taken up',
  completed: 'completed',
  withdrawn: 'withdrawn',
};

/**
 * One plain-English line for the person's timeline and the huddle agenda: "Referred to Thursday
 * Lunch Club: accepted", "Signposted to Walking for Health: attending", "Referred to Thursday
 * Lunch Club: completed, needs met". A signpost not yet attended reads "Signposted to Walking
 * for Health".
 */
export function describeSocialPrescription(p: {
  kind: SocialPrescriptionKind;
  state: SocialPrescriptionState;
  serviceName: string;
  outcome?: SocialPrescriptionOutcome | null;
}): string {
  const service = p.serviceName.trim() || 'a service';
  const start = `${p.kind === 'referral' ? 'Referred' : 'Signposted'} to ${service}`;
  const outcome = p.outcome ? SOCIAL_PRESCRIPTION_OUTCOME_LABELS[p.outcome].toLowerCase() : undefined;
  const words = [STATE_PHRASES[p.state], outcome].filter((w): w is string => w !== undefined);
  return words.length === 0 ? start : `${start}: ${words.join(', ')}`;
}
