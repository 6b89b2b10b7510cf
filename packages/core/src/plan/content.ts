/**
 * The stored content of one version of a My Life plan. Every statement carries who wrote it,
 * when, and whether it is the person's own words, because the plan is written *with* the
 * person: a reader must always be able to tell the person's voice from a professional's.
 * Comments are how anyone answers a statement they may not change; they are never edited.
 */
import { z } from 'zod';
import { isIsoDate } from '../people/dates.js';
import { STAFF_ROLES } from '../registry/roles.js';
import { ACTION_DOERS, GOAL_DOMAINS, PLAN_SECTIONS, type PlanSection } from './sections.js';

export const PLAN_LIMITS = {
  statementLength: 2000,
  commentLength: 1000,
  actionLength: 500,
  nameLength: 200,
  statementsPerSection: 50,
  commentsPerSave: 20,
  goals: 30,
  actionsPerGoal: 20,
} as const;

const id = z.string().min(1).max(100);
const instant = z.iso.datetime({ offset: true, message: 'Must be a date and time' });
export const planDateSchema = z.string('Give a date').refine(isIsoDate, 'Give a real date, written as YYYY-MM-DD');

/** Who wrote a statement or a comment: a member of staff (in the role they wrote under) or the person. */
export const planAuthorSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('staff'), staffId: id, name: z.string().min(1), role: z.enum(STAFF_ROLES) }),
  z.strictObject({ kind: z.literal('person') }),
]);
export type PlanAuthor = z.infer<typeof planAuthorSchema>;

export const planCommentSchema = z.strictObject({ id, text: z.string().min(1), by: planAuthorSchema, at: instant });
export type PlanComment = z.infer<typeof planCommentSchema>;

/**
 * One statement. `personsOwnWords` with a staff author means the member of staff recorded
 * what the person said, word for word: read it as "recorded by Sam Patel, in my own words".
 */
export const statementSchema = z.strictObject({
  id,
  text: z.string().min(1),
  personsOwnWords: z.boolean(),
  writtenBy: planAuthorSchema,
  writtenAt: instant,
  comments: z.array(planCommentSchema),
});
export type Statement = z.infer<typeof statementSchema>;

/** Who does an action: me, my family, a named professional (linked to staff when known) or a community service. */
export const actionDoerSchema = z.strictObject({
  kind: z.enum(ACTION_DOERS),
  name: z.string().min(1),
  staffId: id.optional(),
});
export type ActionDoerRef = z.infer<typeof actionDoerSchema>;

export const goalActionSchema = z.strictObject({
  id,
  description: z.string().min(1),
  who: actionDoerSchema,
  byWhen: planDateSchema.optional(),
});
export type GoalAction = z.infer<typeof goalActionSchema>;

/** A goal is always in the person's words; staff who write it down record those words verbatim. */
export const goalSchema = z.strictObject({
  id,
  domain: z.enum(GOAL_DOMAINS),
  inMyWords: statementSchema.extend({ personsOwnWords: z.literal(true) }),
  actions: z.array(goalActionSchema),
});
export type Goal = z.infer<typeof goalSchema>;

const sections = Object.fromEntries(PLAN_SECTIONS.map((section) => [section, z.array(statementSchema)])) as Record<
  PlanSection,
  z.ZodArray<typeof statementSchema>
>;

/**
 * Every section is always present, if only as an empty list: `endOfLife` stays empty unless
 * the person wishes to say, and an absent section could never be told from one emptied.
 */
export const myLifePlanContentSchema = z.strictObject({
  ...sections,
  goals: z.array(goalSchema),
  reviewDate: planDateSchema,
});
export type MyLifePlanContent = z.infer<typeof myLifePlanContentSchema>;
