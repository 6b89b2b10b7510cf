/**
 * Writes a synthetic borough (core's generator) into the database: the borough's organisations,
 * networks, teams and staff in one transaction, then its people in batches, each batch one
 * transaction of one statement per table. While the database writes one batch the generator
 * makes the next, and on a PostgreSQL server two batches are written at once, so both the
 * generator and the database stay busy.
 */
import { DomainError, DEMO_PASSWORD, peopleBatches, planBorough, type Borough, type BoroughOptions, type PeopleBatch } from '@kith/core';
import { sql } from 'drizzle-orm';
import { hashPassword } from '../auth/password.js';
import { rowsOf, type Db } from '../db/client.js';
import { insertRows } from './bulk-insert.js';
import * as tables from './borough-tables.js';
import { recomputeEveryone } from '../../modules/case-finding/service.js';
import { seedDemoCare } from './care.js';
import { seedDemoHuddles } from './huddles.js';
import { seedDemoMedicines } from './medicines.js';
import { seedDemoRelationships } from './relationships.js';

export interface SynthesiseOptions extends BoroughOptions {
  /** People per transaction; 5,000 keeps each statement's arrays to a few megabytes. */
  batchSize?: number;
  /** Batches written at the same time: 2 suits a PostgreSQL server; PGlite takes one at a time anyway. */
  concurrentBatches?: number;
}

export interface SynthesisProgress {
  people: number;
  total: number;
}

export interface SynthesisSummary {
  people: number;
  contacts: number;
  conditions: number;
  encounters: number;
  /** Repeat medicines for the conditions that usually have one (medicines.ts). */
  medicines: number;
  /** People with an open referral, a named coordinator and consent recorded (relationships.ts). */
  referrals: number;
  staff: number;
  organisations: number;
  practices: number;
  networks: number;
  teams: number;
  seconds: number;
  borough: Borough;
}

export async function hasPeople(db: Db): Promise<boolean> {
  const [row] = await rowsOf<{ found: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM person) AS found`);
  return row?.found === true;
}

export async function synthesiseBorough(
  db: Db,
  options: SynthesiseOptions,
  onProgress?: (progress: SynthesisProgress) => void,
): Promise<SynthesisSummary> {
  const started = performance.now();
  if (await hasPeople(db)) {
    throw new DomainError('conflict', 'The database already has people: synthesise a borough into an empty database');
  }
  const borough = planBorough(options);
  await writeBoroughPlan(db, borough, await hashPassword(DEMO_PASSWORD));
  const counts = { people: 0, contacts: 0, conditions: 0, encounters: 0 };
  await writeInParallel(db, peopleBatches(borough, options.batchSize ?? 5000), options.concurrentBatches ?? 2, (batch) => {
    counts.people += batch.people.length;
    counts.contacts += batch.contacts.length;
    counts.conditions += batch.conditions.length;
    counts.encounters += batch.encounters.length;
    onProgress?.({ people: counts.people, total: borough.size });
  });
  // Statistics first: the relationships and case-finding statements below are planned on them.
  await settleAfterBulkLoad(db);
  const medicines = await seedDemoMedicines(db, options.referenceDate);
  const { referrals } = await seedDemoRelationships(db, options.referenceDate);
  // The case-finding list is ready at first sign-in, as of the borough's day.
  await db.transaction((tx) => recomputeEveryone(tx, new Date(`${options.referenceDate}T09:00:00Z`)));
  // After case-finding: the huddles' history spreads its first findings back over the year.
  await seedDemoHuddles(db, options.referenceDate);
  await seedDemoCare(db, options.referenceDate);
  await db.execute(sql`ANALYZE referral, referral_event, care_team_member, consent_record, case_finding_result, huddle_series, huddle_series_member,
                       huddle_meeting, huddle_agenda_item, task, support_episode, episode_event, care_contact, instrument_result, medication`);
  return {
    referrals,
    ...counts,
    medicines,
    staff: borough.staff.length,
    organisations: borough.organisations.length,
    practices: borough.practices.length,
    networks: borough.networks.length,
    teams: borough.teams.length,
    seconds: (performance.now() - started) / 1000,
    borough,
  };
}

async function writeBoroughPlan(db: Db, borough: Borough, passwordHash: string): Promise<void> {
  await db.transaction(async (tx) => {
    await insertRows(tx, tables.organisationTable, borough.organisations);
    await insertRows(tx, tables.networkTable, borough.networks);
    await insertRows(tx, tables.practiceTable, borough.practices);
    await insertRows(tx, tables.teamTable, borough.teams);
    await insertRows(tx, tables.staffTable(passwordHash), borough.staff);
    await insertRows(tx, tables.staffRoleTable, borough.staffRoles);
    await insertRows(tx, tables.teamMemberTable, borough.teamMembers);
  });
}

/**
 * After a bulk load, VACUUM marks the new pages all-visible (so searches can read their
 * covering indexes alone) and ANALYZE gives the planner the borough's real shape, rather than
 * waiting for autovacuum to get round to it.
 */
async function settleAfterBulkLoad(db: Db): Promise<void> {
  await db.execute(sql`VACUUM ANALYZE person, person_contact, condition, encounter`);
}

function writePeopleBatch(db: Db, batch: PeopleBatch): Promise<void> {
  return db.transaction(async (tx) => {
    await insertRows(tx, tables.personTable, batch.people);
    await insertRows(tx, tables.contactTable, batch.contacts);
    await insertRows(tx, tables.conditionTable, batch.conditions);
    await insertRows(tx, tables.encounterTable, batch.encounters);
  });
}

/**
 * Makes each batch while up to `concurrency` earlier ones are being written. A failed write
 * stops the making of more; the writes already under way finish before the error is raised.
 */
async function writeInParallel(
  db: Db,
  batches: Iterable<PeopleBatch>,
  concurrency: number,
  onWritten: (batch: PeopleBatch) => void,
): Promise<void> {
  const writing: Promise<void>[] = [];
  const failures: unknown[] = [];
  try {
    for (const batch of batches) {
      while (writing.length >= Math.max(1, concurrency)) await writing.shift();
      const write = writePeopleBatch(db, batch).then(() => onWritten(batch));
      write.catch(() => undefined); // raised when awaited; this only stops an "unhandled" crash meanwhile
      writing.push(write);
    }
  } catch (error) {
    failures.push(error);
  }
  for (const outcome of await Promise.allSettled(writing)) if (outcome.status === 'rejected') failures.push(outcome.reason);
  if (failures.length > 0) throw failures[0];
}
