/**
 * Where each kind of timeline entry comes from: one SELECT per source, each giving the same
 * columns (id, type, at, organisation, who, and the facts its title is made from). The ids are
 * prefixed by source so that they are unique across the whole timeline. Every `at` is kept to
 * the millisecond (timestamp(3)), as the cursor is.
 */
import type { TimelineEntryType } from '@kith/core';
import { type SQL, sql } from 'drizzle-orm';

export interface SourceRow {
  id: string;
  type: TimelineEntryType;
  at: string;
  organisationId: string | null;
  organisationName: string | null;
  by: string | null;
  /** What the title and detail are made from, per source. */
  facts: Record<string, unknown>;
}

const COLUMNS = (id: SQL, type: TimelineEntryType, at: SQL, organisationId: SQL, by: SQL, facts: SQL) =>
  sql`SELECT ${id} AS id, ${type}::text AS type, ${at} AS at, ${organisationId} AS organisation_id, ${by} AS by_staff, ${facts} AS facts`;

/** One source of entries: the kind it gives, and its SELECT of the common columns. */
export interface Source {
  type: TimelineEntryType;
  select: SQL;
}

/** Each source for one person; `contactsFrom` limits contacts to these organisations (no consent to share), or null for all. */
export function sourcesFor(personId: string, contactsFrom: string[] | null): Source[] {
  const ownOrganisations = contactsFrom === null ? sql`` : sql`AND c.organisation_id = ANY(${sql.param(contactsFrom)}::uuid[])`;
  return [
    {
      type: 'assessment',
      select: sql`${COLUMNS(sql`'av:' || v.version`, 'assessment', sql`v.recorded_at`, sql`v.organisation_id`, sql`v.recorded_by`, sql`jsonb_build_object('version', v.version, 'sections', v.sections_changed)`)}
        FROM assessment_version v WHERE v.person_id = ${personId}`,
    },
    {
      type: 'assessment',
      select: sql`${COLUMNS(sql`'ir:' || r.id`, 'assessment', sql`r.recorded_at`, sql`r.organisation_id`, sql`r.recorded_by`, sql`jsonb_build_object('instrument', r.instrument, 'result', r.result)`)}
        FROM instrument_result r WHERE r.person_id = ${personId}`,
    },
    {
      type: 'plan_version',
      select: sql`${COLUMNS(sql`'pv:' || p.version`, 'plan_version', sql`p.saved_at`, sql`p.organisation_id`, sql`p.saved_by`, sql`jsonb_build_object('version', p.version)`)}
        FROM my_life_plan_version p WHERE p.person_id = ${personId}`,
    },
    {
      type: 'plan_version',
      select: sql`${COLUMNS(sql`'pa:' || a.id`, 'plan_version', sql`a.recorded_at`, sql`NULL::uuid`, sql`a.recorded_by`, sql`jsonb_build_object('agreedVersion', a.version, 'how', a.how)`)}
        FROM plan_agreement a WHERE a.person_id = ${personId}`,
    },
    {
      type: 'contact',
      select: sql`${COLUMNS(sql`'cc:' || c.id`, 'contact', sql`c.at`, sql`c.organisation_id`, sql`c.recorded_by`, sql`jsonb_build_object('kind', c.kind, 'minutes', c.minutes, 'note', c.note)`)}
        FROM care_contact c WHERE c.person_id = ${personId} ${ownOrganisations}`,
    },
    {
      type: 'referral',
      select: sql`${COLUMNS(sql`'rf:' || e.id`, 'referral', sql`e.at`, sql`CASE WHEN e.from_state IS NULL THEN r.referred_by_organisation_id END`, sql`e.staff_id`, sql`jsonb_build_object('to', e.to_state, 'from', e.from_state, 'network', n.name, 'note', e.note)`)}
        FROM referral_event e JOIN referral r ON r.id = e.referral_id JOIN network n ON n.id = r.network_id WHERE r.person_id = ${personId}`,
    },
    {
      type: 'huddle_discussion',
      select: sql`${COLUMNS(sql`'hd:' || ai.id`, 'huddle_discussion', sql`coalesce(ai.reviewed_at, m.meets_on::timestamp AT TIME ZONE 'Europe/London')`, sql`NULL::uuid`, sql`ai.presenter_staff_id`, sql`jsonb_build_object('huddle', hs.name, 'meetsOn', m.meets_on)`)}
        FROM huddle_agenda_item ai JOIN huddle_meeting m ON m.id = ai.meeting_id JOIN huddle_series hs ON hs.id = m.series_id
        WHERE ai.person_id = ${personId} AND ai.reviewed`,
    },
    {
      type: 'task',
      select: sql`${COLUMNS(sql`'tk:' || t.id`, 'task', sql`t.created_at`, sql`NULL::uuid`, sql`t.created_by`, sql`jsonb_build_object('title', t.title, 'dueOn', t.due_on, 'state', t.state)`)}
        FROM task t WHERE t.person_id = ${personId}`,
    },
    {
      type: 'episode',
      select: sql`${COLUMNS(sql`'ee:' || ev.id`, 'episode', sql`ev.at`, sql`ep.organisation_id`, sql`ev.by`, sql`jsonb_build_object('change', ev.change, 'to', ev.to_status, 'episodeType', ep.type, 'reason', ev.reason)`)}
        FROM episode_event ev JOIN support_episode ep ON ep.id = ev.episode_id WHERE ep.person_id = ${personId}`,
    },
    {
      type: 'social_prescription',
      select: sql`${COLUMNS(sql`'sp:' || e.id`, 'social_prescription', sql`e.at`, sql`sp.organisation_id`, sql`e.by`, sql`jsonb_build_object('kind', sp.kind, 'to', e.to_state, 'service', ds.name, 'outcome', e.outcome, 'note', e.note)`)}
        FROM social_prescription_event e JOIN social_prescription sp ON sp.id = e.prescription_id JOIN directory_service ds ON ds.id = sp.service_id
        WHERE sp.person_id = ${personId}`,
    },
  ];
}
