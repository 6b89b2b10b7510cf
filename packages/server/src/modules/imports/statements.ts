/**
 * The statements of one batch, each one round trip whatever the batch's size: rows travel as
 * one array per column and come back out of unnest(). Upserts change a row only when something
 * in it differs, so importing the same records again writes nothing.
 */
import type { ConditionRecord, EncounterRecord, MedicationRecord } from '@kith/core';
import { ADMITTED_VIA_AE } from '@kith/core';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db/client.js';
import type { PatientMatch } from './people.js';
import { pgArray } from './sql-arrays.js';

/** Person ids written, and whether each row was new. */
export interface Written {
  person_id: string;
  inserted: boolean;
}

const demographicArrays = (matches: PatientMatch[]) => {
  const d = matches.map((m) => m.patient.demographics);
  return sql`${pgArray('uuid', matches.map((m) => m.personId))}, ${pgArray('text', d.map((x) => x.givenName))}, ${pgArray('text', d.map((x) => x.familyName))},
    ${pgArray('date', d.map((x) => x.dateOfBirth))}, ${pgArray('text', d.map((x) => x.sex))}, ${pgArray('text', d.map((x) => x.addressLine1))},
    ${pgArray('text', d.map((x) => x.addressLine2))}, ${pgArray('text', d.map((x) => x.town))}, ${pgArray('text', d.map((x) => x.postcode))},
    ${pgArray('text', d.map((x) => x.phone))}, ${pgArray('text', d.map((x) => x.email))}`;
};
const DEMOGRAPHIC_COLUMNS = sql.raw('id, given_name, family_name, date_of_birth, sex, address_line1, address_line2, town, postcode, phone, email');

export async function insertPeople(db: Db, matches: PatientMatch[], now: Date): Promise<string[]> {
  if (matches.length === 0) return [];
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`INSERT INTO person (${DEMOGRAPHIC_COLUMNS}, nhs_number, created_at, updated_at)
        SELECT u.*, ${now.toISOString()}::timestamptz, ${now.toISOString()}::timestamptz
        FROM unnest(${demographicArrays(matches)}, ${pgArray('text', matches.map((m) => m.nhsNumber))})
          AS u(id, given_name, family_name, date_of_birth, sex, address_line1, address_line2, town, postcode, phone, email, nhs_number)
        RETURNING id`,
  );
  return rows.map((r) => r.id);
}

/**
 * Demographics of people already known: the names, date of birth and sex the Patient gives, and
 * address and contact details where it gives them. Only people whose details differ are
 * written, each with a new version (a member of staff's stale edit then conflicts).
 */
export async function updatePeople(db: Db, matches: PatientMatch[], now: Date): Promise<string[]> {
  if (matches.length === 0) return [];
  const rows = await rowsOf<{ id: string }>(
    db,
    sql`WITH u AS (SELECT * FROM unnest(${demographicArrays(matches)})
          AS u(id, given_name, family_name, date_of_birth, sex, address_line1, address_line2, town, postcode, phone, email))
        UPDATE person p SET given_name = u.given_name, family_name = u.family_name, date_of_birth = u.date_of_birth, sex = u.sex,
          address_line1 = COALESCE(u.address_line1, p.address_line1), address_line2 = COALESCE(u.address_line2, p.address_line2),
          town = COALESCE(u.town, p.town), postcode = COALESCE(u.postcode, p.postcode), phone = COALESCE(u.phone, p.phone),
          email = COALESCE(u.email, p.email), version = p.version + 1, updated_at = ${now.toISOString()}::timestamptz
        FROM u
        WHERE p.id = u.id AND (p.given_name, p.family_name, p.date_of_birth, p.sex, p.address_line1, p.address_line2, p.town, p.postcode, p.phone, p.email)
          IS DISTINCT FROM (u.given_name, u.family_name, u.date_of_birth, u.sex, COALESCE(u.address_line1, p.address_line1),
            COALESCE(u.address_line2, p.address_line2), COALESCE(u.town, p.town), COALESCE(u.postcode, p.postcode),
            COALESCE(u.phone, p.phone), COALESCE(u.email, p.email))
        RETURNING p.id`,
  );
  return rows.map((r) => r.id);
}

