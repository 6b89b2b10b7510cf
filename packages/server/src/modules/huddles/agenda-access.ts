/**
 * The access gate over a whole agenda at once. An agenda lists people, so each person listed is
 * decided (a read of their identity) and, when shown, recorded: one audit event per person, in
 * the request's transaction. An agenda can hold hundreds of people, so their access facts are
 * read in one statement (the same facts, by the same rules, as platform/access/facts.ts reads
 * for one person; the staff member's networks read first) and each decision is made by the gate's own decideWith: the policy is core's,
 * only the reading is gathered.
 *
 * A place on a network huddle's agenda is itself an open item at the network, so once the
 * agenda is written its people are open to the network's members; a person the reader still
 * may not open (an old agenda, say) stays on it, listed without name or reasons.
 */
import type { BreakGlassGrant, ConsentState, NetworkOpenItem, Relationship } from '@kith/core';
import { sql } from 'drizzle-orm';
import type { AccessGate, PersonAccessFacts } from '../../platform/access/index.js';
import { AGENDA_RELATIONSHIP_DAYS } from '../../platform/access/facts.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { networkIdsOf } from './queries.js';

interface FactsRow {
  person_id: string;
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

function grantOf(row: FactsRow): (BreakGlassGrant & { id: string }) | null {
  if (!row.grant_id || !row.granted_at || !row.grant_expires_at) return null;
  return { id: row.grant_id, reason: row.grant_reason ?? '', grantedAt: new Date(row.granted_at), expiresAt: new Date(row.grant_expires_at) };
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

function factsOf(row: FactsRow): PersonAccessFacts {
  return {
    personId: row.person_id,
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

/** The access facts of many people for one member of staff, by person id. */
export async function accessFactsOfPeople(db: Db, personIds: readonly string[], staffId: string, now: Date): Promise<Map<string, PersonAccessFacts>> {
  if (personIds.length === 0) return new Map();
  const ids = sql`${sql.param(personIds)}::uuid[]`;
  const networks = await networkIdsOf(db, staffId);
  const rows = await rowsOf<FactsRow>(
    db,
    sql`SELECT p.id AS person_id, pr.id AS practice_id, pr.network_id,
          cs.alliance_sharing, cs.voluntary_sector_contact, cs.national_data_opt_out, cs.mdt_objection,
          ct.staff_id IS NOT NULL AS on_care_team,
          coalesce(ct.is_named_coordinator, false) AS is_named_coordinator,
          (pr.network_id IS NOT NULL AND pr.network_id = ANY(${sql.param(networks)}::uuid[])) AS in_network,
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
  return new Map(rows.map((row) => [row.person_id, factsOf(row)]));
}

const IDENTITY = { kind: 'identity' } as const;

/**
 * Decides, for each person listed on a meeting's agenda, whether the reader may see who they
 * are; records one read event per person shown. Returns the people shown.
 */
export async function shownOnAgenda(gate: AccessGate, tx: Db, personIds: readonly string[], meetingId: string): Promise<Set<string>> {
  const facts = await accessFactsOfPeople(tx, personIds, gate.actor.staffId, gate.now);
  const shown = new Set<string>();
  for (const personId of personIds) {
    const known = facts.get(personId);
    if (!known) continue;
    const decision = gate.decideWith(known, 'read', IDENTITY);
    if (!decision.allowed) continue;
    shown.add(personId);
    gate.recordEvent(gate.event(decision, { personId, action: 'read', resourceKind: 'identity', resourceId: `huddle_meeting:${meetingId}` }));
  }
  return shown;
}
