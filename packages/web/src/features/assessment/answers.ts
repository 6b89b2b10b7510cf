import type { AnswerValue, AssessmentQuestion } from '@kith/core';

/** An answer in words: the option's label, "Yes"/"No", or the number with its unit. */
export function answerInWords(question: AssessmentQuestion, value: AnswerValue): string {
  const kind = question.kind;
  if (kind.type === 'choice') return kind.options.find((o) => o.value === value)?.label ?? String(value);
  if (kind.type === 'yes_no') return value === true ? 'Yes' : 'No';
  if (kind.type === 'number') return `${value} ${kind.unit}`;
  return String(value);
}

/** The form field id of a question, so an error summary can link to it. */
export const fieldId = (questionId: string) => `answer-${questionId.replace(/_/g, '-')}`;

/**
 * The answers a submitted form gives: what was chosen or typed; an answer given before and now
 * left empty is sent as null, which clears it; one never given and still empty is not sent.
 */
export function answersFromForm(
  form: FormData,
  questions: readonly AssessmentQuestion[],
  previous: Record<string, unknown>,
): Record<string, AnswerValue | null> {
  const answers: Record<string, AnswerValue | null> = {};
  for (const question of questions) {
    const raw = String(form.get(fieldId(question.id)) ?? '').trim();
    const value = raw === '' ? null : parsed(question, raw);
    if (value !== null || question.id in previous) answers[question.id] = value;
  }
  return answers;
}

function parsed(question: AssessmentQuestion, raw: string): AnswerValue {
  if (question.kind.type === 'yes_no') return raw === 'yes';
  // A number the server cannot read as whole is sent as typed, so its answer names the problem.
  if (question.kind.type === 'number') return /^-?\d+$/.test(raw) ? Number(raw) : raw;
  return raw;
}