/** Links identifiers to people; one already linked keeps its person. Returns the people given a new link. */
export async function linkIdentifiers(db: Db, matches: PatientMatch[]): Promise<string[]> {
  const links = matches.flatMap((m) => m.identifiers.map((i) => ({ ...i, personId: m.personId })));
  if (links.length === 0) return [];
  const rows = await rowsOf<{ person_id: string }>(
    db,
    sql`INSERT INTO person_source_identifier (system, value, person_id)
        SELECT * FROM unnest(${pgArray('text', links.map((l) => l.system))}, ${pgArray('text', links.map((l) => l.value))}, ${pgArray('uuid', links.map((l) => l.personId))})
        ON CONFLICT (system, value) DO NOTHING
        RETURNING person_id`,
  );
  return rows.map((r) => r.person_id);
}

export interface Placed<T> {
  record: T;
  personId: string;
}

export async function upsertConditions(db: Db, source: string, rows: Placed<ConditionRecord>[]): Promise<Written[]> {
  if (rows.length === 0) return [];
  const r = rows.map((x) => x.record);
  return rowsOf<Written>(
    db,
    sql`INSERT INTO condition (id, person_id, code_system, code, display, onset_date, source_system, source_id)
        SELECT gen_random_uuid(), u.person_id, u.code_system, u.code, u.display, u.onset_date, ${source}, u.source_id
        FROM unnest(${pgArray('uuid', rows.map((x) => x.personId))}, ${pgArray('text', r.map((x) => x.codeSystem))}, ${pgArray('text', r.map((x) => x.code))},
          ${pgArray('text', r.map((x) => x.display))}, ${pgArray('date', r.map((x) => x.onsetDate))}, ${pgArray('text', r.map((x) => x.sourceId))})
          AS u(person_id, code_system, code, display, onset_date, source_id)
        ON CONFLICT (source_system, source_id) DO UPDATE SET person_id = EXCLUDED.person_id, code_system = EXCLUDED.code_system,
          code = EXCLUDED.code, display = EXCLUDED.display, onset_date = EXCLUDED.onset_date
        WHERE (condition.person_id, condition.code_system, condition.code, condition.display, condition.onset_date)
          IS DISTINCT FROM (EXCLUDED.person_id, EXCLUDED.code_system, EXCLUDED.code, EXCLUDED.display, EXCLUDED.onset_date)
        RETURNING person_id, (xmax = 0) AS inserted`,
  );
}

export async function upsertMedications(db: Db, source: string, rows: Placed<MedicationRecord>[]): Promise<Written[]> {
  if (rows.length === 0) return [];
  const r = rows.map((x) => x.record);
  return rowsOf<Written>(
    db,
    sql`INSERT INTO medication (id, person_id, code_system, code, display, dosage, status, start_date, end_date, source_system, source_id)
        SELECT gen_random_uuid(), u.person_id, u.code_system, u.code, u.display, u.dosage, u.status, u.start_date, u.end_date, ${source}, u.source_id
        FROM unnest(${pgArray('uuid', rows.map((x) => x.personId))}, ${pgArray('text', r.map((x) => x.codeSystem))}, ${pgArray('text', r.map((x) => x.code))},
          ${pgArray('text', r.map((x) => x.display))}, ${pgArray('text', r.map((x) => x.dosage))}, ${pgArray('text', r.map((x) => x.status))},
          ${pgArray('date', r.map((x) => x.startDate))}, ${pgArray('date', r.map((x) => x.endDate))}, ${pgArray('text', r.map((x) => x.sourceId))})
          AS u(person_id, code_system, code, display, dosage, status, start_date, end_date, source_id)
        ON CONFLICT (source_system, source_id) DO UPDATE SET person_id = EXCLUDED.person_id, code_system = EXCLUDED.code_system,
          code = EXCLUDED.code, display = EXCLUDED.display, dosage = EXCLUDED.dosage, status = EXCLUDED.status,
          start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date
        WHERE (medication.person_id, medication.code_system, medication.code, medication.display, medication.dosage, medication.status,
               medication.start_date, medication.end_date)
          IS DISTINCT FROM (EXCLUDED.person_id, EXCLUDED.code_system, EXCLUDED.code, EXCLUDED.display, EXCLUDED.dosage, EXCLUDED.status,
               EXCLUDED.start_date, EXCLUDED.end_date)
        RETURNING person_id, (xmax = 0) AS inserted`,
  );
}

