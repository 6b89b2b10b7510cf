/**
 * SBAR: the NHS's structured way to hand over a concern (Situation, Background, Assessment,
 * Recommendation). A member who adds a person to the agenda by hand writes one, so the team
 * knows before the meeting why the person is there and what is being asked of it. All four
 * parts are required: an item without a recommendation is the one that gets talked round and
 * carried over.
 */
import { z } from 'zod';
import { fieldProblemsOf, invalidInput } from '../input.js';

export const SBAR_MAX_LENGTH = 1000;

const part = (missing: string) =>
  z
    .string(missing)
    .trim()
    .min(1, missing)
    .max(SBAR_MAX_LENGTH, `Keep it to ${SBAR_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer`);

export const sbarSchema = z.strictObject({
  situation: part('Say what is happening now (situation)'),
  background: part('Give the background'),
  assessment: part('Give your assessment'),
  recommendation: part('Say what you recommend or ask of the team'),
}, 'Write an SBAR summary: situation, background, assessment and recommendation');
export type Sbar = z.infer<typeof sbarSchema>;

export const SBAR_LABELS: Readonly<Record<keyof Sbar, string>> = {
  situation: 'Situation',
  background: 'Background',
  assessment: 'Assessment',
  recommendation: 'Recommendation',
};

/**
 * The SBAR, trimmed, or a DomainError naming each missing or overlong part under `field`
 * (`sbar.situation`, `sbar.recommendation`, ...).
 */
export function validateSbar(input: unknown, field = 'sbar'): Sbar {
  const parsed = sbarSchema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw invalidInput(fieldProblemsOf(parsed.error).map((p) => ({ field: p.field === 'body' ? field : `${field}.${p.field}`, reason: p.reason })));
}
