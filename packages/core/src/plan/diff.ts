/**
 * What changed between two versions of a My Life plan, in plain English, part by part in the
 * order the plan is read: for the "what changed" view, and for the body of a stale save's 409
 * ("what changed since your version"). Things are matched by id, so a reworded statement is
 * one change, not a removal and an addition. Moving a statement up or down is not a change.
 */
import type { GoalAction, Goal, MyLifePlanContent, PlanComment, Statement } from './content.js';
import { GOAL_DOMAIN_LABELS, PLAN_PART_TITLES, PLAN_PARTS, type PlanPart, type PlanSection } from './sections.js';
import { authorInWords, dateInWords, doerInWords, quote } from './words.js';

export const PLAN_CHANGE_KINDS = ['added', 'removed', 'changed'] as const;
export type PlanChangeKind = (typeof PLAN_CHANGE_KINDS)[number];

export const PLAN_CHANGE_SUBJECTS = ['statement', 'goal', 'action', 'comment', 'review_date'] as const;
export type PlanChangeSubject = (typeof PLAN_CHANGE_SUBJECTS)[number];

export interface PlanChange {
  part: PlanPart;
  kind: PlanChangeKind;
  subject: PlanChangeSubject;
  /** The id of the statement, goal, action or comment; none for the review date. */
  id?: string;
  /** The goal an action or a comment on a goal's words belongs to. */
  goalId?: string;
  before?: string;
  after?: string;
  /** One sentence, such as: Added to “What matters to me”: “Seeing my grandchildren”, in the person’s own words. */
  summary: string;
}

/** Every change from `older` (null before the first version) to `newer`. */
export function diffPlans(older: MyLifePlanContent | null, newer: MyLifePlanContent): PlanChange[] {
  return PLAN_PARTS.flatMap((part): PlanChange[] => {
    if (part === 'goals') return diffGoals(older?.goals ?? [], newer.goals);
    if (part === 'reviewDate') return diffReviewDate(older?.reviewDate, newer.reviewDate);
    return diffSection(part, older?.[part] ?? [], newer[part]);
  });
}

/** True when a save would change anything a reader of the plan could see. */
export function planChanged(older: MyLifePlanContent | null, newer: MyLifePlanContent): boolean {
  return diffPlans(older, newer).length > 0;
}

interface Matched<T> {
  added: T[];
  removed: T[];
  both: [T, T][];
}

function matchById<T extends { id: string }>(older: readonly T[], newer: readonly T[]): Matched<T> {
  const olderById = new Map(older.map((item) => [item.id, item]));
  const newerIds = new Set(newer.map((item) => item.id));
  return {
    added: newer.filter((item) => !olderById.has(item.id)),
    removed: older.filter((item) => !newerIds.has(item.id)),
    both: newer.flatMap((item): [T, T][] => {
      const was = olderById.get(item.id);
      return was ? [[was, item]] : [];
    }),
  };
}

const ownWords = (s: Statement) => (s.personsOwnWords ? ', in the person’s own words' : '');

function diffSection(part: PlanSection, older: readonly Statement[], newer: readonly Statement[]): PlanChange[] {
  const title = `“${PLAN_PART_TITLES[part]}”`;
  const { added, removed, both } = matchById(older, newer);
  const base = { part, subject: 'statement' as const };
  return [
    ...added.map((s): PlanChange => ({ ...base, kind: 'added', id: s.id, after: s.text, summary: `Added to ${title}: ${quote(s.text)}${ownWords(s)}.` })),
    ...both.flatMap(([was, now]) => statementChanged(part, `in ${title}`, was, now)),
    ...removed.map((s): PlanChange => ({ ...base, kind: 'removed', id: s.id, before: s.text, summary: `Removed from ${title}: ${quote(s.text)}.` })),
    ...newComments({ part }, (s) => `in ${title} on ${quote(s.text, 40)}`, older, newer),
  ];
}

function statementChanged(part: PlanPart, where: string, was: Statement, now: Statement, goalId?: string): PlanChange[] {
  if (was.text === now.text && was.personsOwnWords === now.personsOwnWords) return [];
  const base = { part, kind: 'changed' as const, subject: 'statement' as const, id: now.id, ...(goalId ? { goalId } : {}) };
  if (was.text !== now.text) {
    const summary = `Changed ${where}: ${quote(was.text)} now reads ${quote(now.text)}${ownWords(now)}.`;
    return [{ ...base, before: was.text, after: now.text, summary }];
  }
  const marked = now.personsOwnWords ? 'is now marked as the person’s own words' : 'is no longer marked as the person’s own words';
  return [{ ...base, summary: `Changed ${where}: ${quote(now.text)} ${marked}.` }];
}

/**
 * Comments new on each statement of the newer version, and any gone from a statement in both
 * (a save never removes one, but two stored versions are compared as they are). A removed
 * statement's comments go with it, unmentioned.
 */
