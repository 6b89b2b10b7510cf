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
  type TimelineEntryType,
  type TimelineFilter,
  type TimelinePage,
  TIMELINE_ENTRY_TYPES,
  mergeTimeline,
} from '@kith/core';
import { type SQL, sql } from 'drizzle-orm';
import { type AccessContext, type AccessGate, withAccess } from '../../platform/access/index.js';
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
};

export function readTimeline(db: Db, context: AccessContext, personId: string, filter: TimelineFilter): Promise<TimelinePage> {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'read', { kind: 'summary' }, 'timeline');
    const types = await visibleTypes(gate, personId, filter.types ?? TIMELINE_ENTRY_TYPES);
    if (types.length === 0) return { entries: [], nextBefore: null };
    const rows = await rowsOf<SourceRow>(tx, timelineQuery(personId, types, filter, await contactsFrom(gate, personId)));
    return mergeTimeline([rows.map(entryOf)], filter);
  });
}

/** The kinds asked for that the viewer may read; each kind read is recorded, the others left out unrecorded. */
async function visibleTypes(gate: AccessGate, personId: string, asked: readonly TimelineEntryType[]): Promise<TimelineEntryType[]> {
  const visible: TimelineEntryType[] = [];
  const recorded = new Set<string>(['summary']);
  for (const type of asked) {
    const resource = RESOURCE_OF[type];
    const decision = await gate.decide(personId, 'read', resource);
    if (decision.outcome !== 'content') continue;
    if (!recorded.has(resource.kind)) await gate.require(personId, 'read', resource, 'timeline');
    recorded.add(resource.kind);
    visible.push(type);
  }
  return visible;
}

/** Without consent to share, only contacts recorded by the viewer's own organisations. */
async function contactsFrom(gate: AccessGate, personId: string): Promise<string[] | null> {
  const facts = await gate.facts(personId);
  if (facts.consent.allianceSharing === 'given') return null;
  return (gate.actor.roles ?? []).map((g) => g.organisationId);
}

function timelineQuery(personId: string, types: readonly TimelineEntryType[], filter: TimelineFilter, contacts: string[] | null): SQL {
  const sources = sourcesFor(personId, contacts);
  const union = sql.join(
    types.map((type) => sources[type]),
    sql` UNION ALL `,
  );
  const where: SQL[] = [];
  if (filter.organisationId) where.push(sql`s.organisation_id = ${filter.organisationId}`);
  if (filter.before) where.push(beforeCursor(filter.before));
  const whereSql = where.length ? sql`WHERE ${sql.join(where, sql` AND `)}` : sql``;
  return sql`SELECT s.id, s.type, to_char(s.at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS at,
      s.organisation_id AS "organisationId", o.name AS "organisationName", st.name AS by, s.facts
    FROM (${union}) s LEFT JOIN organisation o ON o.id = s.organisation_id LEFT JOIN staff st ON st.id = s.by_staff
    ${whereSql}
    ORDER BY date_trunc('milliseconds', s.at) DESC, s.id COLLATE "C" DESC
    LIMIT ${sql.raw(String(filter.limit + 1))}`;
}

/** Strictly after the cursor in timeline order; a bare instant excludes everything at that instant. */
function beforeCursor(before: NonNullable<TimelineFilter['before']>): SQL {
  const at = new Date(before.atMs).toISOString();
  const truncated = sql`date_trunc('milliseconds', s.at)`;
  if (before.id === undefined) return sql`${truncated} < ${at}::timestamptz`;
  return sql`(${truncated} < ${at}::timestamptz OR (${truncated} = ${at}::timestamptz AND s.id COLLATE "C" < ${before.id}))`;
}
