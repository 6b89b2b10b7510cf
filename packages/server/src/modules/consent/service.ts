/**
 * Consent through the gate: reading it is reading the person's summary, recording it is writing
 * to it. Each record names who recorded it, when and how; the newest of each kind is current.
 */
import { randomUUID } from 'node:crypto';
import type { ConsentOverview, ConsentRecord, ConsentRecordInput } from '@kith/core';
import { sql } from 'drizzle-orm';
import { type AccessContext, withAccess } from '../../platform/access/index.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { consentRecord } from '../../platform/db/schema.js';

const SUMMARY = { kind: 'summary' } as const;

export function readConsent(db: Db, context: AccessContext, personId: string): Promise<ConsentOverview> {
  return withAccess(db, context, async (gate, tx) => {
    const decision = await gate.require(personId, 'read', SUMMARY, 'consent');
    return { ...decision.facts!.consent, history: await historyOf(tx, personId) };
  });
}

export function recordConsent(db: Db, context: AccessContext, personId: string, input: ConsentRecordInput): Promise<ConsentOverview> {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'write', SUMMARY, 'consent');
    await tx.insert(consentRecord).values({
      id: randomUUID(),
      personId,
      kind: input.kind,
      state: input.state,
      method: input.method,
      recordedBy: gate.actor.staffId,
      recordedAt: gate.now,
      note: input.note || null,
    });
    gate.refresh(personId);
    const facts = await gate.facts(personId);
    return { ...facts.consent, history: await historyOf(tx, personId) };
  });
}

async function historyOf(db: Db, personId: string): Promise<ConsentRecord[]> {
  const rows = await rowsOf<Omit<ConsentRecord, 'recordedBy' | 'recordedAt'> & { staffId: string | null; staffName: string | null; recordedAt: Date | string }>(
    db,
    sql`SELECT c.id, c.kind, c.state, c.method, c.note, c.recorded_at AS "recordedAt", s.id AS "staffId", s.name AS "staffName"
        FROM consent_record c LEFT JOIN staff s ON s.id = c.recorded_by
        WHERE c.person_id = ${personId} ORDER BY c.recorded_at DESC, c.id DESC`,
  );
  return rows.map(({ staffId, staffName, recordedAt, ...r }) => ({
    ...r,
    recordedAt: new Date(recordedAt).toISOString(),
    recordedBy: staffId ? { id: staffId, name: staffName ?? '' } : null,
  }));
}
