/**
 * Tasks as the API shows them. A summary is what an agenda or a meeting shows beside a person
 * (their open actions, carried forward); a view is one task in full, as a worklist or the task
 * page shows it; a detail adds its trail of events (created, moved, edited, commented), each
 * with who and when. Whether a task is overdue depends on today, so a summary, which carries no
 * date of its own, leaves it to `isOverdue(summary, today)`.
 */
import { z } from 'zod';
import { STAFF_ROLE_LABELS } from '../registry/roles.js';
import { TASK_PRIORITIES, TASK_STATES, TASK_TEAM_ROLES, type TaskTeamRole } from './tasks.js';

const isoInstant = z.string();
const isoDate = z.string();

/** The owner as shown: a member of staff by name, or a team (a role in the network) by its label. */
export const taskOwnerViewSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('staff'), staffId: z.string(), name: z.string() }),
  z.object({ kind: z.literal('team'), role: z.enum(TASK_TEAM_ROLES), name: z.string() }),
]);
export type TaskOwnerView = z.infer<typeof taskOwnerViewSchema>;

/** A team owner's name: "Team: Pharmacist". */
export function teamOwnerName(role: TaskTeamRole): string {
  return `Team: ${STAFF_ROLE_LABELS[role]}`;
}

export const taskSummarySchema = z.object({
  id: z.string(),
  title: z.string(),
  personId: z.string().nullable(),
  networkId: z.string(),
  /** The huddle meeting, and the agenda item, the action came from. */
  meetingId: z.string().nullable(),
  agendaItemId: z.string().nullable(),
  owner: taskOwnerViewSchema,
  dueOn: isoDate,
  priority: z.enum(TASK_PRIORITIES),
  state: z.enum(TASK_STATES),
  version: z.number().int(),
});
export type TaskSummary = z.infer<typeof taskSummarySchema>;

export const taskViewSchema = taskSummarySchema.extend({
  detail: z.string().nullable(),
  /** The person the task is for; null when it is for no one. */
  person: z.object({ name: z.string(), nhsNumber: z.string() }).nullable(),
  networkName: z.string(),
  /** The due date first promised: "completed on time" is measured against it. */
  firstDueOn: isoDate,
  completedOn: isoDate.nullable(),
  cancelledReason: z.string().nullable(),
  overdue: z.boolean(),
  createdBy: z.object({ staffId: z.string(), name: z.string() }),
  createdAt: isoInstant,
  /** The states this task may move to next. */
  nextStates: z.array(z.enum(TASK_STATES)),
});
export type TaskView = z.infer<typeof taskViewSchema>;

export const TASK_EVENT_KINDS = ['created', 'moved', 'edited', 'commented'] as const;
export type TaskEventKind = (typeof TASK_EVENT_KINDS)[number];

/** One entry of a task's trail: a move with its reason, an edit with what changed, or a comment. */
export const taskEventSchema = z.object({
  kind: z.enum(TASK_EVENT_KINDS),
  fromState: z.enum(TASK_STATES).nullable(),
  toState: z.enum(TASK_STATES).nullable(),
  text: z.string().nullable(),
  staffId: z.string(),
  staffName: z.string(),
  at: isoInstant,
  /** The task's version after the event (a comment leaves it as it was). */
  version: z.number().int(),
});
export type TaskEvent = z.infer<typeof taskEventSchema>;

export const taskDetailSchema = taskViewSchema.extend({ events: z.array(taskEventSchema) });
export type TaskDetail = z.infer<typeof taskDetailSchema>;

/** A worklist: the tasks whose person the reader may open, and a count of those they may not. */
export const taskListSchema = z.object({
  tasks: z.array(taskViewSchema),
  /** Tasks for people whose records the reader may not open at present: counted, not named. */
  notShown: z.number().int(),
});
export type TaskList = z.infer<typeof taskListSchema>;

/** `active` is open or in progress; `all` is every state. */
export const TASK_LIST_STATES = [...TASK_STATES, 'active', 'all'] as const;
export type TaskListState = (typeof TASK_LIST_STATES)[number];

export const taskListQuerySchema = z.strictObject({
  state: z.enum(TASK_LIST_STATES, 'Must be a task state, active or all').optional(),
});
export type TaskListQuery = z.infer<typeof taskListQuerySchema>;
