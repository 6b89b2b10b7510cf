/**
 * Where an agenda's items come from, read set-based over the people the series serves (those
 * registered at its practice, or at any practice of its network) for the days "since the last
 * meeting": from the day of the series' previous meeting that was not cancelled (a week or a
 * fortnight before, for the first) to the day of this one, both included.
 *
 * One statement reads the sources that name people by themselves: referrals to the network
 * accepted in the window; people who first met a case-finding rule (of the borough or this
 * network) in it; hospital events from the imported encounters; reviews due, where the
 * person's latest item at an earlier meeting of the series set a next review on or before this
 * meeting; My Life plans past their review date, for people still in a support episode (once
 * support has ended, the plan is the person's to keep and no longer the team's to review); and
 * social prescriptions that ended in the window (declined, not taken up, completed). Then,
 * for the people found and those the series' meetings gave actions to, the open
 * tasks; and for everyone, whether they object to MDT discussion.
 *
 * Hospital events are those of people the network already knows: an open referral to it, a
 * case-finding result, a care team, a place on this series' agendas in the last year, or an
 * open task at the network. A huddle plans care for people at risk; a network of 70,000 people
 * has a thousand hospital contacts a week, and listing them all would bury the people it is
 * working with (someone new who is at risk arrives through case-finding or a referral). An
 * admission is an emergency (unplanned) one, admission method 2x; a discharge ends any stay; an
 * A&E attendance is an emergency encounter.
 *
 * Speed: the people served are never listed; each source is joined to person by its key and
 * kept when registered at one of the practices. Referral events, case-finding results and the
 * series' own items are small or reached by their own indexes; the window's hospital encounters
 * are read through partial indexes on their start and end days (migration 0009).
 */
import {
  type AgendaCandidate,
  type HospitalEvent,
  type PreviousAgendaItem,
  type SocialPrescriptionOutcome,
  type SocialPrescriptionState,
  localTimeToInstant,
} from '@kith/core';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { dayOffset } from './calendar.js';
import type { HuddleSeriesRecord, MeetingRecord } from './queries.js';

export interface AgendaWindow {
  from: string;
  to: string;
}

/** "Since the last meeting": from the previous meeting's day, or a week or fortnight back for the first. */
export function agendaWindow(series: Pick<HuddleSeriesRecord, 'frequency'>, date: string, previous: Pick<MeetingRecord, 'date'> | undefined): AgendaWindow {
  return { from: previous?.date ?? dayOffset(date, series.frequency === 'weekly' ? -7 : -14), to: date };
}

interface SourceRow {
  kind: 'referral_accepted' | 'case_finding_new' | HospitalEvent | 'review_due' | 'plan_review_due' | 'social_prescribing';
  person_id: string;
  ref: string | null;
  label: string | null;
  on_date: string | null;
  at: Date | string | null;
  /** A social prescription's kind, state and outcome. */
  detail: { kind: 'signpost' | 'referral'; state: SocialPrescriptionState; outcome: SocialPrescriptionOutcome | null } | null;
}

function candidateOf(row: SourceRow): AgendaCandidate {
  const personId = row.person_id;
  switch (row.kind) {
    case 'referral_accepted':
      return { personId, reason: { kind: 'referral_accepted', referralId: row.ref!, acceptedAt: new Date(row.at!).toISOString() } };
    case 'case_finding_new':
      return { personId, reason: { kind: 'case_finding_new', ruleId: row.ref!, ruleName: row.label! } };
    case 'review_due':
    case 'plan_review_due':
      return { personId, reason: { kind: row.kind, dueOn: row.on_date! } };
    case 'social_prescribing': {
      const d = row.detail!;
      return {
        personId,
        reason: { kind: 'social_prescribing', prescriptionId: row.ref!, prescriptionKind: d.kind, serviceName: row.label!, state: d.state, outcome: d.outcome, on: row.on_date! },
      };
    }
    default:
      return { personId, reason: { kind: 'hospital_event', event: row.kind, encounterId: row.ref!, on: row.on_date! } };
  }
}

export interface SourceScope {
  series: Pick<HuddleSeriesRecord, 'id' | 'networkId'>;
  /** The practices whose registered people the series serves. */
  practiceIds: readonly string[];
  meetingDate: string;
  window: AgendaWindow;
}

