/**
 * What a client sends to save a My Life plan: the whole plan as the editor now sees it, and
 * the version it was based on. Statements, goals and actions already in the plan carry their
 * id; new ones carry none (the server gives them one). Existing comments are not sent back:
 * comments are only ever added, as `newComments` on the statement they answer.
 *
 * Every section must be sent, if only as an empty list, so that leaving a section out can
 * never be read as emptying it.
 */
import { z } from 'zod';
import { isIsoDate } from '../people/dates.js';
import { PLAN_LIMITS, type Goal, type MyLifePlanContent, type Statement } from './content.js';
import { parseOrThrow } from './problems.js';
import { ACTION_DOERS, GOAL_DOMAINS, PLAN_PART_TITLES, PLAN_SECTIONS, type PlanSection } from './sections.js';

const L = PLAN_LIMITS;
const n = (value: number) => value.toLocaleString('en-GB');

const id = z.string('Must be an id').min(1, 'Must be an id').max(100, 'Must be an id');

const comment = z.strictObject({
  text: z
    .string('Write the comment')
    .trim()
    .min(1, 'Write the comment')
    .max(L.commentLength, `Keep a comment to ${n(L.commentLength)} characters or fewer`),
});

const newComments = z.array(comment, 'Give new comments as a list').max(L.commentsPerSave, `Add ${L.commentsPerSave} comments or fewer at a time`);

const statementText = (missing: string) =>
  z
    .string(missing)
    .trim()
    .min(1, missing)
    .max(L.statementLength, `Keep a statement to ${n(L.statementLength)} characters or fewer`);

export const draftStatementSchema = z.strictObject({
  id: id.optional(),
  text: statementText('Write the statement, or remove it'),
  personsOwnWords: z.boolean('Say whether these are the person’s own words'),
  newComments: newComments.default([]),
});
export type DraftStatement = z.output<typeof draftStatementSchema>;

/** A goal's words must be the person's: staff record them as said, word for word. */
const GOAL_WORDS = 'Write the goal in the person’s own words';
export const draftGoalWordsSchema = z.strictObject(
  {
    id: id.optional(),
    text: statementText(GOAL_WORDS),
    personsOwnWords: z.literal(true, 'A goal must be in the person’s own words: record what they said, word for word'),
    newComments: newComments.default([]),
  },
  GOAL_WORDS,
);

export const draftActionSchema = z.strictObject({
  id: id.optional(),
  description: z
    .string('Say what will be done')
    .trim()
    .min(1, 'Say what will be done')
    .max(L.actionLength, `Keep an action to ${n(L.actionLength)} characters or fewer`),
  who: z.strictObject(
    {
      kind: z.enum(ACTION_DOERS, 'Choose who does it: me, my family, a professional or a community service'),
      name: z
        .string('Name who does it')
        .trim()
        .min(1, 'Name who does it')
        .max(L.nameLength, `Keep the name to ${n(L.nameLength)} characters or fewer`),
      staffId: z.uuid('Choose a member of staff').optional(),
    },
    'Say who does it',
  ),
  byWhen: z.string('Give a date').refine(isIsoDate, 'Give a real date, written as YYYY-MM-DD').optional(),
});
export type DraftAction = z.output<typeof draftActionSchema>;

export const draftGoalSchema = z.strictObject({
  id: id.optional(),
  domain: z.enum(GOAL_DOMAINS, 'Choose the part of life the goal is about'),
  inMyWords: draftGoalWordsSchema,
  actions: z
    .array(draftActionSchema, 'Give the actions as a list')
    .max(L.actionsPerGoal, `Give ${L.actionsPerGoal} actions or fewer for a goal`)
    .default([]),
});
export type DraftGoal = z.output<typeof draftGoalSchema>;

