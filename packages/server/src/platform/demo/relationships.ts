/**
 * The demo borough's care relationships, so that every demo sign-in has people to care for:
 * people whom the documents' rule would refer (two or more long-term conditions, two or more
 * emergency admissions in the last twelve months) have an open referral to their practice's
 * network, consent to share recorded by a coordinator, and a named coordinator from their
 * network's coordinators team. Set-based SQL over the loaded people, so it is quick at any size.
 * The condition count here is of distinct coded diagnoses; case-finding proper applies the
 * long-term condition code lists.
 */
import { demoEmail } from '@kith/core';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/client.js';

export interface DemoRelationships {
  referrals: number;
}

export async function seedDemoRelationships(db: Db, referenceDate: string): Promise<DemoRelationships> {
  const at = `${referenceDate}T09:00:00Z`;
  return db.transaction(async (tx) => {
    await tx.execute(sql`
      CREATE TEMP TABLE demo_referred ON COMMIT DROP AS
      SELECT p.id AS person_id, pr.network_id, row_number() OVER (PARTITION BY pr.network_id ORDER BY p.id) AS n
      FROM person p JOIN practice pr ON pr.id = p.registered_practice_id
      WHERE (SELECT count(DISTINCT c.code) FROM condition c WHERE c.person_id = p.id) >= 2
        AND (SELECT count(*) FROM encounter e WHERE e.person_id = p.id AND e.admission_method LIKE '2%'
               AND e.start_date > ${referenceDate}::date - 365) >= 2`);
    await tx.execute(sql`
      INSERT INTO referral (id, person_id, network_id, status, created_at)
      SELECT gen_random_uuid(), person_id, network_id, 'active', ${at}::timestamptz FROM demo_referred`);
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
      FROM demo_referred r JOIN demo_coordinator c ON c.network_id = r.network_id AND c.k = (r.n - 1) % c.size`);
    await tx.execute(sql`
      INSERT INTO consent_record (id, person_id, kind, state, method, recorded_by, recorded_at, note)
      SELECT gen_random_uuid(), m.person_id, k.kind, 'given', 'verbal', m.staff_id, ${at}::timestamptz, 'Agreed at the first home visit'
      FROM care_team_member m CROSS JOIN (VALUES ('alliance_sharing'), ('voluntary_sector_contact')) AS k(kind)
      WHERE m.is_named_coordinator`);
    const [row] = await rowsOf<{ referrals: number }>(tx, sql`SELECT count(*)::int AS referrals FROM demo_referred`);
    return { referrals: row?.referrals ?? 0 };
  });
}
