/**
 * Writing audit events, inside the caller's transaction: an insert, which waits for no other
 * writer. The sealer chains them once they are committed (chain.ts, seal.ts).
 */
import type { AuditEvent } from '@kith/core';
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/client.js';

type ColumnValue = string | boolean | null | undefined;

/** The columns a writer gives, with their PostgreSQL types. */
const COLUMNS: readonly (readonly [column: string, type: string, value: (event: AuditEvent) => ColumnValue])[] = [
  ['at', 'timestamptz', (e) => e.at.toISOString()],
  ['actor_kind', 'text', (e) => e.actor.kind],
  ['actor_staff_id', 'uuid', (e) => e.actor.staffId],
  ['actor_api_client_id', 'uuid', (e) => e.actor.apiClientId],
  ['actor_portal_id', 'uuid', (e) => e.actor.portalId],
  ['actor_role', 'text', (e) => e.actor.role],
  ['actor_organisation_id', 'uuid', (e) => e.actor.organisationId],
  ['subject_person_id', 'uuid', (e) => e.subjectPersonId],
  ['resource_type', 'text', (e) => e.resourceType],
  ['resource_id', 'text', (e) => e.resourceId],
  ['action', 'text', (e) => e.action],
  ['purpose', 'text', (e) => e.purpose],
  ['break_glass', 'boolean', (e) => e.breakGlass === true],
  ['outcome', 'text', (e) => e.outcome],
  ['reason', 'text', (e) => e.reason],
  ['request_id', 'text', (e) => e.requestId],
  ['client_address', 'text', (e) => e.clientAddress],
];

const INSERT_INTO = sql.raw(`INSERT INTO audit_event (${COLUMNS.map(([column]) => column).join(', ')})`);

/** Parameters per statement stay well under PostgreSQL's 65,535 limit on row values. */
const EVENTS_PER_STATEMENT = 5000;

/**
 * Appends the events in order and returns their sequence numbers. `db` may be a transaction:
 * if it rolls back, the events go with it and the chain stays whole.
 */
export async function recordAuditEvents(db: Db, events: readonly AuditEvent[]): Promise<number[]> {
  const sequences: number[] = [];
  for (let first = 0; first < events.length; first += EVENTS_PER_STATEMENT) {
    const chunk = events.slice(first, first + EVENTS_PER_STATEMENT);
    const rows = await rowsOf<{ sequence: number | string }>(db, chunk.length === 1 ? insertOne(chunk[0]!) : insertMany(chunk));
    for (const row of rows) sequences.push(Number(row.sequence));
  }
  return sequences;
}

/** One event; its sequence number. */
export async function recordAuditEvent(db: Db, event: AuditEvent): Promise<number> {
  const [sequence] = await recordAuditEvents(db, [event]);
  return sequence!;
}

/** One row of parameters: for a single event the cheapest statement to parse and plan. */
function insertOne(event: AuditEvent): SQL {
  const values = COLUMNS.map(([, type, value]) => sql`${value(event) ?? null}::${sql.raw(type)}`);
  return sql`${INSERT_INTO} VALUES (${sql.join(values, sql`, `)}) RETURNING sequence`;
}

/** One array parameter per column, unnested into rows in order: one statement for any number. */
function insertMany(events: readonly AuditEvent[]): SQL {
  const arrays = COLUMNS.map(([, type, value]) => sql`${sql.param(events.map((e) => value(e) ?? null))}::${sql.raw(type)}[]`);
  return sql`${INSERT_INTO} SELECT * FROM unnest(${sql.join(arrays, sql`, `)}) RETURNING sequence`;
}

/**
 * An INSERT of these events, for a statement that does its work and records the looks it makes
 * at once (a record's timeline); at most EVENTS_PER_STATEMENT of them.
 */
export function auditInsertOf(events: readonly AuditEvent[]): SQL {
  if (events.length === 0 || events.length > EVENTS_PER_STATEMENT) throw new Error(`cannot insert ${events.length} events in one statement`);
  return insertMany(events);
}

/**
 * An INSERT of one event per row of `from`, each `template` but for its subject, the person id
 * `subject` names in those rows: for a statement that finds people and records the looks at
 * them at once (a search page), so finding and recording are one statement and one transaction.
 */
export function auditInsertFor(template: AuditEvent, subject: SQL, from: SQL): SQL {
  const values = COLUMNS.map(([column, type, value]) =>
    column === 'subject_person_id' ? sql`${subject}::uuid` : sql`${value(template) ?? null}::${sql.raw(type)}`,
  );
  return sql`${INSERT_INTO} SELECT ${sql.join(values, sql`, `)} FROM ${from}`;
}
