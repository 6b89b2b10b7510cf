/**
 * Progress towards each goal, recorded over time and shown as a simple chart: per goal, the
 * statuses in the order they were recorded, from the day the goal was written down. A goal
 * with no record yet has not started. "Changed" is how a goal that no longer fits is closed:
 * the person's words cannot be removed by staff (locks.ts), so the goal stays, marked changed,
 * and a new goal is written beside it.
 *
 * Records are kept apart from the plan's versions, since progress is not an edit of the plan
 * and needs no agreement. A record for a goal later removed stays stored but is not charted.
 */
import { z } from 'zod';
import { planAuthorSchema, type Goal, type MyLifePlanContent, type PlanAuthor } from './content.js';
import { authorOf, type PlanEditor } from './locks.js';
import { parseOrThrow, planError } from './problems.js';

export const GOAL_STATUSES = ['not_started', 'in_progress', 'achieved', 'changed'] as const;
export type GoalStatus = (typeof GOAL_STATUSES)[number];

export const GOAL_STATUS_LABELS: Readonly<Record<GoalStatus, string>> = {
  not_started: 'Not started',
  in_progress: 'In progress',
  achieved: 'Achieved',
  changed: 'Changed',
};

export const GOAL_PROGRESS_NOTE_MAX_LENGTH = 1000;

/** What a client sends to record progress on one goal. */
export const goalProgressInputSchema = z.strictObject({
  goalId: z.string('Choose a goal').min(1, 'Choose a goal').max(100, 'Choose a goal'),
  status: z.enum(GOAL_STATUSES, 'Choose not started, in progress, achieved or changed'),
  note: z
    .string('Must be text')
    .trim()
    .max(GOAL_PROGRESS_NOTE_MAX_LENGTH, `Keep the note to ${GOAL_PROGRESS_NOTE_MAX_LENGTH.toLocaleString('en-GB')} characters or fewer`)
    .optional(),
});
export type GoalProgressInput = z.input<typeof goalProgressInputSchema>;

export const goalProgressRecordSchema = z.strictObject({
  goalId: z.string().min(1),
  status: z.enum(GOAL_STATUSES),
  note: z.string().optional(),
  recordedAt: z.iso.datetime({ offset: true }),
  recordedBy: planAuthorSchema,
});
export type GoalProgressRecord = z.infer<typeof goalProgressRecordSchema>;

export interface GoalProgressRecording {
  input: unknown;
  /** The current content of the plan, whose goals the record must name. */
  plan: MyLifePlanContent;
  editor: PlanEditor;
  now: Date;
}

/** A progress record stamped with who and when, or a 400 naming the field at fault. */
export function recordGoalProgress(recording: GoalProgressRecording): GoalProgressRecord {
  const input = parseOrThrow(goalProgressInputSchema, recording.input);
  if (!recording.plan.goals.some((goal) => goal.id === input.goalId)) {
    throw planError('invalid', [{ field: 'goalId', reason: 'No such goal in this plan' }]);
  }
  return {
    goalId: input.goalId,
    status: input.status,
    ...(input.note ? { note: input.note } : {}),
    recordedAt: recording.now.toISOString(),
    recordedBy: authorOf(recording.editor),
  };
}

export interface GoalProgressPoint {
  status: GoalStatus;
  /** When it was recorded (an ISO instant): the point's place on the chart's time axis. */
  at: string;
  note?: string;
  recordedBy: PlanAuthor;
}

export interface GoalProgressSeries {
  goalId: string;
  goal: Pick<Goal, 'domain'> & { inMyWords: string };
  /**
   * Where the goal's line starts, as not started: when its words were written, or its first
   * record if that is earlier (rewording a goal restamps its words, not its history).
   */
  since: string;
  /** Oldest first. */
  points: GoalProgressPoint[];
  current: GoalStatus;
}

/** One series per goal of the plan, in the plan's order, for the chart and the goal's current status. */
export function goalProgressSeries(goals: readonly Goal[], records: readonly GoalProgressRecord[]): GoalProgressSeries[] {
  const ordered = records
    .map((record, i) => ({ record, i, t: Date.parse(record.recordedAt) }))
    // Oldest first; records made in the same instant keep the order they were given in.
    .sort((a, b) => a.t - b.t || a.i - b.i)
    .map(({ record }) => record);
  return goals.map((goal) => {
    const points = ordered.filter((r) => r.goalId === goal.id).map(pointOf);
    return {
      goalId: goal.id,
      goal: { domain: goal.domain, inMyWords: goal.inMyWords.text },
      since: earlier(goal.inMyWords.writtenAt, points[0]?.at),
      points,
      current: points.at(-1)?.status ?? 'not_started',
    };
  });
}

function earlier(a: string, b: string | undefined): string {
  return b !== undefined && Date.parse(b) < Date.parse(a) ? b : a;
}

function pointOf(record: GoalProgressRecord): GoalProgressPoint {
  return { status: record.status, at: record.recordedAt, ...(record.note ? { note: record.note } : {}), recordedBy: record.recordedBy };
}

/** The current status of each goal of the plan, by goal id. */
export function currentGoalStatuses(goals: readonly Goal[], records: readonly GoalProgressRecord[]): Record<string, GoalStatus> {
  return Object.fromEntries(goalProgressSeries(goals, records).map((series) => [series.goalId, series.current]));
}
