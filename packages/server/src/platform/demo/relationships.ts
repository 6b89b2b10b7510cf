/**
 * The demo borough's care relationships, so that every demo sign-in has people to care for:
 * two in three of the people whom the documents' rule would refer (two or more long-term
 * conditions, two or more emergency admissions in the last twelve months) have an open referral
 * to their practice's network; the third is left for case-finding to find. Four in five are active, with consent to share recorded by a coordinator and a named
 * coordinator from their network's coordinators team; every fifth is newly received (up to a
 * week ago, so some are past their first-contact target) and waits in the network's inbox with
 * no coordinator yet. Set-based SQL over the loaded people, so it is quick at any size.
 * The condition count here is of distinct coded diagnoses; case-finding proper applies the
 * long-term condition code lists.
 */
import { addWorkingDays, demoEmail } from '@kith/core';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/client.js';

export interface DemoRelationships {
  referrals: number;
}

/** Every fifth referred person (in id order, across the borough) has a referral still waiting in its inbox. */
export const DEMO_RECEIVED_EVERY = 5;
/** Every third person the rule finds is left unreferred, for case-finding to find. */
export const DEMO_UNREFERRED_EVERY = 3;
/** The default first-contact target, in working days. */
const FIRST_CONTACT_WORKING_DAYS = 2;
const DEMO_REASON = 'Meets the referral rule: two or more long-term conditions and two or more emergency admissions in the last 12 months';

/** Days received before the reference date (0 to 6), with the first-contact day each gives. */
function receivedDays(referenceDate: string): { daysAgo: number; received: string; due: string }[] {
  return [0, 1, 2, 3, 4, 5, 6].map((daysAgo) => {
    const received = new Date(Date.parse(`${referenceDate}T00:00:00Z`) - daysAgo * 86_400_000).toISOString().slice(0, 10);
    return { daysAgo, received, due: addWorkingDays(received, FIRST_CONTACT_WORKING_DAYS) };
  });
}

