/**
 * Actions as tasks, through the gate. Making one is writing to the person's summary; its owner
 * (a member of staff, or a team: a role within the network) must belong to the network the task
 * is for. Moves and edits carry the version they were read at and conflict (409) rather than
 * overwrite; every change, and every comment, is a task_event with who and when. The worklists
 * (mine, my team's, overdue) name a person only after the gate opens them to the reader.
 * "Today" is England's date at the gate's clock.
 */
import { randomUUID } from 'node:crypto';
import {
  DomainError,
  type TaskComment,
  type TaskCreate,
  type TaskDetail,
  type TaskList,
  type TaskListQuery,
  type TaskListState,
  type TaskMove,
  type TaskOwner,
  type TaskSummary,
  type TaskView,
  applyTaskMove,
  assertTaskEditable,
  englandDate,
  parseTaskCreate,
  parseTaskEdit,
} from '@kith/core';
import { and, eq, sql } from 'drizzle-orm';
import { type AccessContext, type AccessGate, withAccess } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import { task, taskEvent } from '../../platform/db/schema.js';
import { SUMMARY, requireChange, requireRead, shownViews } from './access.js';
import { describeEdit, ownerColumns } from './edits.js';
import * as q from './queries.js';

const today = (gate: AccessGate) => englandDate(gate.now);

/** Where an action from a huddle came from; its network is the huddle's. */
export interface TaskOrigin {
  meetingId: string;
  agendaItemId?: string;
  networkId: string;
}

/** The owner belongs to the network: a member of staff on one of its teams or practices, or a role someone there holds. */
async function checkOwner(tx: Db, owner: TaskOwner, networkId: string): Promise<void> {
  if (owner.kind === 'team') {
    if (!(await q.roleInNetwork(tx, owner.role, networkId))) {
      throw DomainError.field('owner.role', 'No one in the network works in this role, so no one would see the action');
    }
    return;
  }
  const found = await q.staffInNetwork(tx, owner.staffId, networkId);
  if (!found) throw DomainError.field('owner.staffId', 'No member of staff has this id');
  if (found.disabled) throw DomainError.field('owner.staffId', 'This member of staff’s account is disabled');
  if (!found.inNetwork) {
    throw DomainError.field('owner.staffId', 'This person is not a member of the network (a place on one of its teams, or a role at one of its practices)');
  }
}

/** The network and meeting the task belongs to: the huddle's, or the person's practice's network. */
async function placeOf(gate: AccessGate, tx: Db, input: TaskCreate, origin: TaskOrigin | undefined): Promise<{ networkId: string; meetingId: string | null; agendaItemId: string | null }> {
  if (origin) return { networkId: origin.networkId, meetingId: origin.meetingId, agendaItemId: origin.agendaItemId ?? null };
  const { networkId } = await gate.facts(input.personId);
  if (!networkId) throw DomainError.field('personId', 'The person has no registered practice, so belongs to no network');
  if (!input.meetingId) return { networkId, meetingId: null, agendaItemId: null };
  const meeting = await q.meetingOf(tx, input.meetingId, input.personId);
  if (!meeting) throw DomainError.field('meetingId', 'No huddle meeting has this id');
  if (meeting.networkId !== networkId) throw DomainError.field('meetingId', "This meeting is not one of the person's network");
  return { networkId, meetingId: input.meetingId, agendaItemId: meeting.agendaItemId };
}

/**
 * A new task, inside a transaction that already has a gate (the huddle meeting makes its
 * actions with this). Needs the gate's write on the person's summary; nothing is written when
 * any check fails.
 */
export async function createTaskInGate(gate: AccessGate, tx: Db, input: TaskCreate, origin?: TaskOrigin): Promise<TaskView> {
  const id = randomUUID();
  await gate.require(input.personId, 'write', SUMMARY, id);
  const place = await placeOf(gate, tx, input, origin);
  await checkOwner(tx, input.owner, place.networkId);
  await tx.insert(task).values({
    id,
    title: input.title,
    detail: input.detail || null,
    personId: input.personId,
    ...place,
    ...ownerColumns(input.owner),
    dueOn: input.dueOn,
    firstDueOn: input.dueOn,
    priority: input.priority,
    state: 'open',
    createdBy: gate.actor.staffId,
    createdAt: gate.now,
    version: 1,
  });
  await tx.insert(taskEvent).values({ id: randomUUID(), taskId: id, kind: 'created', fromState: null, toState: 'open', staffId: gate.actor.staffId, at: gate.now, version: 1 });
  return q.viewOf(await loaded(tx, id), today(gate));
}

/** The HTTP path: the body checked against today in England, then as above. */
export function createTask(db: Db, context: AccessContext, body: unknown): Promise<TaskView> {
  return withAccess(db, context, async (gate, tx) => createTaskInGate(gate, tx, parseTaskCreate(body, today(gate))));
}

/**
 * Open and in-progress tasks by person (every person asked for has an entry, empty when they
 * have none), soonest due first. No gate: the caller has already decided access to these people.
 */
export async function openTasksForPeople(tx: Db, personIds: readonly string[]): Promise<Map<string, TaskSummary[]>> {
  const byPerson = new Map<string, TaskSummary[]>(personIds.map((id) => [id, []]));
  if (personIds.length === 0) return byPerson;
  for (const row of await q.openRowsOf(tx, personIds)) byPerson.get(row.person_id!)?.push(q.summaryOf(row));
  return byPerson;
}

