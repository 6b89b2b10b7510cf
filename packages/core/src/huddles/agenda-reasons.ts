/**
 * Why a person is on a huddle agenda. Every item carries all its reasons, each of which says in
 * plain words why it is there, so the team never wonders "why are we discussing this person?"
 *
 * The kinds, in the default order of the agenda (an item sorts by its most pressing reason):
 * 1. carried_over: not reached at earlier meetings. First, because each has already waited at
 *    least one meeting, and a pile of items that never come up is how huddles fail; oldest
 *    pile-up first.
 * 2. manual: a member raised the person with an SBAR; someone is worried enough to write it down.
 * 3. hospital_event: admitted, discharged or at A&E since the last meeting: the model of care's
 *    "recently admitted or in crisis", where a joined-up response within days avoids the next
 *    admission. Oldest event first.
 * 4. referral_accepted: new to the network; first contact has a target time. Longest waiting first.
 * 5. case_finding_new: newly meets a case-finding rule; proactive, so less urgent than the above.
 * 6. review_due: planned reviews; they can wait a meeting if time runs out. Most overdue first.
 * 7. plan_review_due: the person's My Life plan is past its review date. After the huddle's own
 *    reviews, because the plan is reviewed with the person, not at the huddle; the team is
 *    reminded so that someone arranges it. Most overdue first.
 * 8. social_prescribing: a social prescription came to an end since the last meeting (declined,
 *    not taken up, or completed with its outcome), so the team hears how it went and can think
 *    again where it did not work. Oldest first.
 * 9. open_tasks: a check on actions still open; most open tasks first.
 * Within a kind the tie breaks on the person id, so the same input always gives the same agenda.
 */
import { z } from 'zod';
import { englandDate } from '../referrals/referral.js';
import { dateInWords } from './days.js';
import { sbarSchema } from './sbar.js';
import { SOCIAL_PRESCRIPTION_KINDS, SOCIAL_PRESCRIPTION_OUTCOMES, SOCIAL_PRESCRIPTION_STATES, describeSocialPrescription } from '../social-prescribing/states.js';

export const AGENDA_REASON_KINDS = [
  'carried_over',
  'manual',
  'hospital_event',
  'referral_accepted',
  'case_finding_new',
  'review_due',
  'plan_review_due',
  'social_prescribing',
  'open_tasks',
] as const;
export type AgendaReasonKind = (typeof AGENDA_REASON_KINDS)[number];

export const HOSPITAL_EVENTS = ['admission', 'discharge', 'ae_attendance'] as const;
export type HospitalEvent = (typeof HOSPITAL_EVENTS)[number];

const isoDate = z.iso.date();
const instant = z.iso.datetime({ offset: true });

/** The shape of a reason as stored and as the API shows it. */
export const agendaReasonSchema = z.discriminatedUnion('kind', [
  /** `meetings`: how many meetings in a row it was not reached (1 or more). */
  z.object({ kind: z.literal('carried_over'), meetings: z.int().min(1) }),
  z.object({ kind: z.literal('manual'), sbar: sbarSchema, addedBy: z.string(), addedAt: instant }),
  /** `on`: the day of the event as imported (admission start, discharge end, attendance date). */
  z.object({ kind: z.literal('hospital_event'), event: z.enum(HOSPITAL_EVENTS), encounterId: z.string(), on: isoDate }),
  z.object({ kind: z.literal('referral_accepted'), referralId: z.string(), acceptedAt: instant }),
  z.object({ kind: z.literal('case_finding_new'), ruleId: z.string(), ruleName: z.string() }),
  z.object({ kind: z.literal('review_due'), dueOn: isoDate }),
  /** `dueOn`: the review date of the current version of the person's My Life plan. */
  z.object({ kind: z.literal('plan_review_due'), dueOn: isoDate }),
  /** `on`: the day (in England) it ended; `state` and `outcome` as core's social prescribing names them. */
  z.object({
    kind: z.literal('social_prescribing'),
    prescriptionId: z.string(),
    prescriptionKind: z.enum(SOCIAL_PRESCRIPTION_KINDS),
    serviceName: z.string(),
    state: z.enum(SOCIAL_PRESCRIPTION_STATES),
    outcome: z.enum(SOCIAL_PRESCRIPTION_OUTCOMES).nullable(),
    on: isoDate,
  }),
  z.object({ kind: z.literal('open_tasks'), count: z.int().min(1) }),
]);
export type AgendaReason = z.infer<typeof agendaReasonSchema>;
/** What the sources give; carried_over is worked out from the previous meeting. */
export type CandidateReason = Exclude<AgendaReason, { kind: 'carried_over' }>;

