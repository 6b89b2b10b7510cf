/**
 * The referral tables in SQL: one row shape for every list, the history of one referral, and
 * network membership (a place on a team of the network, or a role at one of its practices).
 */
import {
  REFERRAL_MOVES,
  type ReferralEvent,
  type ReferralInboxQuery,
  type ReferralOutcome,
  type ReferralSource,
  type ReferralState,
  type ReferralView,
  isReferralOverdue,
} from '@kith/core';
import { type SQL, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db/client.js';

export interface ReferralRow {
  id: string;
  person_id: string;
  given_name: string;
  family_name: string;
  nhs_number: string;
  date_of_birth: string;
  network_id: string;
  network_name: string;
  status: ReferralState;
  source: ReferralSource;
  reason: string;
  case_finding_reasons: string | null;
  referred_by: string | null;
  referrer_name: string | null;
  referred_by_organisation_id: string | null;
  referrer_organisation_name: string | null;
  created_at: Date | string;
  first_contact_due: string | null;
  first_contact_at: Date | string | null;
  decline_reason: string | null;
  outcome: ReferralOutcome | null;
  outcome_note: string | null;
  version: number;
  updated_at: Date | string;
}

const iso = (value: Date | string) => new Date(value).toISOString();

/** Open, not yet contacted, and its target day has ended: as SQL, for the inbox filter. */
function overdueCondition(today: string): SQL {
  return sql`(r.status IN ('received', 'triaged', 'accepted', 'active') AND r.first_contact_at IS NULL
              AND r.first_contact_due < ${today}::date)`;
}

function selectReferrals(where: SQL, limit = 200): SQL {
  return sql`SELECT r.id, r.person_id, p.given_name, p.family_name, p.nhs_number, p.date_of_birth::text AS date_of_birth,
                    r.network_id, n.name AS network_name, r.status, r.source, r.reason, r.case_finding_reasons,
                    r.referred_by, s.name AS referrer_name, r.referred_by_organisation_id, o.name AS referrer_organisation_name,
                    r.created_at, r.first_contact_due::text AS first_contact_due, r.first_contact_at, r.decline_reason,
                    r.outcome, r.outcome_note, r.version, r.updated_at
             FROM referral r
             JOIN person p ON p.id = r.person_id
             JOIN network n ON n.id = r.network_id
             LEFT JOIN staff s ON s.id = r.referred_by
             LEFT JOIN organisation o ON o.id = r.referred_by_organisation_id
             WHERE ${where}
             ORDER BY r.created_at DESC, r.id
             LIMIT ${sql.raw(String(limit))}`;
}

export async function referralById(db: Db, id: string): Promise<ReferralRow | undefined> {
  const [row] = await rowsOf<ReferralRow>(db, selectReferrals(sql`r.id = ${id}::uuid`, 1));
  return row;
}

export function inboxRows(db: Db, query: ReferralInboxQuery, today: string): Promise<ReferralRow[]> {
  const conditions: SQL[] = [sql`r.network_id = ${query.networkId}::uuid`];
  if (query.state === 'open') conditions.push(sql`r.status IN ('received', 'triaged', 'accepted', 'active')`);
  else if (query.state) conditions.push(sql`r.status = ${query.state}`);
  if (query.source) conditions.push(sql`r.source = ${query.source}`);
  if (query.overdue === true) conditions.push(overdueCondition(today));
  if (query.overdue === false) conditions.push(sql`NOT ${overdueCondition(today)}`);
  return rowsOf<ReferralRow>(db, selectReferrals(sql.join(conditions, sql` AND `)));
}

export function personRows(db: Db, personId: string): Promise<ReferralRow[]> {
  return rowsOf<ReferralRow>(db, selectReferrals(sql`r.person_id = ${personId}::uuid`));
}

export function sentRows(db: Db, staffId: string): Promise<ReferralRow[]> {
  return rowsOf<ReferralRow>(db, selectReferrals(sql`r.referred_by = ${staffId}::uuid`));
}

export async function openReferralId(db: Db, personId: string, networkId: string): Promise<string | undefined> {
  const [row] = await rowsOf<{ id: string }>(
    db,
    sql`SELECT id FROM referral WHERE person_id = ${personId}::uuid AND network_id = ${networkId}::uuid
          AND status IN ('received', 'triaged', 'accepted', 'active') LIMIT 1`,
  );
  return row?.id;
}

export async function historyOf(db: Db, referralId: string): Promise<ReferralEvent[]> {
  const rows = await rowsOf<{ from_state: ReferralState | null; to_state: ReferralState; staff_id: string | null; staff_name: string | null; at: Date | string; note: string | null }>(
    db,
    sql`SELECT e.from_state, e.to_state, e.staff_id, s.name AS staff_name, e.at, e.note
        FROM referral_event e LEFT JOIN staff s ON s.id = e.staff_id
        WHERE e.referral_id = ${referralId}::uuid ORDER BY e.version`,
  );
  return rows.map((r) => ({ fromState: r.from_state, toState: r.to_state, staffId: r.staff_id, staffName: r.staff_name, at: iso(r.at), note: r.note }));
}

/** The networks a member of staff belongs to: a team of the network, or a role at one of its practices. */
export function networksOf(db: Db, staffId: string): Promise<{ id: string; name: string }[]> {
  return rowsOf<{ id: string; name: string }>(
    db,
    sql`SELECT n.id, n.name FROM network n
        WHERE EXISTS (SELECT 1 FROM team_member tm JOIN team t ON t.id = tm.team_id
                      WHERE tm.staff_id = ${staffId}::uuid AND t.network_id = n.id)
           OR EXISTS (SELECT 1 FROM staff_role sr JOIN practice sp ON sp.id = sr.organisation_id
                      WHERE sr.staff_id = ${staffId}::uuid AND sp.network_id = n.id)
        ORDER BY n.name, n.id`,
  );
}

export async function isNetworkMember(db: Db, staffId: string, networkId: string): Promise<boolean> {
  return (await networksOf(db, staffId)).some((n) => n.id === networkId);
}

/** The row as the API shows it; `shown` false hides the person and the reason (the gate refused them). */
export function viewOf(row: ReferralRow, today: string, shown: boolean): ReferralView {
  const firstContactAt = row.first_contact_at === null ? null : iso(row.first_contact_at);
  return {
    id: row.id,
    personId: row.person_id,
    person: shown ? { name: `${row.given_name} ${row.family_name}`, nhsNumber: row.nhs_number, dateOfBirth: row.date_of_birth } : null,
    networkId: row.network_id,
    networkName: row.network_name,
    status: row.status,
    source: row.source,
    reason: shown ? row.reason : null,
    caseFindingReasons: shown ? row.case_finding_reasons : null,
    referredBy: row.referred_by
      ? {
          staffId: row.referred_by,
          name: row.referrer_name ?? '',
          organisationId: row.referred_by_organisation_id,
          organisationName: row.referrer_organisation_name,
        }
      : null,
    receivedAt: iso(row.created_at),
    firstContactDue: row.first_contact_due,
    firstContactAt,
    overdue: isReferralOverdue({ status: row.status, firstContactDue: row.first_contact_due, firstContactAt }, today),
    declineReason: shown ? row.decline_reason : null,
    outcome: row.outcome,
    outcomeNote: shown ? row.outcome_note : null,
    version: row.version,
    updatedAt: iso(row.updated_at),
    nextStates: [...REFERRAL_MOVES[row.status]],
  };
}
