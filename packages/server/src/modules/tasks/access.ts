/**
 * Who may do what with a task, through the gate. Reading one is reading the person's summary;
 * changing one (a move, an edit, a comment) is open to those answerable for it (the owner, a
 * member of the owning team, the creator) while the gate lets them read the person's summary,
 * and to anyone the gate lets write to it. Every look and every change is one audit event; a
 * task for no one is for the network's members only. Lists name a person only once the gate
 * has decided the reader may open them, and count the rest.
 */
import type { TaskView } from '@kith/core';
import type { AccessGate } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import * as q from './queries.js';

export const SUMMARY = { kind: 'summary' } as const;

/** A task for no one: only the network's members see or change it; a refusal is recorded. */
async function requireNetworkMember(gate: AccessGate, tx: Db, row: q.TaskRow, action: 'read' | 'write'): Promise<void> {
  if (await q.isNetworkMember(tx, gate.actor.staffId, row.network_id)) return;
  const reason = 'Only members of this network (a place on one of its teams, or a role at one of its practices) can see or change its tasks.';
  gate.refuseOutright({ action, resourceType: 'task', resourceId: row.id, reason, code: 'not_network_member' });
}

/** Reading a task: the gate's read of the person's summary, recorded. */
export async function requireRead(gate: AccessGate, tx: Db, row: q.TaskRow): Promise<void> {
  if (row.person_id === null) return requireNetworkMember(gate, tx, row, 'read');
  await gate.require(row.person_id, 'read', SUMMARY, row.id);
}

/**
 * Changing a task: write on the person's summary through the gate, or being answerable for the
 * task and able to read the summary (an independent living officer closing their own action).
 * Either way one `write` event names the task; a refusal is recorded and is a 403.
 */
export async function requireChange(gate: AccessGate, tx: Db, row: q.TaskRow): Promise<void> {
  if (row.person_id === null) {
    if (await q.isAnswerableFor(tx, gate.actor.staffId, row.id)) return;
    return requireNetworkMember(gate, tx, row, 'write');
  }
  const target = { personId: row.person_id, action: 'write' as const, resourceKind: 'summary' as const, resourceId: row.id };
  const write = await gate.decide(row.person_id, 'write', SUMMARY);
  if (write.allowed) {
    gate.recordEvent(gate.event(write, target));
    return;
  }
  if (await q.isAnswerableFor(tx, gate.actor.staffId, row.id)) {
    const read = await gate.decide(row.person_id, 'read', SUMMARY);
    if (read.allowed) {
      gate.recordEvent({ ...gate.event(read, target), reason: 'answerable_for_task' });
      return;
    }
  }
  await gate.require(row.person_id, 'write', SUMMARY, row.id);
}

/**
 * The rows a reader may see: each person is decided (read of the summary) and, when shown,
 * audited once however many of their tasks are listed; tasks for people the gate does not open
 * to the reader are counted, not shown. Tasks for no one reach a list only through the reader's
 * own or their team's work, so they are shown.
 */
export async function shownViews(gate: AccessGate, rows: readonly q.TaskRow[], today: string): Promise<{ tasks: TaskView[]; notShown: number }> {
  const opened = new Map<string, boolean>();
  const tasks: TaskView[] = [];
  let notShown = 0;
  await gate.prefetch(rows.flatMap((row) => (row.person_id === null ? [] : [row.person_id])));
  for (const row of rows) {
    if (row.person_id !== null && !(await opens(gate, opened, row.person_id, row.id))) {
      notShown += 1;
      continue;
    }
    tasks.push(q.viewOf(row, today));
  }
  return { tasks, notShown };
}

async function opens(gate: AccessGate, opened: Map<string, boolean>, personId: string, taskId: string): Promise<boolean> {
  const known = opened.get(personId);
  if (known !== undefined) return known;
  const decision = await gate.decide(personId, 'read', SUMMARY);
  if (decision.allowed) gate.recordEvent(gate.event(decision, { personId, action: 'read', resourceKind: 'summary', resourceId: taskId }));
  opened.set(personId, decision.allowed);
  return decision.allowed;
}
