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
import { type AccessContext, type AccessGate, type GateDecision, withAccess } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import { auditInsertOf } from '../../platform/audit/record.js';
import { planView } from './present.js';
import * as q from './queries.js';

export const PLAN = { kind: 'plan' } as const;

/**
 * The member of staff saving, in the role the gate decided the write on (the role the audit
 * event names): that role, not every role they hold, decides whether the clinical sections open.
 */
export function editorOf(gate: AccessGate, decision: GateDecision): PlanEditor {
  const { staffId, name } = gate.actor;
  return { staffId, name, roles: decision.grant ? [decision.grant.role] : [] };
}

export const todayOf = (gate: AccessGate) => englandDate(gate.now);

/** The access facts, then the plan and the record of reading it in one statement, with no BEGIN and COMMIT. */
export function readPlan(db: Db, context: AccessContext, personId: string) {
  return withAccess(
    db,
    context,
    async (gate, statement) => {
      const { event } = await gate.requireInStatement(personId, 'read', PLAN);
      return planView(statement, personId, todayOf(gate), auditInsertOf([event]));
    },
    { oneStatement: true },
  );
}

/**
 * Saves a draft as the next version; a draft that changes nothing writes nothing. Few round
 * trips: the head and its content are read and locked together, the version and the head are
 * one statement, and the answer is read in the statement that records the save.
 */
export function savePlan(db: Db, context: AccessContext, personId: string, draft: MyLifePlanDraft) {
  return withAccess(db, context, async (gate, tx) => {
    const { decision, event } = await gate.requireInStatement(personId, 'write', PLAN);
    const current = await q.lockCurrent(tx, personId);
    if (checkPlanVersion(draft.basedOnVersion, current.version) === 'stale') throw await staleSave(tx, personId, draft.basedOnVersion, current.version);
    const content = applyPlanEdit({ previous: current.content, draft, editor: editorOf(gate, decision), now: gate.now, newId: randomUUID });
    if (planChanged(current.content, content)) {
      const next: q.NewVersion = {
        personId,
        version: current.version + 1,
        basedOn: current.version,
        content,
        savedBy: gate.actor.staffId,
        organisationId: decision.grant?.organisationId ?? null,
        savedAt: gate.now,
      };
      // Two first saves find no head to lock and meet at the version's key: the second is stale.
      if (!(await q.insertVersionAndMoveHead(tx, next))) {
        throw await staleSave(tx, personId, next.basedOn, await q.currentVersionOf(tx, personId));
      }
    }
    return planView(tx, personId, todayOf(gate), auditInsertOf([event]));
  });
}

/** The 409 for a save based on an older version: what changed between that version and the current one. */
async function staleSave(tx: Db, personId: string, basedOnVersion: number, currentVersion: number) {
  const [basedOn, current] = await Promise.all([q.contentOf(tx, personId, basedOnVersion), q.contentOf(tx, personId, currentVersion)]);
  if (!current) throw new Error(`Version ${currentVersion} of the plan is named current but was not found`);
  return stalePlanError({ basedOnVersion, basedOn, currentVersion, current });
}
