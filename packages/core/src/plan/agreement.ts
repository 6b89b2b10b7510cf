/**
 * The person's agreement to a version of their plan: how they gave it, on what day, and who
 * recorded it. Staff often record an agreement after the visit it was given at, so the day of
 * agreement is given and may be earlier than the day it is recorded, but never before the
 * version existed nor after today.
 *
 * "Portal" means the person agreed themselves, online: only the person records it, always as
 * given today. Staff record the other ways.
 */
import { z } from 'zod';
import type { FieldProblem } from '../errors.js';
import { isIsoDate } from '../people/dates.js';
import { planAuthorSchema } from './content.js';
import { authorOf, type PlanEditor } from './locks.js';
import { parseOrThrow, planError } from './problems.js';

export const PLAN_AGREEMENT_METHODS = ['in_person', 'phone', 'video', 'portal', 'written'] as const;
export type PlanAgreementMethod = (typeof PLAN_AGREEMENT_METHODS)[number];

export const PLAN_AGREEMENT_METHOD_LABELS: Readonly<Record<PlanAgreementMethod, string>> = {
  in_person: 'In person',
  phone: 'By phone',
  video: 'By video call',
  portal: 'Online, by the person',
  written: 'In writing',
};

export const PLAN_AGREEMENT_NOTE_MAX_LENGTH = 1000;

/** What a client sends to record the person's agreement. */
export const planAgreementInputSchema = z.strictObject({
  version: z.int('Give the version of the plan agreed to').min(1, 'Give the version of the plan agreed to'),
  how: z.enum(PLAN_AGREEMENT_METHODS, 'Choose how the person agreed: in person, by phone, by video call, online or in writing'),
  agreedOn: z.string('Give the day the person agreed').refine(isIsoDate, 'Give the day the person agreed as a real date, written as YYYY-MM-DD'),
  note: z
    .string('Must be text')
    .trim()
    .max(PLAN_AGREEMENT_NOTE_MAX_LENGTH, `Keep the note to ${PLAN_AGREEMENT_NOTE_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer`)
    .optional(),
});
export type PlanAgreementInput = z.input<typeof planAgreementInputSchema>;

export const planAgreementSchema = z.strictObject({
  version: z.int().min(1),
  how: z.enum(PLAN_AGREEMENT_METHODS),
  agreedOn: z.iso.date(),
  note: z.string().optional(),
  recordedAt: z.iso.datetime({ offset: true }),
  recordedBy: planAuthorSchema,
});
export type PlanAgreement = z.infer<typeof planAgreementSchema>;

export interface PlanAgreementRecording {
  input: unknown;
  editor: PlanEditor;
  now: Date;
  /** England's date now, from the caller. */
  today: string;
  /** The plan's latest version, and the day (England's) the version agreed to was saved. */
  currentVersion: number;
  versionSavedOn: (version: number) => string | undefined;
}

/** The agreement stamped with who recorded it and when, or a 400 naming every field at fault. */
export function recordPlanAgreement(recording: PlanAgreementRecording): PlanAgreement {
  const input = parseOrThrow(planAgreementInputSchema, recording.input);
  const problems = agreementProblems(recording, input);
  if (problems.length > 0) throw planError('invalid', problems);
  return {
    version: input.version,
    how: input.how,
    agreedOn: input.agreedOn,
    ...(input.note ? { note: input.note } : {}),
    recordedAt: recording.now.toISOString(),
    recordedBy: authorOf(recording.editor),
  };
}

type ParsedAgreement = z.output<typeof planAgreementInputSchema>;

function agreementProblems(recording: PlanAgreementRecording, input: ParsedAgreement): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const savedOn = input.version <= recording.currentVersion ? recording.versionSavedOn(input.version) : undefined;
  if (savedOn === undefined) problems.push({ field: 'version', reason: `The plan has no version ${input.version}` });
  const byPerson = recording.editor.kind === 'person';
  if (byPerson && input.how !== 'portal') problems.push({ field: 'how', reason: 'Agreeing online is recorded as "portal"' });
  if (!byPerson && input.how === 'portal') problems.push({ field: 'how', reason: 'Only the person can agree online; choose how they told you' });
  if (input.agreedOn > recording.today) problems.push({ field: 'agreedOn', reason: 'The day of agreement cannot be in the future' });
  else if (byPerson && input.agreedOn !== recording.today) problems.push({ field: 'agreedOn', reason: 'Agreeing online is recorded as today' });
  else if (savedOn !== undefined && input.agreedOn < savedOn) {
    problems.push({ field: 'agreedOn', reason: 'The person cannot have agreed to this version before it was written' });
  }
  return problems;
}
