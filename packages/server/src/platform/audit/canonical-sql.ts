/**
 * The canonical form of an event (core's audit/canonical.ts) computed by PostgreSQL for every
 * row verification reads. It is written here from built-in functions only, not by calling the
 * database's own audit_event_canonical(): that function lives in the database, and someone able
 * to change stored events could change it too, to answer with an event's old bytes.
 */
import { sql } from 'drizzle-orm';

/** Each field as text, in canonical order; NULL stays NULL. */
const FIELDS = [
  `'kith-audit-v1'`,
  `sequence::text`,
  `to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`,
  `actor_kind`,
  `actor_staff_id::text`,
  `actor_api_client_id::text`,
  `actor_portal_id::text`,
  `actor_role`,
  `actor_organisation_id::text`,
  `subject_person_id::text`,
  `resource_type`,
  `resource_id`,
  `action`,
  `purpose`,
  `break_glass::text`,
  `outcome`,
  `reason`,
  `request_id`,
  `client_address`,
];

/** NULL is "-,"; anything else its UTF-8 byte length, ":", itself, "," (NULL propagates through ||). */
const canonicalField = (field: string) => `coalesce(octet_length(${field})::text || ':' || ${field} || ',', '-,')`;

/** The canonical form as text, for a query over audit_event. */
export const CANONICAL_TEXT = sql.raw(FIELDS.map(canonicalField).join(' || '));
