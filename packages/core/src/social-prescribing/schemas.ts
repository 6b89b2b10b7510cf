/**
 * What staff send to make a social prescription, to move it, and to record an attendance. Each
 * parser throws one 400 naming every field at fault, cross-field rules included.
 */
import { z } from 'zod';
import type { FieldProblem } from '../errors.js';
import { parseOrThrow } from '../input.js';
import { isIsoDate } from '../people/dates.js';
import { CONSENT_METHODS } from '../record/consent.js';
import {
  SOCIAL_PRESCRIBING_NEEDS,
  SOCIAL_PRESCRIPTION_KINDS,
  SOCIAL_PRESCRIPTION_OUTCOMES,
  SOCIAL_PRESCRIPTION_STATES,
  type SocialPrescriptionState,
} from './states.js';

export const SOCIAL_PRESCRIPTION_MAX_NEEDS = 5;

const WHAT_MATTERS = 'Write what matters to the person, in their words';
const SUPPORT_OFFERED = 'Say what support is offered';
const CHOOSE_A_NEED = 'Choose at least one need';
const REFERRAL_NEEDS_CONSENT = 'A referral shares the person’s details with the provider: record their consent first';
const SAY_HOW = 'Say how consent was given';

const isoDate = (message: string) => z.string(message).refine(isIsoDate, message);
const note = (max: number) =>
  z
    .string('Must be text')
    .trim()
    .max(max, `Keep the note to ${max.toLocaleString('en-GB')} characters or fewer`);

/** Runs a cross-field rule only when the fields it reads are themselves valid. */
const whenValid = (fields: readonly string[]) => ({
  when: (payload: { value: unknown; issues: readonly { path?: readonly PropertyKey[] }[] }) =>
    typeof payload.value === 'object' &&
    payload.value !== null &&
    !payload.issues.some((issue) => fields.includes(String(issue.path?.[0]))),
});

export const socialPrescriptionSchema = z
  .strictObject({
    /** The service in the directory. */
    serviceId: z.uuid('Choose a service from the directory'),
    kind: z.enum(SOCIAL_PRESCRIPTION_KINDS, 'Choose signpost or referral'),
    /** What matters to the person, in their own words. */
    whatMatters: z.string(WHAT_MATTERS).trim().min(1, WHAT_MATTERS).max(1000, 'Keep what matters to 1,000 characters or fewer'),
    needs: z
      .array(z.enum(SOCIAL_PRESCRIBING_NEEDS, 'Choose a need from the list'), CHOOSE_A_NEED)
      .min(1, CHOOSE_A_NEED)
      .max(SOCIAL_PRESCRIPTION_MAX_NEEDS, `Choose at most ${SOCIAL_PRESCRIPTION_MAX_NEEDS} needs`)
      .superRefine((needs, ctx) => {
        needs.forEach((need, index) => {
          if (needs.indexOf(need) < index) ctx.addIssue({ code: 'custom', path: [index], message: 'Each need once' });
        });
      }),
    supportOffered: z.string(SUPPORT_OFFERED).trim().min(1, SUPPORT_OFFERED).max(1000, 'Keep the support offered to 1,000 characters or fewer'),
    consent: z.strictObject(
      {
        given: z.boolean('Say whether the person gave consent'),
        how: z.enum(CONSENT_METHODS, 'Choose how it was given: verbal, written or portal').optional(),
      },
      'Say whether the person gave consent',
    ),
    note: note(2000).optional(),
  })
  .superRefine(
    (p, ctx) => {
      if (p.kind === 'referral' && p.consent.given !== true) {
        ctx.addIssue({ code: 'custom', path: ['consent', 'given'], message: REFERRAL_NEEDS_CONSENT });
      }
      if (p.consent.given && !p.consent.how) ctx.addIssue({ code: 'custom', path: ['consent', 'how'], message: SAY_HOW });
    },
    whenValid(['kind', 'consent']),
  );
export type SocialPrescriptionInput = z.output<typeof socialPrescriptionSchema>;

/** A new social prescription, or one 400 naming every field at fault. */
export function parseSocialPrescription(input: unknown): SocialPrescriptionInput {
  return parseOrThrow(socialPrescriptionSchema, input);
}

/** The states whose move may carry an outcome: the finished ones the person reached. */
const OUTCOME_STATES: readonly SocialPrescriptionState[] = ['completed', 'not_taken_up', 'withdrawn'];

export const socialPrescriptionMoveSchema = z
  .strictObject({
    to: z.enum(SOCIAL_PRESCRIPTION_STATES, 'Choose the new state'),
    /** Version read, so two people moving it at once do not overwrite each other. */
    version: z.int('Send the version you read').positive('Send the version you read'),
    note: note(2000).optional(),
    outcome: z.enum(SOCIAL_PRESCRIPTION_OUTCOMES, 'Choose an outcome').optional(),
    /** The day the person first attended, when marking as attending; today when not given. */
    attendedOn: isoDate('Give the date as a real date, written as YYYY-MM-DD').optional(),
  })
  .superRefine(
    (move, ctx) => {
      if (move.to === 'completed' && !move.outcome) ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'Record the outcome' });
      if (move.outcome && !OUTCOME_STATES.includes(move.to)) {
        ctx.addIssue({ code: 'custom', path: ['outcome'], message: 'Only a finished one has an outcome' });
      }
      if (move.attendedOn !== undefined && move.to !== 'attending') {
        ctx.addIssue({ code: 'custom', path: ['attendedOn'], message: 'Only give the date attended when marking as attending' });
      }
    },
    whenValid(['to']),
  );
export type SocialPrescriptionMove = z.output<typeof socialPrescriptionMoveSchema>;

const notInFuture = (field: string, day: string | undefined, today: string): FieldProblem[] =>
  day !== undefined && day > today ? [{ field, reason: 'Must not be in the future' }] : [];

/**
 * A move, or one 400 naming every field at fault. Given today (England's date), the date
 * attended is also checked not to be in the future.
 */
export function parseSocialPrescriptionMove(input: unknown, today?: string): SocialPrescriptionMove {
  return parseOrThrow(socialPrescriptionMoveSchema, input, (move) =>
    today === undefined ? [] : notInFuture('attendedOn', move.attendedOn, today),
  );
}

/**
 * An attendance (or a missed session), recorded by the provider or the coordinator. Named for
 * social prescribing because a huddle meeting's attendance is another thing.
 */
export const socialPrescriptionAttendanceSchema = z.strictObject({
  on: isoDate('Give the date as a real date, written as YYYY-MM-DD'),
  attended: z.boolean('Say whether the person attended'),
  note: note(500).optional(),
});
export type SocialPrescriptionAttendance = z.output<typeof socialPrescriptionAttendanceSchema>;

/** An attendance, or one 400 naming every field at fault; its day may be today but not later. */
export function parseAttendance(input: unknown, today: string): SocialPrescriptionAttendance {
  return parseOrThrow(socialPrescriptionAttendanceSchema, input, (attendance) => notInFuture('on', attendance.on, today));
}