export async function seedDemoRelationships(db: Db, referenceDate: string): Promise<DemoRelationships> {
  const at = `${referenceDate}T09:00:00Z`;
  return db.transaction(async (tx) => {
    await tx.execute(sql`
      CREATE TEMP TABLE demo_referred ON COMMIT DROP AS
      WITH conditions AS (SELECT person_id FROM condition GROUP BY person_id HAVING count(DISTINCT code) >= 2),
           admissions AS (SELECT person_id FROM encounter WHERE admission_method LIKE '2%' AND start_date > ${referenceDate}::date - 365
                          GROUP BY person_id HAVING count(*) >= 2)
      SELECT p.id AS person_id, pr.network_id, row_number() OVER (PARTITION BY pr.network_id ORDER BY p.id) AS n,
             row_number() OVER (ORDER BY p.id) AS g
      FROM person p JOIN practice pr ON pr.id = p.registered_practice_id
      WHERE p.id IN (SELECT person_id FROM conditions) AND p.id IN (SELECT person_id FROM admissions)`);
    await tx.execute(sql`DELETE FROM demo_referred WHERE g % ${DEMO_UNREFERRED_EVERY} = 0`);
    const days = receivedDays(referenceDate);
    const daysTable = sql.join(days.map((d) => sql`(${d.daysAgo}::int, ${d.received}::date, ${d.due}::date)`), sql`, `);
    const activeReceived = new Date(Date.parse(`${referenceDate}T00:00:00Z`) - 14 * 86_400_000).toISOString().slice(0, 10);
    const activeDue = addWorkingDays(activeReceived, FIRST_CONTACT_WORKING_DAYS);
    await tx.execute(sql`
      INSERT INTO referral (id, person_id, network_id, status, created_at, source, reason, first_contact_due, first_contact_at, version, updated_at)
      SELECT gen_random_uuid(), r.person_id, r.network_id, 'active', ${at}::timestamptz - interval '14 days', 'case_finding', ${DEMO_REASON},
             ${activeDue}::date, ${at}::timestamptz - interval '13 days', 5, ${at}::timestamptz
      FROM demo_referred r WHERE r.g % ${DEMO_RECEIVED_EVERY} <> 0`);
    await tx.execute(sql`
      INSERT INTO referral (id, person_id, network_id, status, created_at, source, reason, first_contact_due, version, updated_at)
      SELECT gen_random_uuid(), r.person_id, r.network_id, 'received', (d.received + time '09:00') AT TIME ZONE 'UTC', 'case_finding',
             ${DEMO_REASON}, d.due, 1, (d.received + time '09:00') AT TIME ZONE 'UTC'
      FROM demo_referred r JOIN (VALUES ${daysTable}) AS d(days_ago, received, due) ON d.days_ago = (r.g / ${DEMO_RECEIVED_EVERY}) % 7
      WHERE r.g % ${DEMO_RECEIVED_EVERY} = 0`);
    await tx.execute(sql`
      INSERT INTO referral_event (id, referral_id, from_state, to_state, staff_id, at, note, version)
      SELECT gen_random_uuid(), r.id, NULL, 'received', NULL, r.created_at, 'Found by the referral rule', 1
      FROM referral r`);
    await tx.execute(sql`
      INSERT INTO referral_event (id, referral_id, from_state, to_state, staff_id, at, note, version)
      SELECT gen_random_uuid(), r.id, m.from_state, m.to_state, NULL, r.created_at + m.after, m.note, m.version
      FROM referral r CROSS JOIN (VALUES
        ('received', 'triaged', interval '2 hours', NULL, 2),
        ('triaged', 'accepted', interval '3 hours', NULL, 3),
        ('accepted', 'accepted', interval '1 day', 'First contact made', 4),
        ('accepted', 'active', interval '1 day 1 hour', NULL, 5)) AS m(from_state, to_state, after, note, version)
      WHERE r.status = 'active'`);
    await tx.execute(sql`
      CREATE TEMP TABLE demo_coordinator ON COMMIT DROP AS
      SELECT tm.staff_id, sr.organisation_id, t.network_id,
             row_number() OVER (PARTITION BY t.network_id ORDER BY s.email <> ${demoEmail('coordinator')}, tm.staff_id) - 1 AS k,
             count(*) OVER (PARTITION BY t.network_id) AS size
      FROM team t JOIN team_member tm ON tm.team_id = t.id JOIN staff s ON s.id = tm.staff_id
      JOIN staff_role sr ON sr.staff_id = tm.staff_id AND sr.role = 'coordinator'
      WHERE t.network_id IS NOT NULL`);
    await tx.execute(sql`
      INSERT INTO care_team_member (person_id, staff_id, organisation_id, responsibility, is_named_coordinator, added_by, added_at)
      SELECT r.person_id, c.staff_id, c.organisation_id, 'Personal independence coordinator', true, c.staff_id, ${at}::timestamptz
      FROM demo_referred r JOIN demo_coordinator c ON c.network_id = r.network_id AND c.k = (r.n - 1) % c.size
      WHERE r.g % ${DEMO_RECEIVED_EVERY} <> 0`);
    await tx.execute(sql`
      INSERT INTO consent_record (id, person_id, kind, state, method, recorded_by, recorded_at, note)
      SELECT gen_random_uuid(), m.person_id, k.kind, 'given', 'verbal', m.staff_id, ${at}::timestamptz, 'Agreed at the first home visit'
      FROM care_team_member m CROSS JOIN (VALUES ('alliance_sharing'), ('voluntary_sector_contact')) AS k(kind)
      WHERE m.is_named_coordinator`);
    const [row] = await rowsOf<{ referrals: number }>(tx, sql`SELECT count(*)::int AS referrals FROM demo_referred`);
    return { referrals: row?.referrals ?? 0 };
  });
}
