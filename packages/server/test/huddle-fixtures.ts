/**
 * What the huddle tests need around the API: a network with two practices and a second network,
 * staff of each kind with sessions, and the facts an agenda is built from straight into the
 * database (accepted referrals, case-finding results, hospital encounters, objections, tasks),
 * plus what a held meeting records (items reviewed with a next review, attendance, closing) so
 * the agenda tests do not depend on the meeting module.
 */
import { randomUUID } from 'node:crypto';
import type { StaffRole } from '@kith/core';
import { sql } from 'drizzle-orm';
import type { Db } from '../src/platform/db/client.js';
import { consentRecord, encounter, huddleAttendance, organisation, practice, referral, referralEvent, task } from '../src/platform/db/schema.js';
import { createOrganisation, joinNetworkTeam, sessionFor, staffWithSession, type StaffSession } from './access-fixtures.js';
import { createPractice } from './factories.js';

export interface HuddleWorld {
  networkId: string;
  practiceId: string;
  /** A second practice of the same network. */
  otherPracticeId: string;
  /** A practice of another network. */
  elsewherePracticeId: string;
  trust: string;
  gp: StaffSession;
  nurse: StaffSession;
  lead: StaffSession;
  coordinator: StaffSession;
  outsider: StaffSession;
  commissioner: StaffSession;
  /** Everyone, for moving the clock. */
  everyone: StaffSession[];
}

/** A network of two practices (Tollgate, Parkside), another network, and its staff signed in at `now`. */
export async function huddleWorld(db: Db, now: Date): Promise<HuddleWorld> {
  const { networkId, practiceId } = await createPractice(db);
  const otherPracticeId = randomUUID();
  await db.insert(organisation).values({ id: otherPracticeId, name: 'Parkside Surgery', type: 'gp_practice', odsCode: 'Y90002' });
  await db.insert(practice).values({ id: otherPracticeId, networkId, addressLine1: '2 Park Lane', town: 'Croydon', postcode: 'CR0 2AA' });
  const elsewhere = await createPractice(db, 'Norbury Surgery', 'Y90003');
  const trust = await createOrganisation(db, 'Croydon Health Services');
  const gp = await staffWithSession(db, 'gp', practiceId, now, 'Dr Asha Patel');
  const nurse = await staffWithSession(db, 'nurse', trust, now, 'Grace Mensah');
  await joinNetworkTeam(db, nurse.staffId, trust, networkId);
  const lead = await staffWithSession(db, 'network_lead', otherPracticeId, now, 'Dr Ravi Sharma');
  const coordinator = await staffWithSession(db, 'coordinator', trust, now, 'Kemi Bello');
  await joinNetworkTeam(db, coordinator.staffId, trust, networkId);
  const outsider = await staffWithSession(db, 'gp', elsewhere.practiceId, now, 'Dr Olu Adeyemi');
  const commissioner = await staffWithSession(db, 'commissioner', await createOrganisation(db, 'Croydon ICB', 'commissioner'), now, 'Pat Reed');
  return {
    networkId,
    practiceId,
    otherPracticeId,
    elsewherePracticeId: elsewhere.practiceId,
    trust,
    gp,
    nurse,
    lead,
    coordinator,
    outsider,
    commissioner,
    everyone: [gp, nurse, lead, coordinator, outsider, commissioner],
  };
}

/** Fresh sessions for everyone at `now` (a session lasts minutes idle; the tests span weeks). */
export async function signInAgain(db: Db, world: HuddleWorld, now: Date): Promise<void> {
  for (const who of world.everyone) who.auth = await sessionFor(db, who.staffId, now);
}

/** A weekly Tuesday huddle at Tollgate at 10:00, chaired by the GP with the nurse standing. */
export function seriesBody(world: HuddleWorld, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    name: 'Tollgate Surgery huddle',
    scope: { kind: 'practice', practiceId: world.practiceId },
    weekday: 'tuesday',
    startTime: '10:00',
    durationMinutes: 60,
    place: 'Tollgate Surgery, library',
    frequency: 'weekly',
    firstMeetingOn: '2026-06-02',
    chairStaffId: world.gp.staffId,
    standingMemberStaffIds: [world.nurse.staffId],
    ...overrides,
  };
}

/** A referral to the network, received a week before and accepted at `acceptedAt` (with its history). */
export async function acceptedReferral(db: Db, personId: string, networkId: string, acceptedAt: Date): Promise<string> {
  const id = randomUUID();
  const received = new Date(acceptedAt.getTime() - 7 * 86_400_000);
  await db.insert(referral).values({ id, personId, networkId, status: 'accepted', createdAt: received, version: 2, updatedAt: acceptedAt });
  await db.insert(referralEvent).values([
    { id: randomUUID(), referralId: id, fromState: null, toState: 'received', at: received, version: 1 },
    { id: randomUUID(), referralId: id, fromState: 'received', toState: 'accepted', at: acceptedAt, version: 2 },
  ]);
  return id;
}

