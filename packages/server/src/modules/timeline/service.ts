/**
 * The shared timeline on a person's record: assessments, plan versions, visits, referrals,
 * huddle discussions, actions and support episodes, newest first, in one statement. Each kind
 * of entry is shown only when the viewer may read that part of the record (a huddle discussion
 * only to those who may read huddle notes); each part shown is one audit event. Without the
 * person's consent to share, contacts recorded by other organisations are left out, as entries
 * in the shared record are.
 */
import {
  type AccessResource,
  type AuditEvent,
  type TimelineEntryType,
  type TimelineFilter,
  type TimelinePage,
  TIMELINE_ENTRY_TYPES,
  mergeTimeline,
} from '@kith/core';
import { type SQL, sql } from 'drizzle-orm';
import { type AccessContext, type AccessGate, type PersonAccessFacts, withAccess } from '../../platform/access/index.js';
import { auditInsertOf } from '../../platform/audit/record.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { type SourceRow, sourcesFor } from './sources.js';
import { entryOf } from './titles.js';

/** The part of the record each kind of entry belongs to, as the access policy knows it. */
const RESOURCE_OF: Readonly<Record<TimelineEntryType, AccessResource>> = {
  assessment: { kind: 'assessment' },
  plan_version: { kind: 'plan' },
  contact: { kind: 'record_entry' },
  referral: { kind: 'summary' },
  huddle_discussion: { kind: 'huddle_notes' },
  task: { kind: 'summary' },
  episode: { kind: 'summary' },
  social_prescription: { kind: 'summary' },
};

/**
 * The access facts, then one statement that reads the page and records each part read: no
 * BEGIN and COMMIT, as for a record read (people/record-query.ts).
 */
export function readTimeline(db: Db, context: AccessContext, personId: string, filter: TimelineFilter): Promise<TimelinePage> {
  return withAccess(
    db,
    context,
    async (gate, statement) => {
      const looks = await timelineLooks(gate, personId, filter);
      const rows = await rowsOf<SourceRow>(statement, sql`WITH recorded AS (${auditInsertOf(looks.events)}) ${timelineSelect(personId, filter, looks)}`);
      return timelinePageOf(rows, filter);
    },
    { oneStatement: true },
  );
}

/** What the viewer may see of the timeline, decided by the gate: the kinds, whose contacts, and the events recording the look. */
export interface TimelineLooks {
  types: TimelineEntryType[];
  /** Organisations whose contacts are shown (no consent to share), or null for all. */
  contacts: string[] | null;
  events: AuditEvent[];
}

/** Decides the timeline and each part of the record it shows (refused: 403, recorded); records nothing yet. */
export async function timelineLooks(gate: AccessGate, personId: string, filter: TimelineFilter): Promise<TimelineLooks> {
  const opened = await gate.requireInStatement(personId, 'read', { kind: 'summary' });
  const parts = await visibleParts(gate, personId, filter.types ?? TIMELINE_ENTRY_TYPES);
  const events = [opened.event, ...parts.events].map((event) => ({ ...event, resourceId: 'timeline' }));
  return { types: parts.types, contacts: contactsFrom(opened.decision.facts!, gate), events };
}

/** The page as the reader sees it, from the rows of timelineSelect. */
export function timelinePageOf(rows: readonly SourceRow[], filter: TimelineFilter): TimelinePage {
  return mergeTimeline([rows.map(entryOf)], filter);
}

/** The page's rows as one JSON array, for a statement that reads it beside other parts of the record (record-opening). */
export function timelineJson(personId: string, filter: TimelineFilter, looks: TimelineLooks): SQL {
  // `at` is ISO 8601 text in UTC, which sorts as the instant does.
  return sql`(SELECT coalesce(json_agg(r ORDER BY r.at DESC, r.id COLLATE "C" DESC), '[]'::json) FROM (${timelineSelect(personId, filter, looks)}) r)`;
}

/** The kinds asked for that the viewer may read, and one event per part of the record they come from. */
async function visibleParts(gate: AccessGate, personId: string, asked: readonly TimelineEntryType[]) {
  const types: TimelineEntryType[] = [];
  const events: AuditEvent[] = [];
  const recorded = new Set<string>(['summary']);
  for (const type of asked) {
    const resource = RESOURCE_OF[type];
    const decision = await gate.decide(personId, 'read', resource);
    if (decision.outcome !== 'content') continue;
    if (!recorded.has(resource.kind)) events.push((await gate.requireInStatement(personId, 'read', resource)).event);
    recorded.add(resource.kind);
    types.push(type);
  }
  return { types, events };
}

/** Without consent to share, only contacts recorded by the viewer's own organisations. */
function contactsFrom(facts: PersonAccessFacts, gate: AccessGate): string[] | null {
  if (facts.consent.allianceSharing === 'given') return null;
  return gate.actor.roles.map((g) => g.organisationId);
}

/**
 * Each source reads only its newest rows past the cursor (an index in time order serves the
 * busiest, contacts), so a record with years of history costs no more than one with weeks.
 */
function timelineSelect(personId: string, filter: TimelineFilter, { types, contacts }: TimelineLooks): SQL {
  const where: SQL[] = [];
  if (filter.organisationId) where.push(sql`x.organisation_id = ${filter.organisationId}`);
  if (filter.before) where.push(beforeCursor(filter.before));
  const whereSql = where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
  const limit = sql.raw(String(filter.limit + 1));
  const parts = sourcesFor(personId, contacts)
    .filter((source) => types.includes(source.type))
    .map((source) => sql`(SELECT * FROM (${source.select}) x ${whereSql} ORDER BY x.at DESC, x.id COLLATE "C" DESC LIMIT ${limit})`);
  const union = parts.length ? sql.join(parts, sql` UNION ALL `) : sql`SELECT NULL::text AS id, NULL::text AS type, NULL::timestamptz AS at, NULL::uuid AS organisation_id, NULL::uuid AS by_staff, NULL::jsonb AS facts WHERE false`;
  return sql`SELECT s.id, s.type, to_char(s.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
      s.organisation_id AS "organisationId", o.name AS "organisationName", st.name AS by, s.facts
    FROM (${union}) s LEFT JOIN organisation o ON o.id = s.organisation_id LEFT JOIN staff st ON st.id = s.by_staff
    ORDER BY s.at DESC, s.id COLLATE "C" DESC
    LIMIT ${limit}`;
}

/** Strictly after the cursor in timeline order; a bare instant excludes everything at that instant. */
function beforeCursor(before: NonNullable<TimelineFilter['before']>): SQL {
  const at = new Date(before.atMs).toISOString();
  if (before.id === undefined) return sql`x.at < ${at}::timestamptz`;
  return sql`(x.at < ${at}::timestamptz OR (x.at = ${at}::timestamptz AND x.id COLLATE "C" < ${before.id}))`;
}
