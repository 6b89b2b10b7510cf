/**
 * An edit as columns to set and as words for the trail: only the fields that differ from the
 * task as stored ("Due date 2026-06-10 → 2026-06-17; priority normal → high"). A long detail is
 * not copied into the trail, only that it changed.
 */
import { TASK_PRIORITY_LABELS, type TaskEdit, type TaskOwner, teamOwnerName } from '@kith/core';
import type { Db } from '../../platform/db/client.js';
import type { task } from '../../platform/db/schema.js';
import * as q from './queries.js';

export function ownerColumns(owner: TaskOwner): { ownerStaffId: string | null; ownerRole: string | null } {
  return owner.kind === 'staff' ? { ownerStaffId: owner.staffId, ownerRole: null } : { ownerStaffId: null, ownerRole: owner.role };
}

async function ownerName(tx: Db, owner: TaskOwner, networkId: string): Promise<string> {
  if (owner.kind === 'team') return teamOwnerName(owner.role);
  return (await q.staffInNetwork(tx, owner.staffId, networkId))?.name ?? 'someone';
}

function sameOwner(row: q.TaskRow, owner: TaskOwner): boolean {
  return owner.kind === 'staff' ? row.owner_staff_id === owner.staffId : row.owner_role === owner.role;
}

export interface EditChange {
  set: Partial<typeof task.$inferInsert>;
  text: string;
}

/** The columns and words of an edit, or undefined when it changes nothing. */
export async function describeEdit(tx: Db, row: q.TaskRow, edit: TaskEdit): Promise<EditChange | undefined> {
  const set: Partial<typeof task.$inferInsert> = {};
  const words: string[] = [];
  if (edit.title !== undefined && edit.title !== row.title) {
    set.title = edit.title;
    words.push(`Title “${row.title}” → “${edit.title}”`);
  }
  if (edit.detail !== undefined && (edit.detail || null) !== row.detail) {
    set.detail = edit.detail || null;
    words.push('Detail changed');
  }
  if (edit.owner && !sameOwner(row, edit.owner)) {
    Object.assign(set, ownerColumns(edit.owner));
    const before = q.summaryOf(row).owner.name;
    words.push(`Owner ${before} → ${await ownerName(tx, edit.owner, row.network_id)}`);
  }
  if (edit.dueOn !== undefined && edit.dueOn !== row.due_on) {
    set.dueOn = edit.dueOn;
    words.push(`Due date ${row.due_on} → ${edit.dueOn}`);
  }
  if (edit.priority !== undefined && edit.priority !== row.priority) {
    set.priority = edit.priority;
    words.push(`Priority ${TASK_PRIORITY_LABELS[row.priority].toLowerCase()} → ${TASK_PRIORITY_LABELS[edit.priority].toLowerCase()}`);
  }
  return words.length === 0 ? undefined : { set, text: words.join('; ') };
}
