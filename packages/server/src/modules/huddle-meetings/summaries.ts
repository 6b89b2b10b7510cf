/**
 * The summary beside each person on the agenda, for every person at once: conditions, hospital
 * and A&E contacts in the last 90 days, the named coordinator and how to reach them, open
 * referrals and open tasks. Five set-based statements whatever the length of the agenda. The
 * caller has already decided, through the gate, which people the reader may see.
 */
import { type MeetingPersonSummary, OPEN_REFERRAL_STATES, isOverdue } from '@kith/core';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { openTasksForPeople } from '../tasks/service.js';
import { iso } from './queries.js';

/** How far back "recent hospital events" reach. */
export const RECENT_HOSPITAL_DAYS = 90;

const OPEN_REFERRALS = sql.raw(OPEN_REFERRAL_STATES.map((s) => `'${s}'`).join(', '));

function groupBy<T extends { person_id: string }>(rows: readonly T[]): Map<string, T[]> {
  const grouped = new Map<string, T[]>();
  for (const row of rows) {
    const list = grouped.get(row.person_id);
    if (list) list.push(row);
    else grouped.set(row.person_id, [row]);
  }
  return grouped;
}

function conditionsOf(db: Db, ids: readonly string[]) {
  return rowsOf<{ person_id: string; code: string; display: string | null; onset_date: string | null }>(
    db,
    sql`SELECT person_id, code, display, onset_date::text AS onset_date FROM condition
        WHERE person_id = ANY(${sql.param(ids)}::uuid[]) ORDER BY person_id, onset_date NULLS LAST, code`,
  );
}

function encountersOf(db: Db, ids: readonly string[], today: string) {
  const since = sql`(${today}::date - ${RECENT_HOSPITAL_DAYS}::int)`;
  return rowsOf<{ person_id: string; class: string; emergency: boolean; start_date: string; end_date: string | null }>(
    db,
    sql`SELECT person_id, class, coalesce(admission_method LIKE '2%', false) AS emergency,
               start_date::text AS start_date, end_date::text AS end_date
        FROM encounter
        WHERE person_id = ANY(${sql.param(ids)}::uuid[]) AND (start_date >= ${since} OR end_date >= ${since})
        ORDER BY person_id, start_date DESC`,
  );
}

function coordinatorsOf(db: Db, ids: readonly string[]) {
  return rowsOf<{ person_id: string; staff_id: string; name: string; email: string | null; organisation_name: string; phone: string | null }>(
    db,
    sql`SELECT m.person_id, m.staff_id, s.name, s.email, o.name AS organisation_name, pr.phone
        FROM care_team_member m
        JOIN staff s ON s.id = m.staff_id
        JOIN organisation o ON o.id = m.organisation_id
        LEFT JOIN practice pr ON pr.id = m.organisation_id
        WHERE m.person_id = ANY(${sql.param(ids)}::uuid[]) AND m.is_named_coordinator`,
  );
}

function referralsOf(db: Db, ids: readonly string[]) {
  return rowsOf<{ person_id: string; id: string; network_name: string; status: string; created_at: Date | string }>(
    db,
    sql`SELECT r.person_id, r.id, n.name AS network_name, r.status, r.created_at
        FROM referral r JOIN network n ON n.id = r.network_id
        WHERE r.person_id = ANY(${sql.param(ids)}::uuid[]) AND r.status IN (${OPEN_REFERRALS})
        ORDER BY r.person_id, r.created_at DESC`,
  );
}

/** Summaries by person id; `today` is England's date. */
export async function summariesOf(db: Db, personIds: readonly string[], today: string): Promise<Map<string, MeetingPersonSummary>> {
  const result = new Map<string, MeetingPersonSummary>();
  if (personIds.length === 0) return result;
  const conditions = groupBy(await conditionsOf(db, personIds));
  const encounters = groupBy(await encountersOf(db, personIds, today));
  const coordinators = groupBy(await coordinatorsOf(db, personIds));
  const referrals = groupBy(await referralsOf(db, personIds));
  const tasks = await openTasksForPeople(db, personIds);
  for (const id of personIds) {
    const coordinator = coordinators.get(id)?.[0];
    result.set(id, {
      conditions: (conditions.get(id) ?? []).map((c) => ({ code: c.code, display: c.display, onsetDate: c.onset_date })),
      recentHospitalEvents: (encounters.get(id) ?? []).map((e) => ({ class: e.class, emergency: e.emergency, startDate: e.start_date, endDate: e.end_date })),
      namedCoordinator: coordinator
        ? { staffId: coordinator.staff_id, name: coordinator.name, organisationName: coordinator.organisation_name, email: coordinator.email, phone: coordinator.phone }
        : null,
      openReferrals: (referrals.get(id) ?? []).map((r) => ({ referralId: r.id, networkName: r.network_name, status: r.status, receivedAt: iso(r.created_at) })),
      openTasks: (tasks.get(id) ?? []).map((t) => ({ ...t, overdue: isOverdue(t, today) })),
      // Kith keeps no My Life plan yet: the headline appears here once plans are stored.
      planHeadline: null,
    });
  }
  return result;
}
