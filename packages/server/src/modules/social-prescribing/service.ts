/**
 * Social prescribing through the gate: from a person's record, staff caring for them refer or
 * signpost them to a service in the directory, with what matters to them, their needs, the
 * support offered and their consent to share; then close the loop: the provider's acceptance,
 * each session attended or missed, and the outcome. Each is writing to the person's summary, so
 * it needs a relationship and is audited; each move is made at the version read and kept.
 *
 * A referral shares the person's details with the provider, so it needs their consent (core
 * refuses one without, and so does the database), and it goes only to a service that takes
 * direct referrals; any other is signposted.
 */
import { randomUUID } from 'node:crypto';
import {
  type SocialPrescriptionInput,
  DomainError,
  attendanceMove,
  checkMove,
  englandDate,
  firstState,
  parseAttendance,
  parseSocialPrescriptionMove,
} from '@kith/core';
import { sql } from 'drizzle-orm';
import { type AccessContext, withAccess } from '../../platform/access/index.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { socialPrescription, socialPrescriptionAttendance, socialPrescriptionEvent } from '../../platform/db/social-prescribing-schema.js';
import { type SocialPrescriptionView, prescriptionsOf } from './views.js';

const SUMMARY = { kind: 'summary' } as const;

async function serviceToPrescribe(tx: Db, serviceId: string, kind: SocialPrescriptionInput['kind']) {
  const [service] = await rowsOf<{ status: string; referral_mode: string; name: string }>(
    tx,
    sql`SELECT status, referral_mode, name FROM directory_service WHERE id = ${serviceId}`,
  );
  if (!service) throw DomainError.field('serviceId', 'No service in the directory has this id');
  if (service.status !== 'active') throw new DomainError('conflict', `${service.name} is not running at present (${service.status})`, [{ field: 'serviceId', reason: 'Not running at present' }]);
  if (kind === 'referral' && service.referral_mode !== 'direct_referral') {
    throw new DomainError('conflict', `${service.name} does not take referrals: signpost the person to it instead`, [{ field: 'kind', reason: 'This service takes no direct referrals' }]);
  }
}

export function prescribe(db: Db, context: AccessContext, personId: string, input: SocialPrescriptionInput): Promise<SocialPrescriptionView> {
  return withAccess(db, context, async (gate, tx) => {
    const decision = await gate.require(personId, 'write', SUMMARY, 'social_prescription');
    await serviceToPrescribe(tx, input.serviceId, input.kind);
    const id = randomUUID();
    const state = firstState(input.kind);
    await tx.insert(socialPrescription).values({
      id,
      personId,
      serviceId: input.serviceId,
      kind: input.kind,
      state,
      whatMatters: input.whatMatters,
      needs: [...input.needs],
      supportOffered: input.supportOffered,
      consentGiven: input.consent.given,
      consentHow: input.consent.how ?? null,
      note: input.note ?? null,
      referredBy: gate.actor.staffId,
      organisationId: decision.grant?.organisationId ?? null,
      createdAt: gate.now,
      updatedAt: gate.now,
    });
    await tx.insert(socialPrescriptionEvent).values({ id: randomUUID(), prescriptionId: id, fromState: null, toState: state, version: 1, at: gate.now, by: gate.actor.staffId, note: input.note ?? null });
    const [view] = await prescriptionsOf(tx, { personId, id });
    return view!;
  });
}

export function listPrescriptions(db: Db, context: AccessContext, personId: string): Promise<SocialPrescriptionView[]> {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'read', SUMMARY, 'social_prescriptions');
    return prescriptionsOf(tx, { personId });
  });
}

interface Locked {
  person_id: string;
  kind: string;
  state: string;
  version: number;
}

async function lockPrescription(tx: Db, personId: string, id: string): Promise<Locked> {
  const [row] = await rowsOf<Locked>(tx, sql`SELECT person_id, kind, state, version FROM social_prescription WHERE id = ${id} AND person_id = ${personId} FOR UPDATE`);
  if (!row) throw new DomainError('not_found', 'This person has no social prescription with this id');
  return row;
}

function checkVersion(row: Locked, version: number) {
  if (row.version !== version) {
    throw new DomainError('conflict', `This has changed since it was read: it is at version ${row.version}. Reload it and try again.`, [
      { field: 'version', reason: `Now at version ${row.version}` },
    ]);
  }
}

async function moveTo(tx: Db, row: Locked & { id: string }, to: string, by: string, now: Date, extra: { note?: string; outcome?: string }) {
  await tx.execute(sql`UPDATE social_prescription SET state = ${to}, outcome = coalesce(${extra.outcome ?? null}, outcome), version = version + 1,
    updated_at = ${now.toISOString()}::timestamptz WHERE id = ${row.id}`);
  await tx.insert(socialPrescriptionEvent).values({
    id: randomUUID(),
    prescriptionId: row.id,
    fromState: row.state,
    toState: to,
    version: row.version + 1,
    at: now,
    by,
    note: extra.note ?? null,
    outcome: extra.outcome ?? null,
  });
}

/** The provider's answer, attendance begun, the end with its outcome: one move, at the version read. */
export function movePrescription(db: Db, context: AccessContext, personId: string, id: string, body: unknown): Promise<SocialPrescriptionView> {
  return withAccess(db, context, async (gate, tx) => {
    const move = parseSocialPrescriptionMove(body, englandDate(gate.now));
    await gate.require(personId, 'write', SUMMARY, 'social_prescription');
    const row = await lockPrescription(tx, personId, id);
    checkVersion(row, move.version);
    checkMove(row.state as never, move.to, row.kind as never);
    await moveTo(tx, { ...row, id }, move.to, gate.actor.staffId, gate.now, { note: move.note, outcome: move.outcome });
    const [view] = await prescriptionsOf(tx, { personId, id });
    return view!;
  });
}

/** A session attended or missed; the first attended moves a signposted or accepted one to attending. */
export function recordAttendance(db: Db, context: AccessContext, personId: string, id: string, body: unknown): Promise<SocialPrescriptionView> {
  return withAccess(db, context, async (gate, tx) => {
    const attendance = parseAttendance(body, englandDate(gate.now));
    await gate.require(personId, 'write', SUMMARY, 'social_prescription');
    const row = await lockPrescription(tx, personId, id);
    if (['declined', 'not_taken_up', 'completed', 'withdrawn', 'sent'].includes(row.state)) {
      throw new DomainError('conflict', row.state === 'sent' ? 'The provider has not accepted the referral yet' : 'This has finished: no more sessions are recorded', [
        { field: 'on', reason: 'Not attending' },
      ]);
    }
    await tx.insert(socialPrescriptionAttendance).values({
      id: randomUUID(),
      prescriptionId: id,
      on: attendance.on,
      attended: attendance.attended,
      note: attendance.note ?? null,
      recordedBy: gate.actor.staffId,
      recordedAt: gate.now,
    });
    const next = attendance.attended ? attendanceMove(row.state as never) : undefined;
    if (next) await moveTo(tx, { ...row, id }, next, gate.actor.staffId, gate.now, { note: `Attended on ${attendance.on}` });
    else await tx.execute(sql`UPDATE social_prescription SET version = version + 1, updated_at = ${gate.now.toISOString()}::timestamptz WHERE id = ${id}`);
    const [view] = await prescriptionsOf(tx, { personId, id });
    return view!;
  });
}
