/**
 * For the tests only: what the support-episode tests build straight into the database (a
 * referral, a plan with a review date, wellbeing scores at the start and end of an episode), and
 * counts of what was written, so a refused or bad request can be shown to have written nothing.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { instrumentResult, myLifePlan, supportEpisode } from '../src/platform/db/care-schema.js';
import { type Db, rowsOf } from '../src/platform/db/client.js';
import { referral } from '../src/platform/db/schema.js';

export async function referralReceived(db: Db, personId: string, networkId: string, at: Date): Promise<string> {
  const id = randomUUID();
  await db.insert(referral).values({ id, personId, networkId, status: 'accepted', createdAt: at });
  return id;
}

export async function planReviewOn(db: Db, personId: string, reviewOn: string, now: Date): Promise<void> {
  await db.insert(myLifePlan).values({ personId, currentVersion: 1, reviewOn, updatedAt: now });
}

/** A 12-week care coordination episode, as the episode service would have left it. */
export async function episodeIn(db: Db, personId: string, status: 'active' | 'ended', createdBy: string, now: Date): Promise<void> {
  const startOn = now.toISOString().slice(0, 10);
  await db.insert(supportEpisode).values({
    id: randomUUID(),
    personId,
    type: 'care_coordination',
    status,
    plannedWeeks: 12,
    startOn,
    endedOn: status === 'ended' ? startOn : null,
    endReason: status === 'ended' ? 'goals_met' : null,
    createdBy,
    createdAt: now,
  });
}

export async function wellbeingScore(
  db: Db,
  options: { personId: string; episodeId: string; instrument: 'swemwbs' | 'ucla3'; moment: 'start' | 'end'; score: number; staffId: string; at: Date },
): Promise<void> {
  await db.insert(instrumentResult).values({
    id: randomUUID(),
    personId: options.personId,
    instrument: options.instrument,
    answers: {},
    result: {},
    score: options.score,
    episodeId: options.episodeId,
    moment: options.moment,
    recordedBy: options.staffId,
    recordedAt: options.at,
  });
}

/** Rows in the episode and contact tables: what a refused or bad request must leave unchanged. */
export async function writtenCounts(db: Db) {
  const [row] = await rowsOf<{ episodes: number; events: number; contacts: number; versions: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM support_episode) AS episodes, (SELECT count(*)::int FROM episode_event) AS events,
               (SELECT count(*)::int FROM care_contact) AS contacts, (SELECT coalesce(sum(version), 0)::int FROM support_episode) AS versions`,
  );
  return row!;
}

/** Refusals recorded for this member of staff on this kind of resource. */
export async function deniedCount(db: Db, staffId: string, resourceType: string): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(
    db,
    sql`SELECT count(*)::int AS n FROM audit_event WHERE actor_staff_id = ${staffId} AND resource_type = ${resourceType} AND outcome = 'denied'`,
  );
  return row!.n;
}

export const days = (from: Date, n: number) => new Date(from.getTime() + n * 86_400_000);
