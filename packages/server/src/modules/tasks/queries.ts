/**
 * The task tables in SQL: one row shape for every list, the worklists (mine, my team's,
 * overdue), a task's trail, and who belongs where: network membership is the same definition
 * the access gate's facts use (a place on a team of the network, or a role at one of its
 * practices), and a team owner is a role within the network.
 */
import {
  ACTIVE_TASK_STATES,
  TASK_MOVES,
  type StaffRole,
  type TaskEvent,
  type TaskEventKind,
  type TaskListState,
  type TaskPriority,
  type TaskState,
  type TaskSummary,
  type TaskTeamRole,
  type TaskView,
  isOverdue,
  teamOwnerName,
} from '@kith/core';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db/client.js';

export interface TaskRow {
  id: string;
  title: string;
  detail: string | null;
  person_id: string | null;
  given_name: string | null;
  family_name: string | null;
  nhs_number: string | null;
  network_id: string;
  network_name: string;
  meeting_id: string | null;
  agenda_item_id: string | null;
  owner_staff_id: string | null;
  owner_name: string | null;
  owner_role: TaskTeamRole | null;
  due_on: string;
  first_due_on: string;
  priority: TaskPriority;
  state: TaskState;
  cancelled_reason: string | null;
  completed_on: string | null;
  created_by: string;
  creator_name: string;
  created_at: Date | string;
  version: number;
}

/** The most a worklist shows at once. */
export const WORKLIST_LIMIT = 500;

const iso = (value: Date | string) => new Date(value).toISOString();
const ACTIVE = sql.raw(ACTIVE_TASK_STATES.map((s) => `'${s}'`).join(', '));

/** The staff member belongs to the network: a place on one of its teams, or a role at one of its practices. */
function memberOfNetwork(staff: SQL, network: SQL): SQL {
  return sql`(EXISTS (SELECT 1 FROM team_member tm JOIN team tt ON tt.id = tm.team_id
                      WHERE tm.staff_id = ${staff} AND tt.network_id = ${network})
              OR EXISTS (SELECT 1 FROM staff_role sr JOIN practice sp ON sp.id = sr.organisation_id
                         WHERE sr.staff_id = ${staff} AND sp.network_id = ${network}))`;
}

const staffParam = (staffId: string) => sql`${staffId}::uuid`;

/** Owned by a team whose role the staff member holds, in a network they belong to. */
function ownedByTeamOf(staffId: string): SQL {
  return sql`(t.owner_role IS NOT NULL
              AND EXISTS (SELECT 1 FROM staff_role mr WHERE mr.staff_id = ${staffId}::uuid AND mr.role = t.owner_role)
              AND ${memberOfNetwork(staffParam(staffId), sql`t.network_id`)})`;
}

function stateCondition(state: TaskListState): SQL {
  if (state === 'all') return sql`true`;
  if (state === 'active') return sql`t.state IN (${ACTIVE})`;
  return sql`t.state = ${state}`;
}

function selectTasks(where: SQL, limit = WORKLIST_LIMIT): SQL {
  return sql`SELECT t.id, t.title, t.detail, t.person_id, p.given_name, p.family_name, p.nhs_number,
                    t.network_id, n.name AS network_name, t.meeting_id, t.agenda_item_id,
                    t.owner_staff_id, os.name AS owner_name, t.owner_role,
                    t.due_on::text AS due_on, t.first_due_on::text AS first_due_on, t.priority, t.state,
                    t.cancelled_reason, t.completed_on::text AS completed_on,
                    t.created_by, cs.name AS creator_name, t.created_at, t.version
             FROM task t
             JOIN network n ON n.id = t.network_id
             JOIN staff cs ON cs.id = t.created_by
             LEFT JOIN person p ON p.id = t.person_id
             LEFT JOIN staff os ON os.id = t.owner_staff_id
             WHERE ${where}
             ORDER BY t.due_on, CASE t.priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END,
                      t.created_at, t.id
             LIMIT ${sql.raw(String(limit))}`;
}

export async function taskById(db: Db, id: string): Promise<TaskRow | undefined> {
  const [row] = await rowsOf<TaskRow>(db, selectTasks(sql`t.id = ${id}::uuid`, 1));
  return row;
}

export function mineRows(db: Db, staffId: string, state: TaskListState): Promise<TaskRow[]> {
  return rowsOf<TaskRow>(db, selectTasks(sql`t.owner_staff_id = ${staffId}::uuid AND ${stateCondition(state)}`));
}

export function teamRows(db: Db, staffId: string, state: TaskListState): Promise<TaskRow[]> {
  return rowsOf<TaskRow>(db, selectTasks(sql`${ownedByTeamOf(staffId)} AND ${stateCondition(state)}`));
}

/** Mine and my teams', still to do, and due before today. */
export function overdueRows(db: Db, staffId: string, state: TaskListState, today: string): Promise<TaskRow[]> {
  return rowsOf<TaskRow>(
    db,
    selectTasks(sql`(t.owner_staff_id = ${staffId}::uuid OR ${ownedByTeamOf(staffId)})
                    AND t.state IN (${ACTIVE}) AND ${stateCondition(state)} AND t.due_on < ${today}::date`),
  );
}

export function personRows(db: Db, personId: string, state: TaskListState): Promise<TaskRow[]> {
  return rowsOf<TaskRow>(db, selectTasks(sql`t.person_id = ${personId}::uuid AND ${stateCondition(state)}`));
}

