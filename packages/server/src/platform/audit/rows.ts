/** Reading audit events back from raw rows, the same way whichever driver returned them. */
import type { AuditAction, AuditActorKind, AuditEvent, AuditOutcome } from '@kith/core';
import { sql } from 'drizzle-orm';

/**
 * An event's own columns as a raw query selects them, and `hash`. `at` comes as milliseconds
 * since 1970: both drivers hand raw timestamps back as text in the session's own format.
 */
export const EVENT_COLUMNS = sql.raw(`sequence, (extract(epoch FROM at) * 1000)::float8 AS at_ms, actor_kind,
  actor_staff_id, actor_api_client_id, actor_portal_id, actor_role, actor_organisation_id, subject_person_id,
  resource_type, resource_id, action, purpose, break_glass, outcome, reason, request_id, client_address, hash`);

export interface EventRow {
  /** int8: a string from node-postgres, a number from PGlite. */
  sequence: string | number;
  at_ms: number;
  actor_kind: string;
  actor_staff_id: string | null;
  actor_api_client_id: string | null;
  actor_portal_id: string | null;
  actor_role: string | null;
  actor_organisation_id: string | null;
  subject_person_id: string | null;
  resource_type: string;
  resource_id: string | null;
  action: string;
  purpose: string | null;
  break_glass: boolean;
  outcome: string;
  reason: string | null;
  request_id: string | null;
  client_address: string | null;
  /** Null until the event is sealed. */
  hash: Uint8Array | null;
}

export function eventOfRow(row: EventRow): AuditEvent {
  return {
    at: new Date(row.at_ms),
    actor: {
      kind: row.actor_kind as AuditActorKind,
      staffId: row.actor_staff_id,
      apiClientId: row.actor_api_client_id,
      portalId: row.actor_portal_id,
      role: row.actor_role,
      organisationId: row.actor_organisation_id,
    },
    subjectPersonId: row.subject_person_id,
    resourceType: row.resource_type,
    resourceId: row.resource_id,
    action: row.action as AuditAction,
    purpose: row.purpose,
    breakGlass: row.break_glass,
    outcome: row.outcome as AuditOutcome,
    reason: row.reason,
    requestId: row.request_id,
    clientAddress: row.client_address,
  };
}
