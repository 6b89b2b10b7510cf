/**
 * The signed-in coordinator's caseload: the people they are the named coordinator for who have
 * an open episode, most in need first (core's caseloadRows). Being named coordinator is a
 * relationship, but the gate still decides each person, first, since a role or an account can
 * change; each person listed is one audited read of their summary, and anyone refused is left
 * out (nothing of their record read) rather than failing the whole list.
 */
import { type CaseloadRow, caseloadRows } from '@kith/core';
import { type AccessContext, type AccessGate, withAccess } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import { caseloadOf, caseloadPeople } from './caseload-query.js';
import { SUMMARY, todayOf } from './service.js';

export function readCaseload(db: Db, context: AccessContext): Promise<{ today: string; rows: CaseloadRow[] }> {
  return withAccess(db, context, async (gate, tx) => {
    const today = todayOf(gate);
    // The gate decides on each person before anything of their record is read.
    const shown = await peopleShown(gate, await caseloadPeople(tx, gate.actor.staffId));
    return { today, rows: caseloadRows(await caseloadOf(tx, gate.actor.staffId, today, [...shown]), today) };
  });
}

/**
 * Decides each person once, reading everyone's facts in one statement first. Both outcomes are
 * queued with the caseload's own work: a refusal here does not fail the request, so it would
 * otherwise go unrecorded.
 */
async function peopleShown(gate: AccessGate, personIds: string[]): Promise<Set<string>> {
  await gate.prefetch(personIds);
  const shown = new Set<string>();
  for (const personId of personIds) {
    if (!gate.hasFacts(personId)) continue;
    const decision = await gate.decide(personId, 'read', SUMMARY);
    gate.recordEvent(gate.event(decision, { personId, action: 'read', resourceKind: 'summary', resourceId: 'caseload' }));
    if (decision.allowed) shown.add(personId);
  }
  return shown;
}
