/**
 * Reading the audit log: a page of events newest first (for the privacy officer and for a
 * person's own view), and "who has looked at this record" grouped in plain words.
 */
import { LOOKING_ACTIONS, type AuditAction, type AuditActorKind, type RecordedAuditEvent, type RecordLook } from '@kith/core';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/client.js';
import { hexOf } from './chain.js';
import { EVENT_COLUMNS, eventOfRow, type EventRow } from './rows.js';

export interface AuditQuery {
  personId?: string;
  staffId?: string;
  /** From this instant (inclusive) ... */
  from?: Date;
  /** ... to this one (exclusive). */
  to?: Date;
  limit: number;
  /** Keyset paging: only events before this sequence number (the previous page's `nextBefore`). */
  before?: number;
}

export interface AuditPage {
  events: RecordedAuditEvent[];
  /** Pass as `before` for the next, older page; null when this is the last. */
  nextBefore: number | null;
}

/** Newest first: by sequence, the log's own order, which the person and staff indexes hold. */
export async function queryAuditEvents(db: Db, query: AuditQuery): Promise<AuditPage> {
  const conditions: SQL[] = [];
  if (query.personId !== undefined) conditions.push(sql`subject_person_id = ${query.personId}`);
  if (query.staffId !== undefined) conditions.push(sql`actor_staff_id = ${query.staffId}`);
  if (query.from) conditions.push(sql`at >= ${query.from.toISOString()}::timestamptz`);
  if (query.to) conditions.push(sql`at < ${query.to.toISOString()}::timestamptz`);
  if (query.before !== undefined) conditions.push(sql`sequence < ${query.before}`);
  const where = conditions.length > 0 ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  const rows = await rowsOf<EventRow & { chain_position: string | number | null; prev_hash: Uint8Array | null }>(
    db,
    sql`SELECT ${EVENT_COLUMNS}, chain_position, prev_hash FROM audit_event ${where} ORDER BY sequence DESC LIMIT ${query.limit + 1}`,
  );
  const page = rows.slice(0, query.limit).map((row) => ({
    ...eventOfRow(row),
    sequence: Number(row.sequence),
    chainPosition: row.chain_position === null ? null : Number(row.chain_position),
    prevHash: row.prev_hash ? hexOf(row.prev_hash) : null,
    hash: row.hash ? hexOf(row.hash) : null,
  }));
  const more = rows.length > query.limit;
  return { events: page, nextBefore: more ? page.at(-1)!.sequence : null };
}

export interface LookOptions {
  from?: Date;
  to?: Date;
  /** Days are counted in the borough's time zone. */
  timeZone?: string;
  /** Groups, newest first. */
  limit?: number;
}

interface LookRow {
  day: string;
  actor_kind: AuditActorKind;
  staff_id: string | null;
  staff_name: string | null;
  api_client_id: string | null;
  portal_id: string | null;
  role: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  looks: number;
  actions: AuditAction[] | string;
  break_glass: boolean;
  first_ms: number;
  last_ms: number;
}

/**
 * Who has looked at this person's record: allowed looks (reads, search hits, prints, exports,
 * emergency access) grouped by who, in which role and organisation, and day, newest first.
 * Refused attempts are left out: nobody saw anything. describeRecordLook (core) words each one.
 */
export async function whoLookedAt(db: Db, personId: string, options: LookOptions = {}): Promise<RecordLook[]> {
  const zone = options.timeZone ?? 'Europe/London';
  const looking = sql.join(LOOKING_ACTIONS.map((action) => sql`${action}`), sql`, `);
  const from = options.from ? sql`AND e.at >= ${options.from.toISOString()}::timestamptz` : sql``;
  const to = options.to ? sql`AND e.at < ${options.to.toISOString()}::timestamptz` : sql``;
  const rows = await rowsOf<LookRow>(
    db,
    sql`SELECT (e.at AT TIME ZONE ${zone})::date::text AS day, e.actor_kind, e.actor_staff_id AS staff_id, s.name AS staff_name,
          e.actor_api_client_id AS api_client_id, e.actor_portal_id AS portal_id, e.actor_role AS role,
          e.actor_organisation_id AS organisation_id, o.name AS organisation_name, count(*)::int AS looks,
          array_agg(DISTINCT e.action) AS actions, bool_or(e.break_glass) AS break_glass,
          (extract(epoch FROM min(e.at)) * 1000)::float8 AS first_ms, (extract(epoch FROM max(e.at)) * 1000)::float8 AS last_ms
        FROM audit_event e
        LEFT JOIN staff s ON s.id = e.actor_staff_id
        LEFT JOIN organisation o ON o.id = e.actor_organisation_id
        WHERE e.subject_person_id = ${personId} AND e.outcome = 'allowed' AND e.action IN (${looking}) ${from} ${to}
        GROUP BY 1, e.actor_kind, e.actor_staff_id, s.name, e.actor_api_client_id, e.actor_portal_id, e.actor_role,
          e.actor_organisation_id, o.name
        ORDER BY max(e.sequence) DESC
        LIMIT ${options.limit ?? 200}`,
  );
  return rows.map(lookOfRow);
}

function lookOfRow(row: LookRow): RecordLook {
  return {
    day: row.day,
    actorKind: row.actor_kind,
    staffId: row.staff_id,
    staffName: row.staff_name,
    apiClientId: row.api_client_id,
    portalId: row.portal_id,
    role: row.role,
    organisationId: row.organisation_id,
    organisationName: row.organisation_name,
    looks: row.looks,
    actions: typeof row.actions === 'string' ? parseTextArray(row.actions) : row.actions,
    breakGlass: row.break_glass,
    firstAt: new Date(row.first_ms),
    lastAt: new Date(row.last_ms),
  };
}

/** `{read,search}`: action names never need quoting. */
function parseTextArray(text: string): AuditAction[] {
  const inner = text.slice(1, -1);
  return inner === '' ? [] : (inner.split(',') as AuditAction[]);
}