/** A missing admission method never clears one already held (it may have been inferred: emergencyAdmissionsAfterAe). */
export async function upsertEncounters(db: Db, source: string, rows: Placed<EncounterRecord>[]): Promise<Written[]> {
  if (rows.length === 0) return [];
  const r = rows.map((x) => x.record);
  return rowsOf<Written>(
    db,
    sql`INSERT INTO encounter (id, person_id, class, admission_method, start_date, end_date, source_system, source_id)
        SELECT gen_random_uuid(), u.person_id, u.class, u.admission_method, u.start_date, u.end_date, ${source}, u.source_id
        FROM unnest(${pgArray('uuid', rows.map((x) => x.personId))}, ${pgArray('text', r.map((x) => x.class))}, ${pgArray('text', r.map((x) => x.admissionMethod))},
          ${pgArray('date', r.map((x) => x.startDate))}, ${pgArray('date', r.map((x) => x.endDate))}, ${pgArray('text', r.map((x) => x.sourceId))})
          AS u(person_id, class, admission_method, start_date, end_date, source_id)
        ON CONFLICT (source_system, source_id) DO UPDATE SET person_id = EXCLUDED.person_id, class = EXCLUDED.class,
          admission_method = COALESCE(EXCLUDED.admission_method, encounter.admission_method),
          start_date = EXCLUDED.start_date, end_date = EXCLUDED.end_date
        WHERE (encounter.person_id, encounter.class, encounter.admission_method, encounter.start_date, encounter.end_date)
          IS DISTINCT FROM (EXCLUDED.person_id, EXCLUDED.class, COALESCE(EXCLUDED.admission_method, encounter.admission_method), EXCLUDED.start_date, EXCLUDED.end_date)
        RETURNING person_id, (xmax = 0) AS inserted`,
  );
}

/**
 * Sources without admission methods (Synthea among them, docs/import.md): an inpatient stay
 * with none, starting on the day of an A&E attendance from the same source or the day after,
 * was an emergency admission through A&E (21). Looked for from both sides, so the attendance and
 * the stay may arrive in either order, in one batch or two: the stays that could follow this
 * batch's attendances, and this batch's stays that have none. Each is a range read of the
 * person's encounters by date.
 */
export async function emergencyAdmissionsAfterAe(db: Db, source: string, rows: Placed<EncounterRecord>[]): Promise<string[]> {
  const attendances = rows.filter((r) => r.record.class === 'emergency');
  const stays = rows.filter((r) => r.record.class === 'inpatient' && r.record.admissionMethod === null);
  const arrays = (list: Placed<EncounterRecord>[]) =>
    sql`unnest(${pgArray('uuid', list.map((r) => r.personId))}, ${pgArray('date', list.map((r) => r.record.startDate))}) AS k(person_id, start_date)`;
  const people: string[] = [];
  if (attendances.length > 0) {
    const found = await rowsOf<{ person_id: string }>(
      db,
      sql`UPDATE encounter i SET admission_method = ${ADMITTED_VIA_AE} FROM ${arrays(attendances)}
          WHERE i.person_id = k.person_id AND i.start_date BETWEEN k.start_date AND k.start_date + 1
            AND i.source_system = ${source} AND i.class = 'inpatient' AND i.admission_method IS NULL
          RETURNING i.person_id`,
    );
    people.push(...found.map((r) => r.person_id));
  }
  if (stays.length > 0) {
    const found = await rowsOf<{ person_id: string }>(
      db,
      sql`UPDATE encounter i SET admission_method = ${ADMITTED_VIA_AE} FROM ${arrays(stays)}
          WHERE i.person_id = k.person_id AND i.start_date = k.start_date
            AND i.source_system = ${source} AND i.class = 'inpatient' AND i.admission_method IS NULL
            AND EXISTS (SELECT 1 FROM encounter e WHERE e.person_id = i.person_id AND e.source_system = i.source_system
              AND e.class = 'emergency' AND e.start_date BETWEEN i.start_date - 1 AND i.start_date)
          RETURNING i.person_id`,
    );
    people.push(...found.map((r) => r.person_id));
  }
  return people;
}
