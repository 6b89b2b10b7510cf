/**
 * The editor's form as the draft the API takes, and where each of the draft's fields is on
 * the form, so every problem (found here, or by the server) links to the input to put right.
 * Whatever was added and left empty is left out, so the draft's places and the form's differ:
 * `goals.1.inMyWords.text` may be the form's third goal.
 */
import {
  myLifePlanDraftSchema,
  PLAN_PARTS,
  type ActionDoer,
  type GoalDomain,
  type MyLifePlanDraftInput,
  type PlanSection,
} from '@kith/core';
import type { DatePart, DateParts } from '../../components/DateInput';
import type { FormError } from '../../components/ErrorSummary';
import { dayFromParts } from '../audit/audit-search';
import { statementMode, type ActionEntry, type GoalEntry, type PlanForm, type StatementEntry } from './plan-form';

/** A problem with a date may mark only some of its day, month and year. */
export interface PlanFormError extends FormError {
  dateParts?: DatePart[];
}

type DraftStatementInput = MyLifePlanDraftInput['aboutMe'][number];
type DraftGoalInput = MyLifePlanDraftInput['goals'][number];
type DraftActionInput = NonNullable<DraftGoalInput['actions']>[number];

/** The id of the input holding a place in the form: ("goals", 0, "inMyWords", "text") → "plan-goals-0-in-my-words-text". */
export function planFieldId(...place: Array<string | number>): string {
  return ['plan', ...place.map((part) => String(part).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`))].join('-');
}

/** The date input `id`'s three inputs, as the NHS date input names them. */
export const dateFieldIds = (id: string) => [`${id}-day`, `${id}-month`, `${id}-year`];

/** Draft paths to input ids, and the inputs in the order the form shows them. */
export interface PlanFields {
  ids: Record<string, string>;
  order: string[];
}

export interface DraftReading {
  draft: MyLifePlanDraftInput;
  fields: PlanFields;
  /** Dates that could not be read, which the draft cannot carry. */
  problems: PlanFormError[];
}

interface Reading {
  fields: PlanFields;
  problems: PlanFormError[];
  personName: string;
  clinicalRole: boolean;
}

function link(reading: Reading, path: string, fieldId: string, ...alsoInOrder: string[]): void {
  reading.fields.ids[path] = fieldId;
  for (const id of [fieldId, ...alsoInOrder]) if (!reading.fields.order.includes(id)) reading.fields.order.push(id);
}

/** The input a field problem belongs to: the field's own, or else the nearest enclosing one. */
export function linkedField(path: string, ids: Record<string, string>): string | undefined {
  const segments = path.split('.');
  for (let n = segments.length; n > 0; n--) {
    const id = ids[segments.slice(0, n).join('.')];
    if (id) return id;
  }
  return undefined;
}

/** The draft the form gives, read in the order the plan is read. */
export function draftFromForm(form: PlanForm, clinicalRole: boolean, personName: string): DraftReading {
  const reading: Reading = { fields: { ids: {}, order: [] }, problems: [], personName, clinicalRole };
  const parts: Record<string, unknown> = {};
  for (const part of PLAN_PARTS) {
    if (part === 'goals') parts.goals = goalsDraft(reading, form.goals);
    else if (part === 'reviewDate') parts.reviewDate = reviewDateOf(reading, form.reviewDate);
    else parts[part] = sectionDraft(reading, part, form.sections[part]);
  }
  const draft = { basedOnVersion: form.basedOnVersion, ...parts } as MyLifePlanDraftInput;
  return { draft, fields: reading.fields, problems: reading.problems };
}

const blank = (text: string) => text.trim() === '';

function sectionDraft(reading: Reading, section: PlanSection, entries: StatementEntry[]): DraftStatementInput[] {
  const kept = entries.flatMap((entry, i) => (!entry.saved && blank(entry.text) ? [] : [{ entry, place: [section, i] }]));
  return kept.map(({ entry, place }, at) => statementDraft(reading, section, entry, place, `${section}.${at}`));
}

/**
 * A statement this editor may write sends what they wrote; one they may only answer sends its
 * words as saved, with their comment, whose input is where its problems are shown.
 */
function statementDraft(reading: Reading, part: PlanSection | 'goals', entry: StatementEntry, place: Array<string | number>, path: string): DraftStatementInput {
  const mode = statementMode(part, entry, reading.clinicalRole);
  const comment = entry.comment.trim();
  if (mode === 'editable' || !entry.saved) {
    link(reading, path, planFieldId(...place, 'text'));
    if (!entry.saved && part !== 'goals') link(reading, `${path}.personsOwnWords`, planFieldId(...place, 'personsOwnWords'));
    const personsOwnWords = part === 'goals' || (entry.saved?.personsOwnWords ?? entry.personsOwnWords);
    return { ...(entry.saved ? { id: entry.saved.id } : {}), text: entry.text.trim(), personsOwnWords, newComments: [] };
  }
  link(reading, path, planFieldId(...place, 'comment'));
  const { id, text, personsOwnWords } = entry.saved;
  return { id, text, personsOwnWords, newComments: comment ? [{ text: comment }] : [] };
}

const blankDate = (date: DateParts) => blank(date.day) && blank(date.month) && blank(date.year);
const blankAction = (action: ActionEntry) =>
  !action.saved && blank(action.description) && action.whoKind === '' && blank(action.whoName) && blankDate(action.byWhen);
const blankGoal = (goal: GoalEntry) => !goal.id && blank(goal.words.text) && goal.domain === '' && goal.actions.every(blankAction);

function goalsDraft(reading: Reading, goals: GoalEntry[]): DraftGoalInput[] {
  const kept = goals.flatMap((goal, i) => (blankGoal(goal) ? [] : [{ goal, i }]));
  return kept.map(({ goal, i }, at) => {
    const path = `goals.${at}`;
    link(reading, path, planFieldId('goals', i, 'domain'));
    const inMyWords = statementDraft(reading, 'goals', goal.words, ['goals', i, 'inMyWords'], `${path}.inMyWords`);
    const kept = goal.actions.flatMap((action, a) => (blankAction(action) ? [] : [{ action, place: ['goals', i, 'actions', a] }]));
    const actions = kept.map(({ action, place }, n) => actionDraft(reading, action, place, `${path}.actions.${n}`));
    // A problem with the list as a whole (too many actions) is shown at the button below them.
    link(reading, `${path}.actions`, planFieldId('goals', i, 'addAction'));
    return {
      ...(goal.id ? { id: goal.id } : {}),
      // An unchosen part of life is sent as it is, so the plan's own rule says what to do.
      domain: goal.domain as GoalDomain,
      inMyWords: { ...inMyWords, personsOwnWords: true },
      actions,
    };
  });
}

function actionDraft(reading: Reading, action: ActionEntry, place: Array<string | number>, path: string): DraftActionInput {
  const [description, kind, name, byWhen] = ['description', 'whoKind', 'whoName', 'byWhen'].map((field) => planFieldId(...place, field)) as [string, string, string, string];
  link(reading, path, description);
  link(reading, `${path}.who`, kind);
  link(reading, `${path}.who.name`, name);
  link(reading, `${path}.byWhen`, `${byWhen}-day`, ...dateFieldIds(byWhen));
  const whoName = action.whoName.trim() || (action.whoKind === 'me' ? reading.personName : '');
  const saved = action.saved?.who;
  // The member of staff an action was linked to stays linked while it names the same person.
  const staffId = saved?.staffId && saved.kind === action.whoKind && saved.name === whoName ? saved.staffId : undefined;
  const date = dateOf(reading, action.byWhen, byWhen, 'The “by when” date');
  return {
    ...(action.saved ? { id: action.saved.id } : {}),
    description: action.description.trim(),
    who: { kind: action.whoKind as ActionDoer, name: whoName, ...(staffId ? { staffId } : {}) },
    ...(date ? { byWhen: date } : {}),
  };
}

function reviewDateOf(reading: Reading, parts: DateParts): string {
  const id = planFieldId('reviewDate');
  link(reading, 'reviewDate', `${id}-day`, ...dateFieldIds(id));
  const date = dateOf(reading, parts, id, 'The review date');
  if (!date && blankDate(parts)) reading.problems.push({ fieldId: `${id}-day`, message: 'Enter the date the plan will be looked at again with the person' });
  return date ?? '';
}

/** A date from its three inputs; undefined when left empty or when it cannot be read (a problem is noted). */
function dateOf(reading: Reading, parts: DateParts, id: string, label: string): string | undefined {
  const { date, problem } = dayFromParts(parts, label);
  if (problem) reading.problems.push({ fieldId: `${id}-${problem.parts[0] ?? 'day'}`, message: problem.message, dateParts: problem.parts });
  return date;
}

/** Problems linked to their inputs, in the order the form shows them; any with no input first. */
export function inFormOrder<E extends FormError>(errors: E[], order: string[]): E[] {
  const place = (error: E) => (error.fieldId ? order.indexOf(error.fieldId) : -1);
  return errors.map((error, i) => ({ error, i })).sort((a, b) => place(a.error) - place(b.error) || a.i - b.i).map(({ error }) => error);
}

/**
 * Every problem with the form before it is sent: the dates that could not be read, and what
 * the plan's own rules (the same the server applies) find in the draft.
 */
export function draftProblems(reading: DraftReading): PlanFormError[] {
  const parsed = myLifePlanDraftSchema.safeParse(reading.draft);
  const ruled = parsed.success
    ? []
    : parsed.error.issues
        // A review date left empty or unreadable is already named, in the words of the date input.
        .filter((issue) => !(issue.path[0] === 'reviewDate' && reading.draft.reviewDate === ''))
        .map((issue): PlanFormError => {
          const fieldId = linkedField(issue.path.map(String).join('.'), reading.fields.ids);
          return fieldId ? { fieldId, message: issue.message } : { message: issue.message };
        });
  return inFormOrder([...reading.problems, ...ruled], reading.fields.order);
}
