/**
 * Actions from a huddle, as tasks. Each has an owner (a member of staff, or a team: a role
 * within the network, such as "the network's pharmacists"), a due date, a priority, the person
 * it is for, and the meeting it came from when it came from one. Its states and moves:
 *
 *   open → in_progress → done
 *   open → done                    (most actions are one phone call; no need to "start" it first)
 *   open | in_progress → cancelled (a reason is required)
 *   done | cancelled → open        (reopening; a reason is required)
 *
 * Reopening is allowed because an action marked done can turn out not to be (the visit did not
 * happen), and a cancellation can be a mistake; without it people would create a second task
 * and lose the history. It needs a reason because it changes the record of a decision and the
 * huddle's measures. Reopening clears the completion date and the cancellation reason (the
 * server's history keeps both). A finished task is not edited: reopen it first.
 */
import { z } from 'zod';
import { DomainError, type FieldProblem } from '../errors.js';
import { isIsoDate } from '../people/dates.js';
import type { StaffRole } from '../registry/roles.js';
import { parseOrThrow } from '../input.js';

export const TASK_STATES = ['open', 'in_progress', 'done', 'cancelled'] as const;
export type TaskState = (typeof TASK_STATES)[number];

/** States in which the task still needs doing: shown on the next agenda, and can be overdue. */
export const ACTIVE_TASK_STATES = ['open', 'in_progress'] as const satisfies readonly TaskState[];

export const TASK_MOVES: Readonly<Record<TaskState, readonly TaskState[]>> = {
  open: ['in_progress', 'done', 'cancelled'],
  in_progress: ['done', 'cancelled'],
  done: ['open'],
  cancelled: ['open'],
};

export const TASK_STATE_LABELS: Readonly<Record<TaskState, string>> = {
  open: 'Open',
  in_progress: 'In progress',
  done: 'Done',
  cancelled: 'Cancelled',
};

/** The verb on the button that makes each move. */
export const TASK_MOVE_LABELS: Readonly<Record<TaskState, string>> = {
  open: 'Reopen',
  in_progress: 'Start',
  done: 'Mark as done',
  cancelled: 'Cancel',
};

export const TASK_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

export const TASK_PRIORITY_LABELS: Readonly<Record<TaskPriority, string>> = {
  low: 'Low',
  normal: 'Normal',
  high: 'High',
  urgent: 'Urgent',
};

/**
 * The roles a task can go to as a team: the network's care roles. Not the roles that see
 * aggregates only or no clinical record (commissioner, analyst, privacy officer, admin), nor
 * volunteers, who see a person's plan only with their consent (security.md).
 */
export const TASK_TEAM_ROLES = [
  'gp',
  'nurse',
  'pharmacist',
  'therapist',
  'mental_health',
  'social_worker',
  'coordinator',
  'independent_living',
  'network_lead',
] as const satisfies readonly StaffRole[];
export type TaskTeamRole = (typeof TASK_TEAM_ROLES)[number];

export const taskOwnerSchema = z.discriminatedUnion(
  'kind',
  [
    z.strictObject({ kind: z.literal('staff'), staffId: z.uuid('Choose a member of staff') }),
    z.strictObject({ kind: z.literal('team'), role: z.enum(TASK_TEAM_ROLES, 'Choose a team from the network’s care roles') }),
  ],
  'Choose who owns this action: a member of staff or a team',
);
export type TaskOwner = z.infer<typeof taskOwnerSchema>;

const title = z.string('Say what needs doing').trim().min(1, 'Say what needs doing').max(200, 'Keep the title to 200 characters or fewer');
const detail = z.string('Must be text').trim().max(2000, 'Keep the detail to 2,000 characters or fewer');
const dueOn = z.string('Give a due date').refine(isIsoDate, 'Give a due date as a real date, written as YYYY-MM-DD');
const priority = z.enum(TASK_PRIORITIES, 'Choose low, normal, high or urgent');

export const taskCreateSchema = z.strictObject({
  title,
  detail: detail.optional(),
  owner: taskOwnerSchema,
  dueOn,
  priority: priority.default('normal'),
  personId: z.uuid('Choose the person this action is for'),
  /** The huddle meeting the action came from, when it did. */
  meetingId: z.uuid('Must be a meeting id').optional(),
});
export type TaskCreateInput = z.input<typeof taskCreateSchema>;
export type TaskCreate = z.output<typeof taskCreateSchema>;

/** A due date may be today but not earlier; "today" is the caller's (England's) date. */
export function dueOnProblem(due: string, today: string): string | undefined {
  return due < today ? 'A due date cannot be in the past' : undefined;
}

