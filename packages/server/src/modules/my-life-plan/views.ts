/**
 * What the My Life plan routes answer, as zod schemas: responses are serialised through them,
 * so nothing outside them leaves. The plan's content is core's; the rest (who saved, the
 * agreement, progress, history and what changed) is shaped here.
 *
 * Agreements and progress records keep who recorded them but not the role they held, so a
 * recorder is shown by name; a plan statement keeps its author's role in the content itself.
 */
import {
  GOAL_DOMAINS,
  GOAL_STATUSES,
  PLAN_AGREEMENT_METHODS,
  PLAN_CHANGE_KINDS,
  PLAN_CHANGE_SUBJECTS,
  PLAN_PARTS,
  PLAN_REVIEW_STATES,
  myLifePlanContentSchema,
  planDateSchema,
} from '@kith/core';
import { z } from 'zod';

const instant = z.iso.datetime({ offset: true });

/** Who recorded something: a member of staff by name, or the person themselves (through the portal). */
export const recorderSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), staffId: z.uuid(), name: z.string() }),
  z.object({ kind: z.literal('person') }),
]);
export type Recorder = z.infer<typeof recorderSchema>;

export const agreementViewSchema = z.object({
  version: z.int().min(1),
  how: z.enum(PLAN_AGREEMENT_METHODS),
  agreedOn: z.iso.date(),
  note: z.string().optional(),
  recordedAt: instant,
  recordedBy: recorderSchema,
});
export type AgreementView = z.infer<typeof agreementViewSchema>;

export const progressPointSchema = z.object({
  status: z.enum(GOAL_STATUSES),
  at: instant,
  note: z.string().optional(),
  recordedBy: recorderSchema,
});

export const goalProgressSeriesSchema = z.object({
  goalId: z.string(),
  goal: z.object({ domain: z.enum(GOAL_DOMAINS), inMyWords: z.string() }),
  since: instant,
  points: z.array(progressPointSchema),
  current: z.enum(GOAL_STATUSES),
});
export type GoalProgressSeriesView = z.infer<typeof goalProgressSeriesSchema>;

/** The plan's content; before the first save every part is empty and there is no review date yet. */
export const planContentViewSchema = myLifePlanContentSchema.extend({ reviewDate: planDateSchema.nullable() });

export const savedSchema = z.object({ by: recorderSchema, organisationName: z.string().nullable(), at: instant });

/** The plan as everyone with access reads it: version 0 and empty until the first save. */
export const planViewSchema = z.object({
  personId: z.uuid(),
  version: z.int().min(0),
  content: planContentViewSchema,
  reviewDate: z.iso.date().nullable(),
  reviewState: z.enum(PLAN_REVIEW_STATES).nullable(),
  lastSaved: savedSchema.nullable(),
  /** The person's agreement to the current version, when given. */
  agreement: agreementViewSchema.nullable(),
  goalProgress: z.array(goalProgressSeriesSchema),
});
export type PlanView = z.infer<typeof planViewSchema>;

export const planHistorySchema = z.object({
  versions: z.array(
    z.object({
      version: z.int().min(1),
      basedOn: z.int().min(0),
      savedBy: recorderSchema,
      organisationName: z.string().nullable(),
      savedAt: instant,
      reviewDate: z.iso.date().nullable(),
      agreed: z.boolean(),
    }),
  ),
});

export const planVersionSchema = z.object({
  personId: z.uuid(),
  version: z.int().min(1),
  basedOn: z.int().min(0),
  saved: savedSchema,
  content: myLifePlanContentSchema,
  agreement: agreementViewSchema.nullable(),
});

export const planChangeSchema = z.object({
  part: z.enum(PLAN_PARTS),
  kind: z.enum(PLAN_CHANGE_KINDS),
  subject: z.enum(PLAN_CHANGE_SUBJECTS),
  id: z.string().optional(),
  goalId: z.string().optional(),
  before: z.string().optional(),
  after: z.string().optional(),
  summary: z.string(),
});

export const planDiffSchema = z.object({ from: z.int().min(1), to: z.int().min(1), changes: z.array(planChangeSchema) });

/** The current plan as a file for another system: the plan, its agreement and progress, and when it was exported. */
export const planExportSchema = planViewSchema.omit({ content: true }).extend({
  content: myLifePlanContentSchema,
  exportedAt: instant,
});
