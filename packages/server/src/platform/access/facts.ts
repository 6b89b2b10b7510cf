/**
 * The facts the access policy needs about one person and one member of staff, read in one
 * statement: the person's practice and network, their current consent, and every relationship
 * the staff member has with them (care team, practice, network with an open item, emergency
 * access). core's decide() turns these into a decision; nothing here decides.
 */
import type { BreakGlassGrant, ConsentFacts, ConsentState, NetworkOpenItem, Relationship } from '@kith/core';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/client.js';

export interface PersonAccessFacts {
  personId: string;
  practiceId: string | null;
  networkId: string | null;
  consent: ConsentFacts;
  /** Relationships that hold whatever role the staff member acts in. */
  relationships: Relationship[];
  /** The organisation the relationship "registered practice" needs the staff member to act for. */
  registeredPracticeId: string | null;
  /** The newest emergency access grant this staff member has for the person, if any. */
  breakGlass: (BreakGlassGrant & { id: string }) | null;
}

interface FactsRow {
  /** Set by the query for many people. */
  person_id?: string;
  practice_id: string | null;
  network_id: string | null;
  alliance_sharing: string | null;
  voluntary_sector_contact: string | null;
  national_data_opt_out: string | null;
  mdt_objection: string | null;
  on_care_team: boolean;
  is_named_coordinator: boolean;
  in_network: boolean;
  open_referral: boolean;
  on_agenda: boolean;
  grant_id: string | null;
  grant_reason: string | null;
  granted_at: Date | string | null;
  grant_expires_at: Date | string | null;
}

function consentState(state: string | null): ConsentState {
  return state === 'given' || state === 'withdrawn' ? state : 'not_recorded';
}

/** The newest consent record of one kind for the person, as a scalar subquery. */
function latestConsent(kind: string) {
  return sql`(SELECT c.state FROM consent_record c WHERE c.person_id = p.id AND c.kind = ${kind}
              ORDER BY c.recorded_at DESC, c.id DESC LIMIT 1)`;
}

/**
 * How long a place on a network huddle's agenda keeps the network's members related to the
 * person: from when the item is added, through the meeting, and for the weeks of follow-up
 * after it (actions, the next review). After that a referral or an episode must keep it open.
 */
export const AGENDA_RELATIONSHIP_DAYS = 90;

/** The facts, or undefined when no person has this id. */
export async function personAccessFacts(db: Db, personId: string, staffId: string, now: Date): Promise<PersonAccessFacts | undefined> {
  const [row] = await rowsOf<FactsRow>(
    db,
    sql`SELECT pr.id AS practice_id, pr.network_id,
          ${latestConsent('alliance_sharing')} AS alliance_sharing,
          ${latestConsent('voluntary_sector_contact')} AS voluntary_sector_contact,
          ${latestConsent('national_data_opt_out')} AS national_data_opt_out,
          ${latestConsent('mdt_objection')} AS mdt_objection,
          ct.staff_id IS NOT NULL AS on_care_team,
          coalesce(ct.is_named_coordinator, false) AS is_named_coordinator,
          (pr.network_id IS NOT NULL AND (
             EXISTS (SELECT 1 FROM team_member tm JOIN team t ON t.id = tm.team_id
                     WHERE tm.staff_id = ${staffId}::uuid AND t.network_id = pr.network_id)
             OR EXISTS (SELECT 1 FROM staff_role sr JOIN practice sp ON sp.id = sr.organisation_id
                        WHERE sr.staff_id = ${staffId}::uuid AND sp.network_id = pr.network_id))) AS in_network,
          EXISTS (SELECT 1 FROM referral r WHERE r.person_id = p.id AND r.network_id = pr.network_id
                  AND r.status IN ('received', 'triaged', 'accepted', 'active')) AS open_referral,
          EXISTS (SELECT 1 FROM huddle_agenda_item ai JOIN huddle_meeting m ON m.id = ai.meeting_id
                  JOIN huddle_series hs ON hs.id = m.series_id
                  WHERE ai.person_id = p.id AND hs.network_id = pr.network_id AND m.state <> 'cancelled'
                  AND m.meets_on >= (${now.toISOString()}::timestamptz AT TIME ZONE 'Europe/London')::date - ${AGENDA_RELATIONSHIP_DAYS}::int) AS on_agenda,
          g.id AS grant_id, g.reason AS grant_reason, g.granted_at, g.expires_at AS grant_expires_at
        FROM person p
        LEFT JOIN practice pr ON pr.id = p.registered_practice_id
        LEFT JOIN care_team_member ct ON ct.person_id = p.id AND ct.staff_id = ${staffId}::uuid
        LEFT JOIN LATERAL (SELECT id, reason, granted_at, expires_at FROM break_glass_grant
                           WHERE staff_id = ${staffId}::uuid AND person_id = p.id
                           ORDER BY expires_at DESC LIMIT 1) g ON true
        WHERE p.id = ${personId}::uuid`,
  );
  return row ? factsOf(personId, row) : undefined;
}

function factsOf(personId: string, row: FactsRow): PersonAccessFacts {
  return {
    personId,
    practiceId: row.practice_id,
    networkId: row.network_id,
    registeredPracticeId: row.practice_id,
    consent: {
      allianceSharing: consentState(row.alliance_sharing),
      voluntarySectorContact: consentState(row.voluntary_sector_contact),
      nationalDataOptOut: row.national_data_opt_out === 'given',
      mdtObjection: row.mdt_objection === 'given',
    },
    relationships: relationshipsOf(row),
    breakGlass: grantOf(row),
  };
}

