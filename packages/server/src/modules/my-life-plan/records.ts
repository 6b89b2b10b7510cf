/**
 * What is recorded beside the plan rather than in it: the person's agreement to a version, and
 * progress on a goal over time. Neither changes the plan, so neither makes a new version.
 */
import { randomUUID } from 'node:crypto';
import { DomainError, recordGoalProgress, recordPlanAgreement } from '@kith/core';
import { type AccessContext, withAccess } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { agreementView, progressSeries } from './present.js';
import * as q from './queries.js';
import { PLAN, editorOf, todayOf } from './service.js';

function duplicateAgreement(version: number): DomainError {
  const reason = `The person's agreement to version ${version} is already recorded`;
  return new DomainError('duplicate', reason, [{ field: 'version', reason }], { version });
}

/** Records the person's agreement to one version of their plan, once. */
export function recordAgreement(db: Db, context: AccessContext, personId: string, input: unknown) {
  return withAccess(db, context, async (gate, tx) => {
    const decision = await gate.require(personId, 'write', PLAN);
    const [currentVersion, days] = await Promise.all([q.currentVersionOf(tx, personId), q.savedDays(tx, personId)]);
    const agreement = recordPlanAgreement({
      input,
      editor: editorOf(gate, decision),
      now: gate.now,
      today: todayOf(gate),
      currentVersion,
      versionSavedOn: (version) => days.get(version),
    });
    if (await q.agreementTo(tx, personId, agreement.version)) throw duplicateAgreement(agreement.version);
    const { version, how, agreedOn } = agreement;
    const row = { id: randomUUID(), personId, version, how, agreedOn, note: agreement.note ?? null, recordedBy: gate.actor.staffId, recordedAt: gate.now };
    try {
      await q.insertAgreement(tx, row);
    } catch (error) {
      // Two agreements to one version recorded at once: the second meets the unique key.
      if (isUniqueViolation(error, 'plan_agreement_version_key')) throw duplicateAgreement(agreement.version);
      throw error;
    }
    const stored = await q.agreementTo(tx, personId, agreement.version);
    if (!stored) throw new Error('The agreement just recorded could not be read back');
    return agreementView(stored);
  });
}

/** Records progress on one goal of the current plan; answers with that goal's progress over time. */
export function recordProgress(db: Db, context: AccessContext, personId: string, goalId: string, input: object) {
  return withAccess(db, context, async (gate, tx) => {
    const decision = await gate.require(personId, 'write', PLAN, `goal/${goalId}`);
    const plan = (await q.versionOf(tx, personId))?.content;
    if (!plan) throw DomainError.field('goalId', 'No such goal: this person has no plan yet');
    const record = recordGoalProgress({ input: { ...input, goalId }, plan, editor: editorOf(gate, decision), now: gate.now });
    await q.insertProgress(tx, {
      id: randomUUID(),
      personId,
      goalId: record.goalId,
      status: record.status,
      note: record.note ?? null,
      recordedBy: gate.actor.staffId,
      recordedAt: gate.now,
    });
    const series = progressSeries(plan, await q.progressOf(tx, personId));
    const found = series.find((s) => s.goalId === goalId);
    if (!found) throw new Error('The goal just recorded against is not in the plan');
    return found;
  });
}
