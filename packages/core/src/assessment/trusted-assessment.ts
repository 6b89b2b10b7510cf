/**
 * Saving one section of the trusted assessment: each answer keeps who recorded it and when, so
 * an answer left as it was keeps its first author even when someone else saves the section.
 * Every save is a new version based on the one the saver had open.
 */
import { z } from 'zod';
import { DomainError } from '../errors.js';
import { ASSESSMENT_SECTIONS, type AssessmentQuestion, type AssessmentSection, assessmentSection } from './sections.js';

export type AnswerValue = string | number | boolean;

/** Who recorded an answer: a member of staff, with the organisation they acted for. */
export const recorderSchema = z.object({
  staffId: z.string(),
  name: z.string(),
  role: z.string(),
  organisationName: z.string().nullable(),
});
export type Recorder = z.infer<typeof recorderSchema>;

export const recordedAnswerSchema = z.object({
  value: z.union([z.string(), z.number(), z.boolean()]),
  recordedBy: recorderSchema,
  recordedAt: z.string(),
});
export type RecordedAnswer = z.infer<typeof recordedAnswerSchema>;

/** The whole assessment: section id → question id → the answer as recorded. */
export const assessmentContentSchema = z.record(z.string(), z.record(z.string(), recordedAnswerSchema));
export type AssessmentContent = z.infer<typeof assessmentContentSchema>;

export const assessmentSectionSaveSchema = z.strictObject({
  basedOnVersion: z.int('Must be a whole number').min(0, 'Must be 0 for a first save, or the version you opened'),
  /** Question id → the answer; null clears an answer given before. */
  answers: z.record(z.string(), z.union([z.string(), z.number(), z.boolean(), z.null()])),
});
export type AssessmentSectionSave = z.infer<typeof assessmentSectionSaveSchema>;

/** Why an answer does not fit its question, or null when it does. */
function answerProblem(question: AssessmentQuestion, value: AnswerValue): string | null {
  const kind = question.kind;
  switch (kind.type) {
    case 'choice':
      return kind.options.some((o) => o.value === value) ? null : `Must be one of: ${kind.options.map((o) => o.value).join(', ')}`;
    case 'number':
      if (typeof value !== 'number' || !Number.isInteger(value)) return 'Must be a whole number';
      return value < kind.min || value > kind.max ? `Must be from ${kind.min} to ${kind.max} ${kind.unit}` : null;
    case 'yes_no':
      return typeof value === 'boolean' ? null : 'Must be true (yes) or false (no)';
    case 'text':
      if (typeof value !== 'string' || value.trim() === '') return 'Must be some text (send null to clear an answer)';
      return value.length > kind.maxLength ? `Must be at most ${kind.maxLength} characters` : null;
  }
}

function sectionOrRefuse(sectionId: string): AssessmentSection {
  const section = assessmentSection(sectionId);
  if (!section) throw DomainError.field('section', `No assessment section is called "${sectionId}"`);
  return section;
}

/** Every answer checked against its question; all problems named at once. */
export function checkSectionAnswers(sectionId: string, answers: AssessmentSectionSave['answers']): AssessmentSection {
  const section = sectionOrRefuse(sectionId);
  const problems = Object.entries(answers).flatMap(([id, value]) => {
    const question = section.questions.find((q) => q.id === id);
    if (!question) return [{ field: `answers.${id}`, reason: `Not a question of "${section.title}"` }];
    const reason = value === null ? null : answerProblem(question, typeof value === 'string' ? value.trim() : value);
    return reason ? [{ field: `answers.${id}`, reason }] : [];
  });
  if (problems.length > 0) {
    throw new DomainError('invalid', `${problems[0]!.field}: ${problems[0]!.reason}`, problems);
  }
  return section;
}

/**
 * The assessment after one section is saved: answers that changed are stamped with the saver,
 * unchanged ones keep their author, null clears. Returns null when nothing changed, so that an
 * unchanged save writes no new version.
 */
export function applySectionSave(
  previous: AssessmentContent,
  sectionId: string,
  answers: AssessmentSectionSave['answers'],
  recorder: Recorder,
  now: Date,
): AssessmentContent | null {
  checkSectionAnswers(sectionId, answers);
  const before = previous[sectionId] ?? {};
  const after: Record<string, RecordedAnswer> = { ...before };
  let changed = false;
  for (const [id, given] of Object.entries(answers)) {
    const value = typeof given === 'string' ? given.trim() : given;
    if (value === null) {
      if (id in after) changed = true;
      delete after[id];
    } else if (before[id]?.value !== value) {
      after[id] = { value, recordedBy: recorder, recordedAt: now.toISOString() };
      changed = true;
    }
  }
  return changed ? { ...previous, [sectionId]: after } : null;
}

/** The sections two versions differ in, for the history. */
export function sectionsChangedBetween(older: AssessmentContent, newer: AssessmentContent): string[] {
  const ids = new Set([...Object.keys(older), ...Object.keys(newer)]);
  return [...ids].filter((id) => JSON.stringify(older[id] ?? {}) !== JSON.stringify(newer[id] ?? {})).sort();
}

/** How complete each section is: questions answered of those asked. */
export function sectionProgress(content: AssessmentContent) {
  return ASSESSMENT_SECTIONS.map((section) => {
    const answered = section.questions.filter((q) => content[section.id]?.[q.id] !== undefined).length;
    return { section: section.id, answered, of: section.questions.length };
  });
}
