/**
 * The person's My Life plan through the gate. Everyone with access reads the same plan; each
 * save is the whole plan as the editor sees it, based on the version they opened, and becomes
 * the next version. A save based on an older version is refused (409) with what changed since,
 * so one editor's words are never written over another's. Core decides who may write what.
 */
import { randomUUID } from 'node:crypto';
import {
  type MyLifePlanDraft,
  type PlanEditor,
  applyPlanEdit,
  checkPlanVersion,
  englandDate,
  planChanged,
  stalePlanError,
} from '@kith/core';
import { type AccessContext, type AccessGate, withAccess } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { planView } from './present.js';
import * as q from './queries.js';

export const PLAN = { kind: 'plan' } as const;

/** The member of staff saving, with every role they hold: a clinical one opens the clinical sections. */
export function editorOf(gate: AccessGate): PlanEditor {
  const { staffId, name, roles } = gate.actor;
  return { staffId, name, roles: roles.map((grant) => grant.role) };
}

export const todayOf = (gate: AccessGate) => englandDate(gate.now);

export function readPlan(db: Db, context: AccessContext, personId: string) {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'read', PLAN);
    return planView(tx, personId, todayOf(gate));
  });
}

/** Saves a draft as the next version; a draft that changes nothing writes nothing. */
export function savePlan(db: Db, context: AccessContext, personId: string, draft: MyLifePlanDraft) {
  return withAccess(db, context, async (gate, tx) => {
    const decision = await gate.require(personId, 'write', PLAN);
    const currentVersion = await q.lockCurrentVersion(tx, personId);
    if (checkPlanVersion(draft.basedOnVersion, currentVersion) === 'stale') throw await staleSave(tx, personId, draft.basedOnVersion, currentVersion);
    const previous = await q.contentOf(tx, personId, currentVersion);
    const content = applyPlanEdit({ previous, draft, editor: editorOf(gate), now: gate.now, newId: randomUUID });
    if (planChanged(previous, content)) {
      const next: q.NewVersion = {
        personId,
        version: currentVersion + 1,
        basedOn: currentVersion,
        content,
        savedBy: gate.actor.staffId,
        organisationId: decision.grant?.organisationId ?? null,
        savedAt: gate.now,
      };
      await insertNext(tx, next);
    }
    return planView(tx, personId, todayOf(gate));
  });
}

/**
 * Writes the version and moves the head. Two first saves find no head to lock and meet at the
 * version's key; the one that lands second is answered as stale, with what the first wrote.
 * The insert runs under a savepoint so the transaction can still read that answer.
 */
async function insertNext(tx: Db, next: q.NewVersion): Promise<void> {
  try {
    await tx.transaction((savepoint) => q.insertVersion(savepoint, next));
  } catch (error) {
    if (!isUniqueViolation(error, 'my_life_plan_version_person_id_version_pk')) throw error;
    throw await staleSave(tx, next.personId, next.basedOn, await q.currentVersionOf(tx, next.personId));
  }
  await q.moveHead(tx, next);
}

/** The 409 for a save based on an older version: what changed between that version and the current one. */
async function staleSave(tx: Db, personId: string, basedOnVersion: number, currentVersion: number) {
  const [basedOn, current] = await Promise.all([q.contentOf(tx, personId, basedOnVersion), q.contentOf(tx, personId, currentVersion)]);
  if (!current) throw new Error(`Version ${currentVersion} of the plan is named current but was not found`);
  return stalePlanError({ basedOnVersion, basedOn, currentVersion, current });
}
