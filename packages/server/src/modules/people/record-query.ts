/**
 * A person's record (demographics, contacts, registered practice, named coordinator) as one SQL
 * statement. Given an audit event, the same statement records the look: reading a record is the
 * commonest request there is, and a record read that is its own statement needs no BEGIN and
 * COMMIT around it (a statement is its own transaction).
 */
import type { AuditEvent, Person } from '@kith/core';
import { type SQL, sql } from 'drizzle-orm';
import { auditInsertFor } from '../../platform/audit/record.js';
import { type Db, rowsOf } from '../../platform/db/client.js';

/** The practice a person is registered with, as the person page shows it. */
export interface RegisteredPractice {
  id: string;
  name: string;
  odsCode: string | null;
  addressLine1: string;
  addressLine2: string | null;
  town: string;
  postcode: string;
  phone: string | null;
  network: { id: string; name: string };
}

/** The person's named coordinator: their single point of contact, with how to reach them. */
export interface NamedCoordinator {
  staffId: string;
  name: string;
  email: string;
  phone: string | null;
  organisationName: string;
}

export type RecordRow = Omit<Person, 'contacts'> & { contacts: Person['contacts']; practice: RegisteredPractice | null; namedCoordinator: NamedCoordinator | null };

/** Timestamps as toISOString() writes them, whichever driver reads the row. */
const iso = (column: string) => sql.raw(`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`);

const CONTACTS = sql`COALESCE((SELECT json_agg(json_build_object(
    'id', c.id, 'name', c.name, 'role', c.role, 'relationship', c.relationship, 'phone', c.phone,
    'email', c.email, 'isNextOfKin', c.is_next_of_kin, 'maySeePlan', c.may_see_plan) ORDER BY c.position)
  FROM person_contact c WHERE c.person_id = t.id), '[]'::json)`;

const PRACTICE = sql`(SELECT json_build_object(
    'id', pr.id, 'name', o.name, 'odsCode', o.ods_code, 'addressLine1', pr.address_line1,
    'addressLine2', pr.address_line2, 'town', pr.town, 'postcode', pr.postcode, 'phone', pr.phone,
    'network', json_build_object('id', n.id, 'name', n.name))
  FROM practice pr JOIN organisation o ON o.id = pr.id JOIN network n ON n.id = pr.network_id
  WHERE pr.id = t.registered_practice_id)`;

const NAMED_COORDINATOR = sql`(SELECT json_build_object('staffId', s.id, 'name', s.name, 'email', s.email, 'phone', s.phone, 'organisationName', o.name)
  FROM care_team_member m JOIN staff s ON s.id = m.staff_id JOIN organisation o ON o.id = m.organisation_id
  WHERE m.person_id = t.id AND m.is_named_coordinator)`;

/** The record's columns, from a person row named `t`. */
const RECORD_COLUMNS = sql`t.id, t.nhs_number AS "nhsNumber", t.given_name AS "givenName", t.family_name AS "familyName",
  t.preferred_name AS "preferredName", t.date_of_birth::text AS "dateOfBirth", t.sex,
  t.gender_identity AS "genderIdentity", t.address_line1 AS "addressLine1", t.address_line2 AS "addressLine2",
  t.town, t.postcode, t.phone, t.email, t.registered_practice_id AS "registeredPracticeId",
  t.communication_needs AS "communicationNeeds", t.interpreter_language AS "interpreterLanguage",
  t.version, ${iso('t.created_at')} AS "createdAt", ${iso('t.updated_at')} AS "updatedAt",
  ${CONTACTS} AS contacts, ${PRACTICE} AS practice, ${NAMED_COORDINATOR} AS "namedCoordinator"`;

/** The record, or undefined when no person has the id; with `audit`, one such event about them is written too. */
export async function readPersonRecord(db: Db, id: string, audit?: AuditEvent): Promise<RecordRow | undefined> {
  const recorded = audit ? sql`, recorded AS (${auditInsertFor(audit, sql`target.id`, sql`target`)})` : sql``;
  const [row] = await rowsOf<RecordRow>(
    db,
    sql`WITH target AS (SELECT * FROM person WHERE id = ${id})${recorded}
      SELECT ${RECORD_COLUMNS} FROM target t`,
  );
  return row;
}

/**
 * The record as one JSON value (null when no person has the id), for a statement that reads
 * it beside other parts of the record (record-opening).
 */
export function personRecordJson(id: string): SQL {
  return sql`(SELECT row_to_json(r) FROM (SELECT ${RECORD_COLUMNS} FROM person t WHERE t.id = ${id}) r)`;
}
