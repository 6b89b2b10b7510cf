/** Reading and writing assessment versions; decides nothing. */
import type { AssessmentContent } from '@kith/core';
import { sql } from 'drizzle-orm';
import { assessmentVersion } from '../../platform/db/care-schema.js';
import { type Db, rowsOf } from '../../platform/db/client.js';

export interface VersionRow {
  version: number;
  content: AssessmentContent;
  sectionsChanged: string[];
  recordedById: string;
  recordedByName: string;
  organisationName: string | null;
  recordedAt: string;
}

const VERSION_COLUMNS = sql`v.version, v.sections_changed AS "sectionsChanged", v.recorded_by AS "recordedById", s.name AS "recordedByName",
  o.name AS "organisationName", to_char(v.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "recordedAt"`;
const FROM = sql`FROM assessment_version v JOIN staff s ON s.id = v.recorded_by LEFT JOIN organisation o ON o.id = v.organisation_id`;

/** The current version (the highest), or undefined when no assessment has been started. */
export async function currentVersion(db: Db, personId: string, version?: number): Promise<VersionRow | undefined> {
  const which = version === undefined ? sql`ORDER BY v.version DESC LIMIT 1` : sql`AND v.version = ${version}`;
  const [row] = await rowsOf<VersionRow>(db, sql`SELECT ${VERSION_COLUMNS}, v.content ${FROM} WHERE v.person_id = ${personId} ${which}`);
  return row;
}

/** Every version, newest first, without their content: the history. */
export function versionHistory(db: Db, personId: string) {
  return rowsOf<Omit<VersionRow, 'content'>>(db, sql`SELECT ${VERSION_COLUMNS} ${FROM} WHERE v.person_id = ${personId} ORDER BY v.version DESC`);
}

/** Versions saved after `version`, for a stale save's "what changed since you opened it". */
export function versionsAfter(db: Db, personId: string, version: number) {
  return rowsOf<Omit<VersionRow, 'content'>>(
    db,
    sql`SELECT ${VERSION_COLUMNS} ${FROM} WHERE v.person_id = ${personId} AND v.version > ${version} ORDER BY v.version`,
  );
}

export async function insertVersion(
  db: Db,
  row: { personId: string; version: number; content: AssessmentContent; sectionsChanged: string[]; recordedBy: string; organisationId: string | null; recordedAt: Date },
) {
  await db.insert(assessmentVersion).values(row);
}

/** What the record already holds, shown beside the assessment instead of being asked again. */
export async function heldFacts(db: Db, personId: string, since: string, today: string) {
  const [conditions, medicines, hospitalStays, contacts] = await Promise.all([
    rowsOf<{ display: string | null; code: string; onsetDate: string | null }>(
      db,
      sql`SELECT display, code, onset_date::text AS "onsetDate" FROM condition WHERE person_id = ${personId} ORDER BY onset_date NULLS LAST, code`,
    ),
    // Current medicines: being taken, about to be, or paused, and not ended (docs/import.md).
    rowsOf<{ display: string | null; code: string; dosage: string | null; startDate: string | null }>(
      db,
      sql`SELECT display, code, dosage, start_date::text AS "startDate" FROM medication
          WHERE person_id = ${personId} AND status IN ('active', 'intended', 'on-hold') AND (end_date IS NULL OR end_date >= ${today})
          ORDER BY display NULLS LAST, code`,
    ),
    rowsOf<{ startDate: string; endDate: string | null; emergency: boolean }>(
      db,
      sql`SELECT start_date::text AS "startDate", end_date::text AS "endDate", coalesce(admission_method LIKE '2%', false) AS emergency
          FROM encounter WHERE person_id = ${personId} AND class = 'inpatient' AND start_date >= ${since} ORDER BY start_date DESC`,
    ),
    rowsOf<{ name: string; relationship: string; role: string }>(
      db,
      sql`SELECT name, relationship, role FROM person_contact WHERE person_id = ${personId} ORDER BY position`,
    ),
  ]);
  return { conditions, medicines, hospitalStays, contacts };
}
