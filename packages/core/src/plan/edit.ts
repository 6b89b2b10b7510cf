/**
 * Saving a My Life plan: the previous content and a draft give the next content. Statements
 * the draft leaves as they were keep who wrote them and when; new and changed ones are
 * stamped with the editor and the time. New comments are appended, never edited. The rules of
 * who may write what are in locks.ts.
 *
 * Nothing is saved in part: bad input is one 400 naming every field at fault, and a write the
 * editor may not make is one 403 naming every statement refused. The version check (a stale
 * save is a 409) comes before this, in versions.ts.
 */
import type { FieldProblem } from '../errors.js';
import type { Goal, GoalAction, MyLifePlanContent, PlanAuthor, PlanComment, Statement } from './content.js';
import { parsePlanDraft, type DraftAction, type DraftGoal, type DraftStatement, type MyLifePlanDraftInput } from './draft.js';
import { authorOf, statementRefusal, type PlanEditor, type PlanWrite } from './locks.js';
import { planError } from './problems.js';
import { PLAN_SECTIONS, type PlanSection } from './sections.js';

export interface PlanEdit {
  /** The current content, or null for a first save. */
  previous: MyLifePlanContent | null;
  draft: MyLifePlanDraftInput;
  editor: PlanEditor;
  now: Date;
  /** Gives the id of each new statement, comment, goal and action, in the order they are met. */
  newId: () => string;
}

interface Save {
  editor: PlanEditor;
  author: PlanAuthor;
  at: string;
  newId: () => string;
  invalid: FieldProblem[];
  refused: FieldProblem[];
}

/** The next content of the plan, or a DomainError: 400 for bad input, 403 for a refused write. */
export function applyPlanEdit(edit: PlanEdit): MyLifePlanContent {
  const draft = parsePlanDraft(edit.draft);
  const save: Save = {
    editor: edit.editor,
    author: authorOf(edit.editor),
    at: edit.now.toISOString(),
    newId: edit.newId,
    invalid: [],
    refused: [],
  };
  const sections = Object.fromEntries(
    PLAN_SECTIONS.map((section) => [section, mergeSection(save, section, edit.previous?.[section] ?? [], draft[section])]),
  ) as Record<PlanSection, Statement[]>;
  const goals = mergeGoals(save, edit.previous?.goals ?? [], draft.goals);
  if (save.invalid.length > 0) throw planError('invalid', save.invalid);
  if (save.refused.length > 0) throw planError('forbidden', save.refused);
  return { ...sections, goals, reviewDate: draft.reviewDate };
}

function refuse(save: Save, field: string, part: PlanSection | 'goals', write: PlanWrite, existing?: Statement): boolean {
  const reason = statementRefusal(save.editor, part, write, existing);
  if (reason !== undefined) save.refused.push({ field, reason });
  return reason !== undefined;
}

/** Looks up the thing a draft item names by id; an id not in this part of the plan is bad input. */
function existingFor<T extends { id: string }>(save: Save, byId: Map<string, T>, id: string | undefined, field: string, what: string): T | undefined {
  if (id === undefined) return undefined;
  const found = byId.get(id);
  if (found === undefined) save.invalid.push({ field: `${field}.id`, reason: `No such ${what} in this part of the plan` });
  return found;
}

const byId = <T extends { id: string }>(items: readonly T[]) => new Map(items.map((item) => [item.id, item]));

function mergeSection(save: Save, section: PlanSection, previous: readonly Statement[], draft: readonly DraftStatement[]): Statement[] {
  const old = byId(previous);
  const merged = draft.map((statement, i) => {
    const field = `${section}.${i}`;
    return mergeStatement(save, section, field, existingFor(save, old, statement.id, field, 'statement'), statement);
  });
  refuseRemovals(save, section, previous, draft);
  return merged;
}

function refuseRemovals(save: Save, section: PlanSection, previous: readonly Statement[], draft: readonly DraftStatement[]): void {
  const kept = new Set(draft.map((s) => s.id));
  for (const statement of previous) {
    if (!kept.has(statement.id)) refuse(save, section, section, 'remove', statement);
  }
}

/** True when the draft changes what the statement says, or (staff only) whose words it is. */
function changes(save: Save, existing: Statement, draft: DraftStatement): boolean {
  if (existing.text !== draft.text) return true;
  return save.editor.kind !== 'person' && existing.personsOwnWords !== draft.personsOwnWords;
}

function mergeStatement(save: Save, part: PlanSection | 'goals', field: string, existing: Statement | undefined, draft: DraftStatement): Statement {
  const comments = [...(existing?.comments ?? []), ...draft.newComments.map((c) => comment(save, c.text))];
  if (existing !== undefined && !changes(save, existing, draft)) return { ...existing, comments };
  if (existing === undefined ? refuse(save, field, part, 'add') : refuse(save, field, part, 'change', existing)) {
    // Refused: the save will be thrown away, but the rest is still read to name every refusal at once.
    return { ...(existing ?? stamped(save, draft, '')), comments };
  }
  return { ...stamped(save, draft, existing?.id ?? save.newId()), comments };
}

function stamped(save: Save, draft: DraftStatement, id: string): Statement {
  const personsOwnWords = save.editor.kind === 'person' ? true : draft.personsOwnWords;
  return { id, text: draft.text, personsOwnWords, writtenBy: save.author, writtenAt: save.at, comments: [] };
}

function comment(save: Save, text: string): PlanComment {
  return { id: save.newId(), text, by: save.author, at: save.at };
}

function mergeGoals(save: Save, previous: readonly Goal[], draft: readonly DraftGoal[]): Goal[] {
  const old = byId(previous);
  const merged = draft.map((goal, i) => mergeGoal(save, `goals.${i}`, existingFor(save, old, goal.id, `goals.${i}`, 'goal'), goal));
  const kept = new Set(draft.map((g) => g.id));
  for (const goal of previous) {
    if (!kept.has(goal.id)) refuse(save, 'goals', 'goals', 'remove', goal.inMyWords);
  }
  return merged;
}

function mergeGoal(save: Save, field: string, existing: Goal | undefined, draft: DraftGoal): Goal {
  const wordsField = `${field}.inMyWords`;
  const oldWords = existing?.inMyWords;
  // A goal's words are found through the goal, so they can never be swapped between goals.
  if (draft.inMyWords.id !== undefined && draft.inMyWords.id !== oldWords?.id) {
    save.invalid.push({ field: `${wordsField}.id`, reason: 'These are not this goal’s words' });
  }
  const words = mergeStatement(save, 'goals', wordsField, oldWords, { ...draft.inMyWords, id: oldWords?.id });
  const actions = mergeActions(save, field, existing?.actions ?? [], draft.actions);
  return { id: existing?.id ?? save.newId(), domain: draft.domain, inMyWords: { ...words, personsOwnWords: true }, actions };
}

/** Actions are agreed with the person and changed freely by anyone writing the plan; the version history keeps who. */
function mergeActions(save: Save, field: string, previous: readonly GoalAction[], draft: readonly DraftAction[]): GoalAction[] {
  const old = byId(previous);
  return draft.map((action, i) => {
    const existing = existingFor(save, old, action.id, `${field}.actions.${i}`, 'action');
    const who = { kind: action.who.kind, name: action.who.name, ...(action.who.staffId ? { staffId: action.who.staffId } : {}) };
    return {
      id: existing?.id ?? save.newId(),
      description: action.description,
      who,
      ...(action.byWhen ? { byWhen: action.byWhen } : {}),
    };
  });
}