function newComments(
  at: { part: PlanPart; goalId?: string },
  on: (statement: Statement) => string,
  older: readonly Statement[],
  newer: readonly Statement[],
): PlanChange[] {
  const olderById = new Map(older.map((s) => [s.id, s]));
  const base = { ...at, subject: 'comment' as const };
  return newer.flatMap((statement) => {
    const { added, removed } = matchById<PlanComment>(olderById.get(statement.id)?.comments ?? [], statement.comments);
    const from = (c: PlanComment) => `Comment ${on(statement)} from ${authorInWords(c.by)}: ${quote(c.text)}.`;
    return [
      ...added.map((c): PlanChange => ({ ...base, kind: 'added', id: c.id, after: c.text, summary: from(c) })),
      ...removed.map((c): PlanChange => ({ ...base, kind: 'removed', id: c.id, before: c.text, summary: `Comment removed ${on(statement)}: ${quote(c.text)}.` })),
    ];
  });
}

const goalName = (goal: Goal) => `(${GOAL_DOMAIN_LABELS[goal.domain]}) ${quote(goal.inMyWords.text)}`;
const onGoal = (goal: Goal) => `the goal ${quote(goal.inMyWords.text, 40)}`;

function diffGoals(older: readonly Goal[], newer: readonly Goal[]): PlanChange[] {
  const { added, removed, both } = matchById(older, newer);
  const base = { part: 'goals' as const, subject: 'goal' as const };
  return [
    ...added.flatMap((g): PlanChange[] => [
      { ...base, kind: 'added', id: g.id, goalId: g.id, after: g.inMyWords.text, summary: `New goal ${goalName(g)}.` },
      ...newComments({ part: 'goals', goalId: g.id }, () => `on ${onGoal(g)}`, [], [g.inMyWords]),
      ...diffActions(g, [], g.actions),
    ]),
    ...both.flatMap(([was, now]) => [
      ...goalMoved(was, now),
      ...statementChanged('goals', 'a goal', was.inMyWords, now.inMyWords, now.id),
      ...newComments({ part: 'goals', goalId: now.id }, () => `on ${onGoal(was)}`, [was.inMyWords], [now.inMyWords]),
      ...diffActions(was, was.actions, now.actions),
    ]),
    ...removed.map((g): PlanChange => ({ ...base, kind: 'removed', id: g.id, goalId: g.id, before: g.inMyWords.text, summary: `Goal removed ${goalName(g)}.` })),
  ];
}

function goalMoved(was: Goal, now: Goal): PlanChange[] {
  if (was.domain === now.domain) return [];
  const [from, to] = [GOAL_DOMAIN_LABELS[was.domain], GOAL_DOMAIN_LABELS[now.domain]];
  const summary = `Goal ${quote(now.inMyWords.text)} moved from ${from} to ${to}.`;
  return [{ part: 'goals', kind: 'changed', subject: 'goal', id: now.id, goalId: now.id, before: from, after: to, summary }];
}

const actionInWords = (a: GoalAction) => `${quote(a.description)}, done by ${doerInWords(a.who)}${a.byWhen ? ` by ${dateInWords(a.byWhen)}` : ''}`;

function diffActions(goal: Goal, older: readonly GoalAction[], newer: readonly GoalAction[]): PlanChange[] {
  const { added, removed, both } = matchById(older, newer);
  const base = { part: 'goals' as const, subject: 'action' as const, goalId: goal.id };
  const where = `for ${onGoal(goal)}`;
  return [
    ...added.map((a): PlanChange => ({ ...base, kind: 'added', id: a.id, after: actionInWords(a), summary: `New action ${where}: ${actionInWords(a)}.` })),
    ...both.flatMap(([was, now]): PlanChange[] => {
      const what = actionDifferences(was, now);
      if (what.length === 0) return [];
      const summary = `Action ${quote(was.description, 40)} ${where}: ${what.join('; ')}.`;
      return [{ ...base, kind: 'changed', id: now.id, before: actionInWords(was), after: actionInWords(now), summary }];
    }),
    ...removed.map((a): PlanChange => ({ ...base, kind: 'removed', id: a.id, before: actionInWords(a), summary: `Action removed ${where}: ${quote(a.description)}.` })),
  ];
}

function actionDifferences(was: GoalAction, now: GoalAction): string[] {
  const what: string[] = [];
  if (was.description !== now.description) what.push(`now reads ${quote(now.description)}`);
  const sameDoer = was.who.kind === now.who.kind && was.who.name === now.who.name && was.who.staffId === now.who.staffId;
  if (!sameDoer) what.push(`now done by ${doerInWords(now.who)}`);
  if (was.byWhen !== now.byWhen) what.push(now.byWhen ? `now by ${dateInWords(now.byWhen)}` : 'no longer has a date');
  return what;
}

function diffReviewDate(older: string | undefined, newer: string): PlanChange[] {
  if (older === newer) return [];
  const base = { part: 'reviewDate' as const, subject: 'review_date' as const, after: newer };
  if (older === undefined) return [{ ...base, kind: 'added', summary: `Review date set for ${dateInWords(newer)}.` }];
  return [{ ...base, kind: 'changed', before: older, summary: `Review date moved from ${dateInWords(older)} to ${dateInWords(newer)}.` }];
}