const HOSPITAL_EVENT_ORDER: Readonly<Record<HospitalEvent, number>> = { admission: 0, ae_attendance: 1, discharge: 2 };

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byInstant = (a: string, b: string) => Date.parse(a) - Date.parse(b) || byText(a, b);

/** Negative when `a` is the more pressing reason (the order above). */
export function compareReasons(a: AgendaReason, b: AgendaReason): number {
  const kinds = AGENDA_REASON_KINDS.indexOf(a.kind) - AGENDA_REASON_KINDS.indexOf(b.kind);
  if (kinds !== 0) return kinds;
  switch (a.kind) {
    case 'carried_over':
      return (b as typeof a).meetings - a.meetings;
    case 'manual': {
      const other = b as typeof a;
      return byInstant(a.addedAt, other.addedAt) || byText(a.addedBy, other.addedBy);
    }
    case 'hospital_event': {
      const other = b as typeof a;
      return byText(a.on, other.on) || HOSPITAL_EVENT_ORDER[a.event] - HOSPITAL_EVENT_ORDER[other.event] || byText(a.encounterId, other.encounterId);
    }
    case 'referral_accepted': {
      const other = b as typeof a;
      return byInstant(a.acceptedAt, other.acceptedAt) || byText(a.referralId, other.referralId);
    }
    case 'case_finding_new': {
      const other = b as typeof a;
      return byText(a.ruleName, other.ruleName) || byText(a.ruleId, other.ruleId);
    }
    case 'review_due':
    case 'plan_review_due':
      return byText(a.dueOn, (b as typeof a).dueOn);
    case 'social_prescribing': {
      const other = b as typeof a;
      return byText(a.on, other.on) || byText(a.prescriptionId, other.prescriptionId);
    }
    case 'open_tasks':
      return (b as typeof a).count - a.count;
  }
}

/**
 * Two reasons with the same key say the same thing, and the agenda keeps only the more
 * pressing one: the earliest review due date, the largest open-task count, one entry per
 * referral, rule and hospital event. Two different SBARs from one member are both kept.
 */
export function reasonKey(reason: AgendaReason): string {
  switch (reason.kind) {
    case 'carried_over':
    case 'review_due':
    case 'plan_review_due':
    case 'open_tasks':
      return reason.kind;
    case 'manual':
      return `manual:${reason.addedBy}:${JSON.stringify(reason.sbar)}`;
    case 'hospital_event':
      return `hospital_event:${reason.event}:${reason.encounterId}`;
    case 'referral_accepted':
      return `referral_accepted:${reason.referralId}`;
    case 'case_finding_new':
      return `case_finding_new:${reason.ruleId}`;
    case 'social_prescribing':
      return `social_prescribing:${reason.prescriptionId}`;
  }
}

/** The reasons sorted, most pressing first, each said once. */
export function mergeReasons(reasons: readonly AgendaReason[]): AgendaReason[] {
  const seen = new Set<string>();
  return [...reasons].sort(compareReasons).filter((reason) => {
    const key = reasonKey(reason);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** At most `length` characters, whole ones, with an ellipsis when cut. */
function shortened(text: string, length: number): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= length ? chars.join('') : `${chars.slice(0, length - 1).join('').trimEnd()}…`;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

const HOSPITAL_EVENT_WORDS: Readonly<Record<HospitalEvent, string>> = {
  admission: 'Admitted to hospital',
  discharge: 'Discharged from hospital',
  ae_attendance: 'Attended A&E',
};

/** Why the item is there, in plain English: "Admitted to hospital on 3 November 2026". */
export function describeReason(reason: AgendaReason): string {
  switch (reason.kind) {
    case 'carried_over':
      return `Carried over from ${plural(reason.meetings, 'meeting', 'meetings')}`;
    case 'manual':
      return `Raised by a team member: ${shortened(reason.sbar.situation, 100)}`;
    case 'hospital_event':
      return `${HOSPITAL_EVENT_WORDS[reason.event]} on ${dateInWords(reason.on)}`;
    case 'referral_accepted':
      return `Referral accepted on ${dateInWords(englandDate(new Date(reason.acceptedAt)))}`;
    case 'case_finding_new':
      return `Newly meets the case-finding rule "${reason.ruleName}"`;
    case 'review_due':
      return `Review due on ${dateInWords(reason.dueOn)}`;
    case 'plan_review_due':
      return `My Life plan review due on ${dateInWords(reason.dueOn)}`;
    case 'social_prescribing': {
      const words = describeSocialPrescription({ kind: reason.prescriptionKind, state: reason.state, serviceName: reason.serviceName, outcome: reason.outcome });
      return `${words} (${dateInWords(reason.on)})`;
    }
    case 'open_tasks':
      return plural(reason.count, 'open task', 'open tasks');
  }
}
