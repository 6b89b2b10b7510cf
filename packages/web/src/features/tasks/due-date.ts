import type { TaskOwner, TaskPriority } from '@kith/core';
import type { DatePart } from '../../components/DateInput';
import type { FormError } from '../../components/ErrorSummary';
import { todayIso } from '../../format';
import { dayFromParts } from '../audit/audit-search';
import { ownerOf } from './labels';

/** A form error about a date, which may mark only some of its three inputs as the ones to correct. */
export interface DateError extends FormError {
  dateParts?: DatePart[];
}

/**
 * A due date from the NHS date input `${id}-day`, `-month` and `-year`: required, a real date,
 * and not before today (the user's today; the API checks against England's).
 */
export function dueDateOf(form: FormData, id: string, today: string): { date?: string; error?: DateError } {
  const text = (part: DatePart) => String(form.get(`${id}-${part}`) ?? '');
  const { date, problem } = dayFromParts({ day: text('day'), month: text('month'), year: text('year') }, 'Due date');
  if (problem) return { error: { fieldId: `${id}-${problem.parts[0] ?? 'day'}`, message: problem.message, dateParts: problem.parts } };
  if (!date) return { error: { fieldId: `${id}-day`, message: 'Enter the due date' } };
  if (date < today) return { error: { fieldId: `${id}-day`, message: 'The due date must be today or in the future' } };
  return { date };
}

/** The error about the date input `id`, whichever of its parts it links to. */
export function dateErrorOf(errors: FormError[], id: string): DateError | undefined {
  return errors.find((error) => error.fieldId?.startsWith(`${id}-`));
}

/** Where the API's task fields link to in a form whose inputs start with `prefix`. */
export function taskFieldIds(prefix: string): Record<string, string> {
  const owner = `${prefix}-owner`;
  return {
    title: `${prefix}-title`,
    detail: `${prefix}-detail`,
    owner,
    'owner.kind': owner,
    'owner.staffId': owner,
    'owner.role': owner,
    dueOn: `${prefix}-due-day`,
    priority: `${prefix}-priority`,
  };
}

/** What every task form asks, read and checked in the browser: what, who, by when, how urgent. */
export interface TaskFields {
  title: string;
  owner: TaskOwner;
  dueOn: string;
  priority: TaskPriority;
}

/**
 * The title, owner, due date and priority (radios named `priority`) of a task form whose
 * inputs are `ids`, or the problems to show (`noun` says what is owned: "task", "action").
 */
export function readTaskFields(
  data: FormData,
  ids: { title: string; owner: string; due: string },
  noun: string,
): { fields: TaskFields; problems?: undefined } | { fields?: undefined; problems: FormError[] } {
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const problems: FormError[] = [];
  const title = text(ids.title);
  if (!title) problems.push({ fieldId: ids.title, message: 'Say what needs doing' });
  const owner = ownerOf(text(ids.owner));
  if (!owner) problems.push({ fieldId: ids.owner, message: `Choose who owns the ${noun}` });
  const due = dueDateOf(data, ids.due, todayIso());
  if (due.error) problems.push(due.error);
  if (problems.length > 0 || !owner || !due.date) return { problems };
  return { fields: { title, owner, dueOn: due.date, priority: (text('priority') || 'normal') as TaskPriority } };
}