const dueOnProblems = (due: string | undefined, today: string): FieldProblem[] => {
  const problem = due === undefined ? undefined : dueOnProblem(due, today);
  return problem ? [{ field: 'dueOn', reason: problem }] : [];
};

/** A new task, or a 400 naming every field at fault, the due date checked against today. */
export function parseTaskCreate(input: unknown, today: string): TaskCreate {
  return parseOrThrow(taskCreateSchema, input, (task) => dueOnProblems(task.dueOn, today));
}

export const taskEditSchema = z
  .strictObject({
    version: z.int('Send the version you read').positive('Send the version you read'),
    title: title.optional(),
    detail: detail.nullable().optional(),
    owner: taskOwnerSchema.optional(),
    dueOn: dueOn.optional(),
    priority: priority.optional(),
  })
  .refine((edit) => Object.keys(edit).length > 1, { message: 'Change at least one field', path: ['body'] });
export type TaskEdit = z.infer<typeof taskEditSchema>;

/** An edit; a due date is checked against today only when it changes. */
export function parseTaskEdit(input: unknown, today: string): TaskEdit {
  return parseOrThrow(taskEditSchema, input, (edit) => dueOnProblems(edit.dueOn, today));
}

export const taskMoveSchema = z
  .strictObject({
    to: z.enum(TASK_STATES, 'Choose the new state'),
    version: z.int('Send the version you read').positive('Send the version you read'),
    reason: z.string('Must be text').trim().max(2000, 'Keep the reason to 2,000 characters or fewer').optional(),
  })
  .superRefine((move, ctx) => {
    if (move.to === 'cancelled' && !move.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why the action is cancelled' });
    if (move.to === 'open' && !move.reason) ctx.addIssue({ code: 'custom', path: ['reason'], message: 'Say why the action is reopened' });
  });
export type TaskMove = z.infer<typeof taskMoveSchema>;

export const taskCommentSchema = z.strictObject({
  text: z.string('Write a comment').trim().min(1, 'Write a comment').max(2000, 'Keep the comment to 2,000 characters or fewer'),
});
export type TaskComment = z.infer<typeof taskCommentSchema>;

/** Why a move is not allowed, or undefined when it is. */
export function taskMoveProblem(from: TaskState, to: TaskState): string | undefined {
  if (TASK_MOVES[from].includes(to)) return undefined;
  if (from === to) return `The action is already ${TASK_STATE_LABELS[to].toLowerCase()}`;
  return `An action that is ${TASK_STATE_LABELS[from].toLowerCase()} can only become ${TASK_MOVES[from].map((s) => TASK_STATE_LABELS[s].toLowerCase()).join(' or ')}`;
}

export interface TaskStatus {
  state: TaskState;
  dueOn: string;
  /** England date it was marked done; null unless done. */
  completedOn: string | null;
  cancelledReason: string | null;
}

/** The task's status after a move made today (409 naming `to` when the move is not allowed). */
export function applyTaskMove<T extends TaskStatus>(task: T, move: Pick<TaskMove, 'to' | 'reason'>, today: string): T {
  const problem = taskMoveProblem(task.state, move.to);
  if (problem) throw new DomainError('conflict', problem, [{ field: 'to', reason: problem }]);
  if ((move.to === 'cancelled' || move.to === 'open') && !move.reason?.trim()) {
    throw DomainError.field('reason', move.to === 'open' ? 'Say why the action is reopened' : 'Say why the action is cancelled');
  }
  return {
    ...task,
    state: move.to,
    completedOn: move.to === 'done' ? today : null,
    cancelledReason: move.to === 'cancelled' ? move.reason!.trim() : null,
  };
}

/** A finished task is reopened before it is edited (409 otherwise). */
export function assertTaskEditable(task: Pick<TaskStatus, 'state'>): void {
  if ((ACTIVE_TASK_STATES as readonly TaskState[]).includes(task.state)) return;
  const reason = `This action is ${TASK_STATE_LABELS[task.state].toLowerCase()}: reopen it to change it`;
  throw new DomainError('conflict', reason, [{ field: 'state', reason }]);
}

/** Still to do, and its due day has ended. */
export function isOverdue(task: Pick<TaskStatus, 'state' | 'dueOn'>, today: string): boolean {
  return (ACTIVE_TASK_STATES as readonly TaskState[]).includes(task.state) && today > task.dueOn;
}

/** Done on or before its due date. */
export function completedOnTime(task: Pick<TaskStatus, 'state' | 'dueOn' | 'completedOn'>): boolean {
  return task.state === 'done' && task.completedOn !== null && task.completedOn <= task.dueOn;
}