/** A hospital contact: an inpatient stay (admission, and discharge when it has ended) or an A&E attendance. */
export async function hospitalContact(
  db: Db,
  personId: string,
  kind: 'inpatient' | 'emergency',
  startDate: string,
  endDate: string | null = null,
  /** An inpatient stay's admission method: 21 (an emergency via A&E) unless given; 11 is planned. */
  admissionMethod = '21',
): Promise<string> {
  const id = randomUUID();
  await db.insert(encounter).values({
    id,
    personId,
    class: kind,
    admissionMethod: kind === 'inpatient' ? admissionMethod : null,
    startDate,
    endDate,
    sourceSystem: 'pas',
    sourceId: id,
  });
  return id;
}

/** A case-finding result for the person, first found at `firstFoundAt`; the rule is made when not given. */
export async function caseFindingResult(db: Db, personId: string, firstFoundAt: Date, ruleId?: string): Promise<string> {
  const rule = ruleId ?? randomUUID();
  if (!ruleId) {
    await db.execute(sql`INSERT INTO referral_rule (id, name, network_id, current_version) VALUES (${rule}::uuid, ${`Frailty ${rule.slice(0, 6)}`}, NULL, 1)`);
  }
  await db.execute(sql`
    INSERT INTO case_finding_result (rule_id, person_id, rule_version, as_of, score, reasons, computed_at, first_found_at)
    VALUES (${rule}::uuid, ${personId}::uuid, 1, ${firstFoundAt.toISOString().slice(0, 10)}::date, 5, 'Frail', ${firstFoundAt.toISOString()}::timestamptz,
            ${firstFoundAt.toISOString()}::timestamptz)`);
  return rule;
}

/** The person's objection to MDT discussion (given), or its withdrawal. */
export async function mdtObjection(db: Db, personId: string, at: Date, state: 'given' | 'withdrawn' = 'given'): Promise<void> {
  await db.insert(consentRecord).values({ id: randomUUID(), personId, kind: 'mdt_objection', state, method: 'verbal', recordedAt: at });
}

export interface TaskFixture {
  personId: string;
  networkId: string;
  createdBy: string;
  meetingId?: string;
  state?: 'open' | 'in_progress' | 'done' | 'cancelled';
  dueOn?: string;
  firstDueOn?: string;
  completedOn?: string | null;
}

/** A task owned by its creator, open unless told. */
export async function insertTask(db: Db, options: TaskFixture): Promise<string> {
  const id = randomUUID();
  const due = options.dueOn ?? '2026-06-30';
  await db.insert(task).values({
    id,
    title: 'Home visit',
    personId: options.personId,
    networkId: options.networkId,
    meetingId: options.meetingId ?? null,
    ownerStaffId: options.createdBy,
    dueOn: due,
    firstDueOn: options.firstDueOn ?? due,
    priority: 'normal',
    state: options.state ?? 'open',
    completedOn: options.completedOn ?? null,
    createdBy: options.createdBy,
    createdAt: new Date('2026-06-01T09:00:00Z'),
  });
  return id;
}

/** What discussing a person at a meeting records: reviewed, and a next review in N weeks when given. */
export async function markReviewed(db: Db, meetingId: string, personId: string, meetsOn: string, weeks: number | null = null): Promise<void> {
  const next = weeks === null ? null : new Date(Date.parse(`${meetsOn}T00:00:00Z`) + weeks * 7 * 86_400_000).toISOString().slice(0, 10);
  await db.execute(sql`
    UPDATE huddle_agenda_item SET reviewed = true, reviewed_at = now(), discuss_again_in_weeks = ${weeks}, next_review_on = ${next}::date
    WHERE meeting_id = ${meetingId}::uuid AND person_id = ${personId}::uuid`);
}

export async function recordAttendance(db: Db, meetingId: string, attendees: { staffId: string; role: StaffRole }[], at: Date): Promise<void> {
  await db.insert(huddleAttendance).values(attendees.map((a) => ({ meetingId, staffId: a.staffId, role: a.role, recordedAt: at })));
}

/** Holds the meeting: started, then closed (its record frozen). */
export async function closeMeeting(db: Db, meetingId: string): Promise<void> {
  await db.execute(sql`UPDATE huddle_meeting SET state = 'in_progress', opened_at = starts_at WHERE id = ${meetingId}::uuid`);
  await db.execute(sql`UPDATE huddle_meeting SET state = 'closed', closed_at = ends_at WHERE id = ${meetingId}::uuid`);
}

/** A meeting of the series cancelled on a day, stored as the meeting module would store it. */
export async function cancelMeeting(db: Db, seriesId: string, meetsOn: string, startsAt: Date, reason: string): Promise<string> {
  const id = randomUUID();
  await db.execute(sql`
    INSERT INTO huddle_meeting (id, series_id, meets_on, starts_at, ends_at, state, cancelled_reason, version)
    VALUES (${id}::uuid, ${seriesId}::uuid, ${meetsOn}::date, ${startsAt.toISOString()}::timestamptz,
            ${new Date(startsAt.getTime() + 3_600_000).toISOString()}::timestamptz, 'cancelled', ${reason}, 2)`);
  return id;
}