/** Every candidate the sources give, one row per reason (a person may have several). */
export async function sourceCandidates(tx: Db, scope: SourceScope): Promise<AgendaCandidate[]> {
  const { from, to } = scope.window;
  const practices = sql`${sql.param(scope.practiceIds)}::uuid[]`;
  const network = sql`${scope.series.networkId}::uuid`;
  // Instants bounding the window's days in England, for what is stamped with a time.
  const fromAt = localTimeToInstant(from, '00:00').toISOString();
  const toAt = localTimeToInstant(dayOffset(to, 1), '00:00').toISOString();
  const rows = await rowsOf<SourceRow>(
    tx,
    sql`WITH known AS (
          SELECT person_id FROM referral WHERE network_id = ${network} AND status IN ('received', 'triaged', 'accepted', 'active')
          UNION SELECT c.person_id FROM case_finding_result c JOIN referral_rule rr ON rr.id = c.rule_id
                WHERE rr.network_id IS NULL OR rr.network_id = ${network}
          UNION SELECT person_id FROM care_team_member
          UNION SELECT ai.person_id FROM huddle_agenda_item ai JOIN huddle_meeting m ON m.id = ai.meeting_id
                WHERE m.series_id = ${scope.series.id}::uuid AND m.meets_on >= ${scope.meetingDate}::date - 365 AND m.state <> 'cancelled'
          UNION SELECT person_id FROM task WHERE network_id = ${network} AND state IN ('open', 'in_progress') AND person_id IS NOT NULL),
        stay AS MATERIALIZED (
          SELECT e.id, e.person_id, e.class, e.admission_method, e.start_date, e.end_date
          FROM encounter e JOIN person p ON p.id = e.person_id
          WHERE p.registered_practice_id = ANY(${practices}) AND e.class IN ('inpatient', 'emergency')
            AND (e.start_date BETWEEN ${from}::date AND ${to}::date OR (e.class = 'inpatient' AND e.end_date BETWEEN ${from}::date AND ${to}::date))
            AND e.person_id IN (SELECT person_id FROM known))
        SELECT 'referral_accepted' AS kind, r.person_id, r.id::text AS ref, NULL::text AS label, NULL::text AS on_date, min(ev.at) AS at, NULL::jsonb AS detail
          FROM referral_event ev JOIN referral r ON r.id = ev.referral_id JOIN person p ON p.id = r.person_id
          WHERE r.network_id = ${network} AND ev.to_state = 'accepted' AND ev.from_state IS DISTINCT FROM 'accepted'
            AND ev.at >= ${fromAt}::timestamptz AND ev.at < ${toAt}::timestamptz AND p.registered_practice_id = ANY(${practices})
          GROUP BY r.person_id, r.id
        UNION ALL
        SELECT 'case_finding_new', c.person_id, c.rule_id::text, rr.name, NULL, NULL, NULL
          FROM case_finding_result c JOIN referral_rule rr ON rr.id = c.rule_id JOIN person p ON p.id = c.person_id
          WHERE c.first_found_at >= ${fromAt}::timestamptz AND c.first_found_at < ${toAt}::timestamptz
            AND (rr.network_id IS NULL OR rr.network_id = ${network}) AND p.registered_practice_id = ANY(${practices})
        UNION ALL
        SELECT 'admission', person_id, id::text, NULL, start_date::text, NULL, NULL FROM stay
          WHERE class = 'inpatient' AND admission_method LIKE '2%' AND start_date BETWEEN ${from}::date AND ${to}::date
        UNION ALL
        SELECT 'discharge', person_id, id::text, NULL, end_date::text, NULL, NULL FROM stay
          WHERE class = 'inpatient' AND end_date BETWEEN ${from}::date AND ${to}::date
        UNION ALL
        SELECT 'ae_attendance', person_id, id::text, NULL, start_date::text, NULL, NULL FROM stay
          WHERE class = 'emergency' AND start_date BETWEEN ${from}::date AND ${to}::date
        UNION ALL
        SELECT 'review_due', latest.person_id, NULL, NULL, latest.next_review_on::text, NULL, NULL
          FROM (SELECT DISTINCT ON (ai.person_id) ai.person_id, ai.next_review_on
                FROM huddle_agenda_item ai JOIN huddle_meeting m ON m.id = ai.meeting_id
                WHERE m.series_id = ${scope.series.id}::uuid AND m.meets_on < ${scope.meetingDate}::date AND m.state <> 'cancelled'
                ORDER BY ai.person_id, m.meets_on DESC) latest
          JOIN person p ON p.id = latest.person_id
          WHERE latest.next_review_on <= ${scope.meetingDate}::date AND p.registered_practice_id = ANY(${practices})
        UNION ALL
        SELECT 'plan_review_due', plan.person_id, NULL, NULL, plan.review_on::text, NULL, NULL
          FROM my_life_plan plan JOIN person p ON p.id = plan.person_id
          WHERE plan.review_on <= ${scope.meetingDate}::date AND p.registered_practice_id = ANY(${practices})
            AND EXISTS (SELECT 1 FROM support_episode se WHERE se.person_id = plan.person_id AND se.status <> 'ended')
        UNION ALL
        SELECT 'social_prescribing', sp.person_id, sp.id::text, ds.name, (e.at AT TIME ZONE 'Europe/London')::date::text, e.at,
            jsonb_build_object('kind', sp.kind, 'state', e.to_state, 'outcome', e.outcome)
          FROM social_prescription_event e JOIN social_prescription sp ON sp.id = e.prescription_id
          JOIN directory_service ds ON ds.id = sp.service_id JOIN person p ON p.id = sp.person_id
          WHERE e.to_state IN ('declined', 'not_taken_up', 'completed') AND e.at >= ${fromAt}::timestamptz AND e.at < ${toAt}::timestamptz
            AND p.registered_practice_id = ANY(${practices})`,
  );
  return rows.map(candidateOf);
}