async function loaded(tx: Db, id: string): Promise<q.TaskRow> {
  const row = await q.taskById(tx, id);
  if (!row) throw new DomainError('not_found', 'No task has this id');
  return row;
}

async function detail(tx: Db, id: string, day: string): Promise<TaskDetail> {
  return { ...q.viewOf(await loaded(tx, id), day), events: await q.eventsOf(tx, id) };
}

export function readTask(db: Db, context: AccessContext, id: string): Promise<TaskDetail> {
  return withAccess(db, context, async (gate, tx) => {
    const row = await loaded(tx, id);
    await requireRead(gate, tx, row);
    return detail(tx, id, today(gate));
  });
}

export type Worklist = 'mine' | 'team' | 'overdue';

/** My tasks, my team's, or the overdue among both: by due date, then priority. */
export function listWorklist(db: Db, context: AccessContext, list: Worklist, query: TaskListQuery): Promise<TaskList> {
  return withAccess(db, context, async (gate, tx) => {
    const state: TaskListState = query.state ?? 'active';
    const me = gate.actor.staffId;
    const day = today(gate);
    const rows =
      list === 'mine' ? await q.mineRows(tx, me, state) : list === 'team' ? await q.teamRows(tx, me, state) : await q.overdueRows(tx, me, state, day);
    return shownViews(gate, rows, day);
  });
}

/** The person's tasks (every state unless asked), through the gate's read of their summary. */
export function listForPerson(db: Db, context: AccessContext, personId: string, query: TaskListQuery): Promise<TaskList> {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'read', SUMMARY, 'tasks');
    const day = today(gate);
    return { tasks: (await q.personRows(tx, personId, query.state ?? 'all')).map((row) => q.viewOf(row, day)), notShown: 0 };
  });
}

function stale(sent: number, current: number): DomainError {
  return new DomainError(
    'conflict',
    `This action was changed by someone else after you opened it (you had version ${sent}, it is now version ${current}). Reload it and try again.`,
    [{ field: 'version', reason: `Stale: the action is at version ${current}` }],
    { currentVersion: current },
  );
}

/** Raises the version only if it is still the one the caller read; otherwise 409 with the current one. */
async function bump(tx: Db, row: q.TaskRow, sent: number, set: Partial<typeof task.$inferInsert>): Promise<void> {
  if (row.version !== sent) throw stale(sent, row.version);
  const updated = await tx
    .update(task)
    .set({ ...set, version: sql`${task.version} + 1` })
    .where(and(eq(task.id, row.id), eq(task.version, sent)))
    .returning({ id: task.id });
  if (updated.length === 0) throw stale(sent, (await loaded(tx, row.id)).version);
}

/** Start, finish, cancel (with a reason) or reopen (with a reason), at the version read. */
export function moveTask(db: Db, context: AccessContext, id: string, move: TaskMove): Promise<TaskDetail> {
  return withAccess(db, context, async (gate, tx) => {
    const row = await loaded(tx, id);
    await requireChange(gate, tx, row);
    if (row.version !== move.version) throw stale(move.version, row.version);
    const day = today(gate);
    const status = { state: row.state, dueOn: row.due_on, completedOn: row.completed_on, cancelledReason: row.cancelled_reason };
    const moved = applyTaskMove(status, move, day);
    await bump(tx, row, move.version, { state: moved.state, completedOn: moved.completedOn, cancelledReason: moved.cancelledReason });
    const reason = move.reason?.trim() || null;
    await tx.insert(taskEvent).values({ id: randomUUID(), taskId: id, kind: 'moved', fromState: row.state, toState: moved.state, text: reason, staffId: gate.actor.staffId, at: gate.now, version: move.version + 1 });
    return detail(tx, id, day);
  });
}

/** Title, detail, owner, due date or priority, at the version read; what changed is recorded. */
export function editTask(db: Db, context: AccessContext, id: string, body: unknown): Promise<TaskDetail> {
  return withAccess(db, context, async (gate, tx) => {
    const day = today(gate);
    const edit = parseTaskEdit(body, day);
    const row = await loaded(tx, id);
    await requireChange(gate, tx, row);
    if (row.version !== edit.version) throw stale(edit.version, row.version);
    assertTaskEditable({ state: row.state });
    if (edit.owner) await checkOwner(tx, edit.owner, row.network_id);
    const change = await describeEdit(tx, row, edit);
    if (!change) return detail(tx, id, day);
    await bump(tx, row, edit.version, change.set);
    await tx.insert(taskEvent).values({ id: randomUUID(), taskId: id, kind: 'edited', text: change.text, staffId: gate.actor.staffId, at: gate.now, version: edit.version + 1 });
    return detail(tx, id, day);
  });
}

/** A comment on the trail; it leaves the task's version as it was, so no one's open edit goes stale. */
export function commentOnTask(db: Db, context: AccessContext, id: string, comment: TaskComment): Promise<TaskDetail> {
  return withAccess(db, context, async (gate, tx) => {
    const row = await loaded(tx, id);
    await requireChange(gate, tx, row);
    await tx.insert(taskEvent).values({ id: randomUUID(), taskId: id, kind: 'commented', text: comment.text, staffId: gate.actor.staffId, at: gate.now, version: row.version });
    return detail(tx, id, today(gate));
  });
}