/** Open and in-progress tasks of these people, soonest due first. */
export function openRowsOf(db: Db, personIds: readonly string[]): Promise<TaskRow[]> {
  return rowsOf<TaskRow>(
    db,
    selectTasks(sql`t.person_id = ANY(${sql.param(personIds)}::uuid[]) AND t.state IN (${ACTIVE})`, 10_000),
  );
}

/** The owner, the creator, or a member of the owning team: those answerable for the task. */
export async function isAnswerableFor(db: Db, staffId: string, taskId: string): Promise<boolean> {
  const [row] = await rowsOf<{ answerable: boolean }>(
    db,
    sql`SELECT (t.owner_staff_id = ${staffId}::uuid OR t.created_by = ${staffId}::uuid OR ${ownedByTeamOf(staffId)}) AS answerable
        FROM task t WHERE t.id = ${taskId}::uuid`,
  );
  return row?.answerable === true;
}

export async function isNetworkMember(db: Db, staffId: string, networkId: string): Promise<boolean> {
  const [row] = await rowsOf<{ member: boolean }>(db, sql`SELECT ${memberOfNetwork(staffParam(staffId), sql`${networkId}::uuid`)} AS member`);
  return row?.member === true;
}

export interface StaffFound {
  name: string;
  disabled: boolean;
  inNetwork: boolean;
}

/** A member of staff, and whether they belong to the network; undefined when no one has the id. */
export async function staffInNetwork(db: Db, staffId: string, networkId: string): Promise<StaffFound | undefined> {
  const [row] = await rowsOf<{ name: string; disabled: boolean; in_network: boolean }>(
    db,
    sql`SELECT s.name, s.disabled, ${memberOfNetwork(staffParam(staffId), sql`${networkId}::uuid`)} AS in_network
        FROM staff s WHERE s.id = ${staffId}::uuid`,
  );
  return row && { name: row.name, disabled: row.disabled, inNetwork: row.in_network };
}

/** Whether anyone in the network holds the role: a team owner with no members would be no one's task. */
export async function roleInNetwork(db: Db, role: StaffRole, networkId: string): Promise<boolean> {
  const [row] = await rowsOf<{ found: boolean }>(
    db,
    sql`SELECT EXISTS (SELECT 1 FROM staff_role r JOIN staff s ON s.id = r.staff_id
                       WHERE r.role = ${role} AND NOT s.disabled
                       AND ${memberOfNetwork(sql`r.staff_id`, sql`${networkId}::uuid`)}) AS found`,
  );
  return row?.found === true;
}

/** A huddle meeting's network, and the person's item on its agenda if they have one. */
export async function meetingOf(db: Db, meetingId: string, personId: string): Promise<{ networkId: string; agendaItemId: string | null } | undefined> {
  const [row] = await rowsOf<{ network_id: string; agenda_item_id: string | null }>(
    db,
    sql`SELECT hs.network_id, ai.id AS agenda_item_id
        FROM huddle_meeting m JOIN huddle_series hs ON hs.id = m.series_id
        LEFT JOIN huddle_agenda_item ai ON ai.meeting_id = m.id AND ai.person_id = ${personId}::uuid
        WHERE m.id = ${meetingId}::uuid`,
  );
  return row && { networkId: row.network_id, agendaItemId: row.agenda_item_id };
}

export async function eventsOf(db: Db, taskId: string): Promise<TaskEvent[]> {
  const rows = await rowsOf<{
    kind: TaskEventKind;
    from_state: TaskState | null;
    to_state: TaskState | null;
    text: string | null;
    staff_id: string;
    staff_name: string;
    at: Date | string;
    version: number;
  }>(
    db,
    sql`SELECT e.kind, e.from_state, e.to_state, e.text, e.staff_id, s.name AS staff_name, e.at, e.version
        FROM task_event e JOIN staff s ON s.id = e.staff_id
        WHERE e.task_id = ${taskId}::uuid
        ORDER BY e.at, e.version, (e.kind = 'commented'), e.id`,
  );
  return rows.map((r) => ({
    kind: r.kind,
    fromState: r.from_state,
    toState: r.to_state,
    text: r.text,
    staffId: r.staff_id,
    staffName: r.staff_name,
    at: iso(r.at),
    version: r.version,
  }));
}

export function summaryOf(row: TaskRow): TaskSummary {
  return {
    id: row.id,
    title: row.title,
    personId: row.person_id,
    networkId: row.network_id,
    meetingId: row.meeting_id,
    agendaItemId: row.agenda_item_id,
    owner:
      row.owner_role !== null
        ? { kind: 'team', role: row.owner_role, name: teamOwnerName(row.owner_role) }
        : { kind: 'staff', staffId: row.owner_staff_id ?? '', name: row.owner_name ?? '' },
    dueOn: row.due_on,
    priority: row.priority,
    state: row.state,
    version: row.version,
  };
}

/** The row as the API shows it; call only once the gate has opened the person to the reader. */
export function viewOf(row: TaskRow, today: string): TaskView {
  return {
    ...summaryOf(row),
    detail: row.detail,
    person: row.person_id ? { name: `${row.given_name} ${row.family_name}`, nhsNumber: row.nhs_number ?? '' } : null,
    networkName: row.network_name,
    firstDueOn: row.first_due_on,
    completedOn: row.completed_on,
    cancelledReason: row.cancelled_reason,
    overdue: isOverdue({ state: row.state, dueOn: row.due_on }, today),
    createdBy: { staffId: row.created_by, name: row.creator_name },
    createdAt: iso(row.created_at),
    nextStates: [...TASK_MOVES[row.state]],
  };
}