/** The items of the previous meeting, for carrying over those not reviewed. */
export async function previousItemsOf(tx: Db, meetingId: string | undefined): Promise<PreviousAgendaItem[]> {
  if (!meetingId) return [];
  const rows = await rowsOf<{ person_id: string; reviewed: boolean; carried_count: number }>(
    tx,
    sql`SELECT person_id, reviewed, carried_count FROM huddle_agenda_item WHERE meeting_id = ${meetingId}::uuid`,
  );
  return rows.map((r) => ({ personId: r.person_id, reviewed: r.reviewed, carriedCount: r.carried_count }));
}

/**
 * Open tasks (open or in progress) of the series' network, by person: for the people given, and
 * for anyone an action from one of the series' meetings is still open for (all their open tasks).
 */
export async function openTaskCounts(tx: Db, series: Pick<HuddleSeriesRecord, 'id' | 'networkId'>, personIds: readonly string[]): Promise<Map<string, number>> {
  const rows = await rowsOf<{ person_id: string; open: number }>(
    tx,
    sql`WITH wanted AS (
          SELECT unnest(${sql.param(personIds)}::uuid[]) AS person_id
          UNION
          SELECT t.person_id FROM task t JOIN huddle_meeting m ON m.id = t.meeting_id
          WHERE m.series_id = ${series.id}::uuid AND t.state IN ('open', 'in_progress') AND t.person_id IS NOT NULL)
        SELECT t.person_id, count(*)::int AS open FROM task t JOIN wanted w ON w.person_id = t.person_id
        WHERE t.state IN ('open', 'in_progress') AND t.network_id = ${series.networkId}::uuid
        GROUP BY t.person_id`,
  );
  return new Map(rows.map((r) => [r.person_id, r.open]));
}

/** Of these people, those whose newest MDT objection record says they object. */
export async function objectorsAmong(tx: Db, personIds: readonly string[]): Promise<Set<string>> {
  if (personIds.length === 0) return new Set();
  const rows = await rowsOf<{ person_id: string }>(
    tx,
    sql`SELECT person_id FROM (
          SELECT DISTINCT ON (person_id) person_id, state FROM consent_record
          WHERE kind = 'mdt_objection' AND person_id = ANY(${sql.param(personIds)}::uuid[])
          ORDER BY person_id, recorded_at DESC, id DESC) newest
        WHERE state = 'given'`,
  );
  return new Set(rows.map((r) => r.person_id));
}
