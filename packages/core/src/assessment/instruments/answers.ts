/**
 * Checking answers before scoring. A score is only ever worked out from a complete set of
 * answers each within its published range: a missing or impossible answer is refused, naming
 * the field, never guessed, skipped or clamped, because a total quietly computed from fewer
 * items reads lower than the person's true score and can move them into a milder band.
 */
import { DomainError } from '../../errors.js';
import type { InstrumentChecklistEntry, InstrumentQuestion } from './types.js';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function rangeOf(item: InstrumentQuestion): { min: number; max: number } {
  const values = item.options.map((option) => option.value);
  return { min: Math.min(...values), max: Math.max(...values) };
}

/** One question's answer: a whole number that is one of its options' values. */
function readAnswer(answers: Record<string, unknown>, item: InstrumentQuestion): number {
  const field = `answers.${item.id}`;
  const { min, max } = rangeOf(item);
  if (!Object.hasOwn(answers, item.id) || answers[item.id] === undefined || answers[item.id] === null) {
    throw DomainError.field(field, `Needs an answer: a whole number from ${min} to ${max}`);
  }
  const value = answers[item.id];
  if (typeof value !== 'number' || !item.options.some((option) => option.value === value)) {
    throw DomainError.field(field, `Must be a whole number from ${min} to ${max}`);
  }
  return value;
}

/**
 * The answer to every question, by id, in the order of the items. Questions are checked in
 * order, so the first problem on the form is the one named; an answer to a question the
 * instrument does not have is refused too, as it is most likely a misspelt id.
 */
export function readQuestionAnswers(answers: unknown, items: readonly InstrumentQuestion[]): Record<string, number> {
  if (!isRecord(answers)) throw DomainError.field('answers', 'Must be an object with one answer per question');
  const read: Record<string, number> = {};
  for (const item of items) read[item.id] = readAnswer(answers, item);
  const unknown = Object.keys(answers).find((key) => !items.some((item) => item.id === key));
  if (unknown !== undefined) throw DomainError.field(`answers.${unknown}`, 'Not a question of this instrument');
  return read;
}

/**
 * The entries present in a checklist answer, `{ [key]: ['code', ...] }`. An unknown code is
 * refused, and so is a code given twice: a duplicate means the list was built wrongly, and
 * counting it once would hide that (see docs/instruments.md).
 */
export function readChecklist(answers: unknown, key: string, entries: readonly InstrumentChecklistEntry[]): string[] {
  if (!isRecord(answers)) throw DomainError.field('answers', `Must be an object with the list of ${key} present`);
  const extra = Object.keys(answers).find((name) => name !== key);
  if (extra !== undefined) throw DomainError.field(`answers.${extra}`, `Not part of this instrument; give only ${key}`);
  const list = answers[key];
  if (!Array.isArray(list)) throw DomainError.field(`answers.${key}`, 'Must be a list of codes (an empty list when none is present)');
  const seen = new Set<string>();
  list.forEach((code: unknown, index) => {
    const field = `answers.${key}[${index}]`;
    if (typeof code !== 'string' || !entries.some((entry) => entry.id === code)) {
      throw DomainError.field(field, 'Not a code of this instrument');
    }
    if (seen.has(code)) throw DomainError.field(field, `Given twice: ${code}`);
    seen.add(code);
  });
  return [...seen];
}

/** The sum of the answers, for instruments whose total is a plain sum. */
export function sumOf(read: Record<string, number>): number {
  return Object.values(read).reduce((total, value) => total + value, 0);
}