function relationshipsOf(row: FactsRow): Relationship[] {
  const relationships: Relationship[] = [];
  if (row.is_named_coordinator) relationships.push({ kind: 'named_coordinator' });
  if (row.on_care_team) relationships.push({ kind: 'care_team' });
  if (row.in_network) {
    const openItems: NetworkOpenItem[] = [];
    if (row.open_referral) openItems.push('referral');
    if (row.on_agenda) openItems.push('agenda_item');
    relationships.push({ kind: 'network', openItems });
  }
  const grant = grantOf(row);
  if (grant) relationships.push({ kind: 'break_glass', grant });
  return relationships;
}

function grantOf(row: FactsRow): (BreakGlassGrant & { id: string }) | null {
  if (!row.grant_id || !row.granted_at || !row.grant_expires_at) return null;
  return {
    id: row.grant_id,
    reason: row.grant_reason ?? '',
    grantedAt: new Date(row.granted_at),
    expiresAt: new Date(row.grant_expires_at),
  };
}

/**
 * The same facts for many people at once (an agenda, a meeting, a worklist), by person id, in
 * one statement; people with no such id are absent. Each fact is read by the same rule as in
 * personAccessFacts above, which stays a statement of its own because it is on every record
 * read's path; the test "reads the same facts for many people as for one" holds them together.
 */
export async function accessFactsOfPeople(db: Db, personIds: readonly string[], staffId: string, now: Date): Promise<Map<string, PersonAccessFacts>> {
  if (personIds.length === 0) return new Map();
  const ids = sql`${sql.param([...new Set(personIds)])}::uuid[]`;
  const rows = await rowsOf<FactsRow & { person_id: string }>(
    db,
    sql`WITH my_networks AS (
          SELECT t.network_id FROM team_member tm JOIN team t ON t.id = tm.team_id
          WHERE tm.staff_id = ${staffId}::uuid AND t.network_id IS NOT NULL
          UNION
          SELECT sp.network_id FROM staff_role sr JOIN practice sp ON sp.id = sr.organisation_id
          WHERE sr.staff_id = ${staffId}::uuid)
        SELECT p.id AS person_id, pr.id AS practice_id, pr.network_id,
          cs.alliance_sharing, cs.voluntary_sector_contact, cs.national_data_opt_out, cs.mdt_objection,
          ct.staff_id IS NOT NULL AS on_care_team,
          coalesce(ct.is_named_coordinator, false) AS is_named_coordinator,
          (pr.network_id IS NOT NULL AND pr.network_id IN (SELECT network_id FROM my_networks)) AS in_network,
          EXISTS (SELECT 1 FROM referral r WHERE r.person_id = p.id AND r.network_id = pr.network_id
                  AND r.status IN ('received', 'triaged', 'accepted', 'active')) AS open_referral,
          EXISTS (SELECT 1 FROM huddle_agenda_item ai JOIN huddle_meeting m ON m.id = ai.meeting_id
                  JOIN huddle_series hs ON hs.id = m.series_id
                  WHERE ai.person_id = p.id AND hs.network_id = pr.network_id AND m.state <> 'cancelled'
                  AND m.meets_on >= (${now.toISOString()}::timestamptz AT TIME ZONE 'Europe/London')::date - ${AGENDA_RELATIONSHIP_DAYS}::int) AS on_agenda,
          g.id AS grant_id, g.reason AS grant_reason, g.granted_at, g.expires_at AS grant_expires_at
        FROM person p
        LEFT JOIN practice pr ON pr.id = p.registered_practice_id
        LEFT JOIN (SELECT person_id,
                          max(state) FILTER (WHERE kind = 'alliance_sharing') AS alliance_sharing,
                          max(state) FILTER (WHERE kind = 'voluntary_sector_contact') AS voluntary_sector_contact,
                          max(state) FILTER (WHERE kind = 'national_data_opt_out') AS national_data_opt_out,
                          max(state) FILTER (WHERE kind = 'mdt_objection') AS mdt_objection
                   FROM (SELECT DISTINCT ON (person_id, kind) person_id, kind, state FROM consent_record
                         WHERE person_id = ANY(${ids}) ORDER BY person_id, kind, recorded_at DESC, id DESC) newest
                   GROUP BY person_id) cs ON cs.person_id = p.id
        LEFT JOIN care_team_member ct ON ct.person_id = p.id AND ct.staff_id = ${staffId}::uuid
        LEFT JOIN LATERAL (SELECT id, reason, granted_at, expires_at FROM break_glass_grant
                           WHERE staff_id = ${staffId}::uuid AND person_id = p.id
                           ORDER BY expires_at DESC LIMIT 1) g ON true
        WHERE p.id = ANY(${ids})`,
  );
  return new Map(rows.map((row) => [row.person_id, factsOf(row.person_id, row)]));
}

/** Current consent for many people at once (search hits), by person id. */
export async function consentOfPeople(db: Db, personIds: readonly string[]): Promise<Map<string, ConsentFacts>> {
  const result = new Map<string, ConsentFacts>();
  if (personIds.length === 0) return result;
  const rows = await rowsOf<{ person_id: string; kind: string; state: string }>(
    db,
    sql`SELECT DISTINCT ON (person_id, kind) person_id, kind, state FROM consent_record
        WHERE person_id = ANY(${sql.param(personIds)}::uuid[])
        ORDER BY person_id, kind, recorded_at DESC, id DESC`,
  );
  for (const id of personIds) {
    const mine = rows.filter((r) => r.person_id === id);
    const of = (kind: string) => mine.find((r) => r.kind === kind)?.state ?? null;
    result.set(id, {
      allianceSharing: consentState(of('alliance_sharing')),
      voluntarySectorContact: consentState(of('voluntary_sector_contact')),
      nationalDataOptOut: of('national_data_opt_out') === 'given',
      mdtObjection: of('mdt_objection') === 'given',
    });
  }
  return result;
}