const sectionList = (section: PlanSection) =>
  z
    .array(draftStatementSchema, `Give “${PLAN_PART_TITLES[section]}” as a list, empty if there is nothing to say`)
    .max(L.statementsPerSection, `Keep “${PLAN_PART_TITLES[section]}” to ${L.statementsPerSection} statements or fewer`);

const sections = Object.fromEntries(PLAN_SECTIONS.map((section) => [section, sectionList(section)])) as {
  [S in PlanSection]: ReturnType<typeof sectionList>;
};

const draftObject = z.strictObject({
  basedOnVersion: z
    .int('Give the version this plan was based on: 0 for a new plan')
    .min(0, 'Give the version this plan was based on: 0 for a new plan'),
  reviewDate: z.string('Give a review date').refine(isIsoDate, 'Give the review date as a real date, written as YYYY-MM-DD'),
  ...sections,
  goals: z.array(draftGoalSchema, 'Give the goals as a list').max(L.goals, `Give ${L.goals} goals or fewer`),
});
type Draft = z.output<typeof draftObject>;

export const myLifePlanDraftSchema = draftObject.superRefine((draft, ctx) => {
  for (const { path, message } of repeatedIds(draft)) ctx.addIssue({ code: 'custom', path, message });
});
export type MyLifePlanDraftInput = z.input<typeof myLifePlanDraftSchema>;
export type MyLifePlanDraft = z.output<typeof myLifePlanDraftSchema>;

/** A draft, or a 400 naming every field at fault. */
export function parsePlanDraft(input: unknown): MyLifePlanDraft {
  return parseOrThrow(myLifePlanDraftSchema, input);
}

/** The draft an editor starts from: the plan as it stands at `basedOnVersion`, with nothing new. */
export function planAsDraft(plan: MyLifePlanContent, basedOnVersion: number): MyLifePlanDraft {
  const sectionDrafts = Object.fromEntries(PLAN_SECTIONS.map((section) => [section, plan[section].map(statementAsDraft)])) as Record<
    PlanSection,
    DraftStatement[]
  >;
  return { basedOnVersion, reviewDate: plan.reviewDate, ...sectionDrafts, goals: plan.goals.map(goalAsDraft) };
}

function statementAsDraft(statement: Statement): DraftStatement {
  return { id: statement.id, text: statement.text, personsOwnWords: statement.personsOwnWords, newComments: [] };
}

function goalAsDraft(goal: Goal): DraftGoal {
  return {
    id: goal.id,
    domain: goal.domain,
    inMyWords: { ...statementAsDraft(goal.inMyWords), personsOwnWords: true },
    actions: goal.actions.map((action) => ({ ...action, who: { ...action.who } })),
  };
}

type Listed = { path: (string | number)[]; id: string | undefined; kind: 'statement' | 'goal' | 'action' };

/** Each id sent twice, at its second listing: one thing cannot be in two places. */
function repeatedIds(draft: Draft): { path: (string | number)[]; message: string }[] {
  const seen = new Set<string>();
  const repeats: { path: (string | number)[]; message: string }[] = [];
  for (const item of idsOf(draft)) {
    if (item.id === undefined) continue;
    const key = `${item.kind}:${item.id}`;
    if (seen.has(key)) repeats.push({ path: [...item.path, 'id'], message: `This ${item.kind} is listed twice` });
    seen.add(key);
  }
  return repeats;
}

function idsOf(draft: Draft): Listed[] {
  const inSections = PLAN_SECTIONS.flatMap((section) =>
    draft[section].map((s, i): Listed => ({ path: [section, i], id: s.id, kind: 'statement' })),
  );
  const inGoals = draft.goals.flatMap((goal, g): Listed[] => [
    { path: ['goals', g], id: goal.id, kind: 'goal' },
    { path: ['goals', g, 'inMyWords'], id: goal.inMyWords.id, kind: 'statement' },
    ...goal.actions.map((a, i): Listed => ({ path: ['goals', g, 'actions', i], id: a.id, kind: 'action' })),
  ]);
  return [...inSections, ...inGoals];
}
