/**
 * Huddle meetings straight into the database: a series, a meeting on a given day in a given
 * state, and agenda items with their reasons, so the meeting tests do not depend on the agenda
 * builder. Also the clinical facts a person's summary shows (conditions, hospital contacts, a
 * named coordinator, an open task) and an objection to MDT discussion.
 */
import { randomUUID } from 'node:crypto';
import { type AgendaReason, type MeetingState, type Sbar, localTimeToInstant } from '@kith/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/client.js';
import { condition, consentRecord, encounter, huddleAgendaItem, huddleMeeting, huddleSeries, task } from '../src/platform/db/schema.js';
import { createOrganisation, joinNetworkTeam, staffWithSession } from './access-fixtures.js';
import { createPractice } from './factories.js';

export async function createSeries(
  db: Db,
  options: { networkId: string; chairStaffId: string; practiceId?: string; name?: string; place?: string },
): Promise<string> {
  const id = randomUUID();
  await db.insert(huddleSeries).values({
    id,
    name: options.name ?? 'Tollgate Surgery huddle',
    scope: options.practiceId ? 'practice' : 'network',
    practiceId: options.practiceId ?? null,
    networkId: options.networkId,
    weekday: 'tuesday',
    startTime: '12:30',
    durationMinutes: 60,
    place: options.place ?? 'Tollgate Surgery, meeting room 2',
    frequency: 'weekly',
    firstMeetingOn: '2026-01-06',
    chairStaffId: options.chairStaffId,
  });
  return id;
}

/**
 * A meeting of the series on `meetsOn` at 12:30 in England. A closed meeting is inserted
 * scheduled, then moved to closed, as the freeze only lets it close once.
 */
export async function createMeeting(
  db: Db,
  options: { seriesId: string; meetsOn: string; state?: MeetingState; objectionsWithheld?: number },
): Promise<string> {
  const id = randomUUID();
  const startsAt = localTimeToInstant(options.meetsOn, '12:30');
  await db.insert(huddleMeeting).values({
    id,
    seriesId: options.seriesId,
    meetsOn: options.meetsOn,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 60 * 60_000),
    state: options.state === 'closed' ? 'in_progress' : (options.state ?? 'scheduled'),
    objectionsWithheld: options.objectionsWithheld ?? 0,
    agendaBuiltAt: startsAt,
  });
  if (options.state === 'closed') await db.execute(sql`UPDATE huddle_meeting SET state = 'closed', closed_at = starts_at WHERE id = ${id}::uuid`);
  return id;
}

export const REFERRAL_REASON = (acceptedAt: string): AgendaReason => ({ kind: 'referral_accepted', referralId: randomUUID(), acceptedAt });

export async function addAgendaItem(
  db: Db,
  options: { meetingId: string; personId: string; position: number; reasons?: AgendaReason[]; carriedCount?: number; minutes?: number; sbar?: Sbar },
): Promise<string> {
  const id = randomUUID();
  await db.insert(huddleAgendaItem).values({
    id,
    meetingId: options.meetingId,
    personId: options.personId,
    position: options.position,
    minutes: options.minutes ?? null,
    reasons: options.reasons ?? [{ kind: 'review_due', dueOn: '2026-05-26' }],
    carriedCount: options.carriedCount ?? 0,
    sbar: options.sbar ?? null,
  });
  return id;
}

/** A meeting with one agenda item per person, in the order given. */
export async function meetingWithAgenda(
  db: Db,
  options: { seriesId: string; meetsOn: string; personIds: readonly string[]; state?: MeetingState; objectionsWithheld?: number },
): Promise<{ meetingId: string; itemIds: string[] }> {
  const meetingId = await createMeeting(db, { ...options, state: options.state === 'closed' ? 'in_progress' : options.state });
  const itemIds: string[] = [];
  for (const [index, personId] of options.personIds.entries()) itemIds.push(await addAgendaItem(db, { meetingId, personId, position: index + 1 }));
  if (options.state === 'closed') await db.execute(sql`UPDATE huddle_meeting SET state = 'closed', closed_at = starts_at WHERE id = ${meetingId}::uuid`);
  return { meetingId, itemIds };
}

let sourceSerial = 0;
const sourceId = () => `test-${++sourceSerial}`;

export async function insertCondition(db: Db, personId: string, code: string, display: string, onsetDate: string | null = null) {
  await db.insert(condition).values({ id: randomUUID(), personId, codeSystem: 'snomed', code, display, onsetDate, sourceSystem: 'test', sourceId: sourceId() });
}

/** A hospital contact: an emergency admission (method 21) unless told otherwise. */
export async function insertEncounter(db: Db, personId: string, startDate: string, endDate: string | null, klass = 'inpatient', admissionMethod: string | null = '21') {
  await db.insert(encounter).values({ id: randomUUID(), personId, class: klass, admissionMethod, startDate, endDate, sourceSystem: 'test', sourceId: sourceId() });
}

/** An open task for the person, owned by a member of staff. */
export async function insertOpenTask(db: Db, options: { personId: string; networkId: string; ownerStaffId: string; title: string; dueOn: string; now: Date }) {
  const id = randomUUID();
  await db.insert(task).values({
    id,
    title: options.title,
    personId: options.personId,
    networkId: options.networkId,
    ownerStaffId: options.ownerStaffId,
    dueOn: options.dueOn,
    firstDueOn: options.dueOn,
    priority: 'normal',
    state: 'open',
    createdBy: options.ownerStaffId,
    createdAt: options.now,
  });
  return id;
}

/** The person objects to being discussed at MDT huddles. */
export async function recordMdtObjection(db: Db, personId: string, now: Date) {
  await db.insert(consentRecord).values({ id: randomUUID(), personId, kind: 'mdt_objection', state: 'given', method: 'verbal', recordedAt: now });
}

/**
 * The people of a huddle: a GP who chairs it (at the practice), a community nurse and a
 * pharmacist on the network's team, a volunteer on the network's team too (so only their role
 * keeps them out), and a nurse outside the network.
 */
export async function huddleScene(db: Db, now: Date) {
  const { networkId, practiceId } = await createPractice(db);
  const trust = await createOrganisation(db, 'Croydon Health Services');
  const voluntary = await createOrganisation(db, 'Age UK Croydon', 'voluntary');
  const chair = await staffWithSession(db, 'gp', practiceId, now, 'Dr Asha Patel');
  const nurse = await staffWithSession(db, 'nurse', trust, now, 'Grace Mensah');
  await joinNetworkTeam(db, nurse.staffId, trust, networkId);
  const pharmacist = await staffWithSession(db, 'pharmacist', trust, now, 'Ian Holt');
  await joinNetworkTeam(db, pharmacist.staffId, trust, networkId);
  const volunteer = await staffWithSession(db, 'volunteer', voluntary, now, 'Vic Owen');
  await joinNetworkTeam(db, volunteer.staffId, voluntary, networkId);
  const outsider = await staffWithSession(db, 'nurse', trust, now, 'Olu Adeyemi');
  const seriesId = await createSeries(db, { networkId, practiceId, chairStaffId: chair.staffId });
  return { networkId, practiceId, trust, voluntary, chair, nurse, pharmacist, volunteer, outsider, seriesId };
}
export type HuddleScene = Awaited<ReturnType<typeof huddleScene>>;
