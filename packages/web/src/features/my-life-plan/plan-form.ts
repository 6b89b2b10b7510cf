/**
 * The plan editor's state: every part of the plan as the editor sees it while writing, with
 * what each statement was when opened, so the form can tell what this editor may change.
 */
import {
  isClinicalSection,
  isPersonsOwnWords,
  PLAN_SECTIONS,
  type ActionDoer,
  type GoalAction,
  type GoalDomain,
  type PlanSection,
  type Statement,
} from '@kith/core';
import type { DateParts } from '../../components/DateInput';
import { partsOfDate } from '../people/search-criteria';
import type { PlanView } from './types';

export interface StatementEntry {
  /** React's key: the statement's id, or one made up for a new statement. */
  key: string;
  /** The statement as saved, when it is already in the plan. */
  saved?: Statement;
  text: string;
  personsOwnWords: boolean;
  /** A comment to add: how anyone answers words they may not change. */
  comment: string;
}

export interface ActionEntry {
  key: string;
  saved?: GoalAction;
  description: string;
  whoKind: ActionDoer | '';
  whoName: string;
  byWhen: DateParts;
}

export interface GoalEntry {
  key: string;
  id?: string;
  domain: GoalDomain | '';
  words: StatementEntry;
  actions: ActionEntry[];
}

export interface PlanForm {
  /** The version opened: the save is based on it, so a newer save by someone else is never overwritten. */
  basedOnVersion: number;
  sections: Record<PlanSection, StatementEntry[]>;
  goals: GoalEntry[];
  reviewDate: DateParts;
}

/** How the editor may treat a statement: write in it, or only answer it with a comment. */
export type StatementMode = 'editable' | 'ownWords' | 'clinical';

let made = 0;
const newKey = () => `new-${++made}`;

const NO_DATE: DateParts = { day: '', month: '', year: '' };

export function newStatement(): StatementEntry {
  return { key: newKey(), text: '', personsOwnWords: false, comment: '' };
}

export function newAction(): ActionEntry {
  return { key: newKey(), description: '', whoKind: '', whoName: '', byWhen: NO_DATE };
}

export function newGoal(): GoalEntry {
  return { key: newKey(), domain: '', words: { ...newStatement(), personsOwnWords: true }, actions: [newAction()] };
}

/** May this editor add statements to the section? Clinical sections only with a clinical role. */
export function mayAddTo(section: PlanSection, clinicalRole: boolean): boolean {
  return clinicalRole || !isClinicalSection(section);
}

/**
 * Staff never change the person's own words, and write in a clinical section only with a
 * clinical role; a new statement is always theirs to write (where they may add at all).
 */
export function statementMode(part: PlanSection | 'goals', entry: StatementEntry, clinicalRole: boolean): StatementMode {
  if (!entry.saved) return 'editable';
  if (part === 'goals' || isPersonsOwnWords(entry.saved)) return 'ownWords';
  return mayAddTo(part, clinicalRole) ? 'editable' : 'clinical';
}

const statementEntry = (saved: Statement): StatementEntry => ({
  key: saved.id,
  saved,
  text: saved.text,
  personsOwnWords: saved.personsOwnWords,
  comment: '',
});

const actionEntry = (saved: GoalAction): ActionEntry => ({
  key: saved.id,
  saved,
  description: saved.description,
  whoKind: saved.who.kind,
  whoName: saved.who.name,
  byWhen: partsOfDate(saved.byWhen),
});

/**
 * The form for the plan as read. An empty section the editor may write in starts with one
 * empty statement, and a plan with no goals with one empty goal, so there is somewhere to
 * start writing; whatever is left empty is not saved.
 */
export function formFromPlan(view: PlanView, clinicalRole: boolean): PlanForm {
  const { content } = view;
  const sections = Object.fromEntries(
    PLAN_SECTIONS.map((section) => {
      const saved = content[section].map(statementEntry);
      const start = saved.length === 0 && mayAddTo(section, clinicalRole) ? [newStatement()] : [];
      return [section, [...saved, ...start]];
    }),
  ) as Record<PlanSection, StatementEntry[]>;
  const goals = content.goals.map(
    (goal): GoalEntry => ({ key: goal.id, id: goal.id, domain: goal.domain, words: statementEntry(goal.inMyWords), actions: goal.actions.map(actionEntry) }),
  );
  return {
    basedOnVersion: view.version,
    sections,
    goals: goals.length > 0 ? goals : [newGoal()],
    reviewDate: partsOfDate(content.reviewDate ?? undefined),
  };
}

/** The form with one statement of a section changed; `undefined` removes it. */
export function withStatement(form: PlanForm, section: PlanSection, index: number, entry: StatementEntry | undefined): PlanForm {
  return { ...form, sections: { ...form.sections, [section]: replaced(form.sections[section], index, entry) } };
}

export function withGoal(form: PlanForm, index: number, goal: GoalEntry | undefined): PlanForm {
  return { ...form, goals: replaced(form.goals, index, goal) };
}

export function withAction(goal: GoalEntry, index: number, action: ActionEntry | undefined): GoalEntry {
  return { ...goal, actions: replaced(goal.actions, index, action) };
}

/** A list with the item at `index` replaced, removed (undefined), or added (index at the end). */
function replaced<T>(items: readonly T[], index: number, item: T | undefined): T[] {
  const next = [...items];
  if (item === undefined) next.splice(index, 1);
  else next[index] = item;
  return next;
}
