/** Reading and writing the My Life plan, its versions, agreements and goal progress; decides nothing. */
import type { GoalStatus, MyLifePlanContent, PlanAgreementMethod } from '@kith/core';
import { type SQL, sql } from 'drizzle-orm';
import { goalProgress } from '../../platform/db/care-schema.js';
import { type Db, rowsOf } from '../../platform/db/client.js';

const iso = (column: ReturnType<typeof sql>) => sql`to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export interface VersionRow {
  version: number;
  basedOn: number;
  reviewOn: string | null;
  savedById: string | null;
  savedByName: string | null;
  organisationName: string | null;
  savedAt: string;
  agreed: boolean;
}

const VERSION_COLUMNS = sql`v.version, v.based_on AS "basedOn", v.review_on::text AS "reviewOn", v.saved_by AS "savedById",
  s.name AS "savedByName", o.name AS "organisationName", ${iso(sql`v.saved_at`)} AS "savedAt",
  EXISTS (SELECT 1 FROM plan_agreement a WHERE a.person_id = v.person_id AND a.version = v.version) AS agreed`;
const FROM_VERSIONS = sql`FROM my_life_plan_version v LEFT JOIN staff s ON s.id = v.saved_by LEFT JOIN organisation o ON o.id = v.organisation_id`;

/**
 * The current version number and its content, locking the plan's head until the save commits,
 * so saves of one plan take turns and the later one finds the version the earlier one wrote.
 * Before the first save there is no head to lock: two first saves then meet at the version's
 * key instead.
 */
export async function lockCurrent(db: Db, personId: string): Promise<{ version: number; content: MyLifePlanContent | null }> {
  // The head alone is locked, and its version's content read beside it, in one statement. A
  // save that waited for another's lock finds the head that save moved, but the content its
  // statement can see is still the older version's (or none): then the content is read again,
  // by a later statement that sees what the other save committed.
  const [head] = await rowsOf<{ version: number; contentVersion: number | null; content: MyLifePlanContent | null }>(
    db,
    sql`SELECT h.current_version AS version, v.version AS "contentVersion", v.content
        FROM my_life_plan h
        LEFT JOIN LATERAL (SELECT version, content FROM my_life_plan_version
                           WHERE person_id = h.person_id AND version = h.current_version) v ON true
        WHERE h.person_id = ${personId}
        FOR UPDATE OF h`,
  );
  if (!head) return { version: 0, content: null };
  if (head.contentVersion === head.version) return { version: head.version, content: head.content };
  return { version: head.version, content: await contentOf(db, personId, head.version) };
}

/** The current version number (0 before the first save), read without a lock. */
export async function currentVersionOf(db: Db, personId: string): Promise<number> {
  const [row] = await rowsOf<{ version: number }>(db, sql`SELECT current_version AS version FROM my_life_plan WHERE person_id = ${personId}`);
  return row?.version ?? 0;
}

/** One version with its content; the current one when no version is named. Undefined when there is none. */
export async function versionOf(db: Db, personId: string, version?: number): Promise<(VersionRow & { content: MyLifePlanContent }) | undefined> {
  const which =
    version === undefined
      ? sql`AND v.version = (SELECT h.current_version FROM my_life_plan h WHERE h.person_id = ${personId})`
      : sql`AND v.version = ${version}`;
  const [row] = await rowsOf<VersionRow & { content: MyLifePlanContent }>(
    db,
    sql`SELECT ${VERSION_COLUMNS}, v.content ${FROM_VERSIONS} WHERE v.person_id = ${personId} ${which}`,
  );
  return row;
}

/** Only a version's content, for a save's merge and a stale save's "what changed". */
export async function contentOf(db: Db, personId: string, version: number): Promise<MyLifePlanContent | null> {
  if (version === 0) return null;
  const [row] = await rowsOf<{ content: MyLifePlanContent }>(
    db,
    sql`SELECT content FROM my_life_plan_version WHERE person_id = ${personId} AND version = ${version}`,
  );
  return row?.content ?? null;
}

/** Every version, newest first, without content: the history. */
export function versionHistory(db: Db, personId: string): Promise<VersionRow[]> {
  return rowsOf<VersionRow>(db, sql`SELECT ${VERSION_COLUMNS} ${FROM_VERSIONS} WHERE v.person_id = ${personId} ORDER BY v.version DESC`);
}

/** The day (England's) each version was saved on, for "agreed before it was written". */
export async function savedDays(db: Db, personId: string): Promise<Map<number, string>> {
  const rows = await rowsOf<{ version: number; day: string }>(
    db,
    sql`SELECT version, (saved_at AT TIME ZONE 'Europe/London')::date::text AS day FROM my_life_plan_version WHERE person_id = ${personId}`,
  );
  return new Map(rows.map((row) => [row.version, row.day]));
}

export interface NewVersion {
  personId: string;
  version: number;
  basedOn: number;
  content: MyLifePlanContent;
  savedBy: string;
  organisationId: string | null;
  savedAt: Date;
}

/**
 * Writes the version and points the plan's head at it, in one statement. A version already
 * there (two first saves racing, with no head yet to lock) writes nothing: false, and the
 * caller answers as stale. No savepoint is needed, as nothing failed.
 */
export async function insertVersionAndMoveHead(db: Db, row: NewVersion): Promise<boolean> {
  const [written] = await rowsOf<{ n: number }>(
    db,
    sql`WITH written AS (
        INSERT INTO my_life_plan_version (person_id, version, based_on, content, review_on, saved_by, organisation_id, saved_at)
        VALUES (${row.personId}, ${row.version}, ${row.basedOn}, ${JSON.stringify(row.content)}::jsonb, ${row.content.reviewDate}::date,
                ${row.savedBy}, ${row.organisationId}, ${row.savedAt.toISOString()}::timestamptz)
        ON CONFLICT (person_id, version) DO NOTHING RETURNING version),
      head AS (
        INSERT INTO my_life_plan (person_id, current_version, review_on, updated_at)
        SELECT ${row.personId}, version, ${row.content.reviewDate}::date, ${row.savedAt.toISOString()}::timestamptz FROM written
        ON CONFLICT (person_id) DO UPDATE SET current_version = EXCLUDED.current_version, review_on = EXCLUDED.review_on, updated_at = EXCLUDED.updated_at)
      SELECT count(*)::int AS n FROM written`,
  );
  return (written?.n ?? 0) === 1;
}

const AGREEMENT_SELECT = sql`SELECT a.version, a.how, (a.agreed_at AT TIME ZONE 'Europe/London')::date::text AS "agreedOn", a.note,
    ${iso(sql`a.recorded_at`)} AS "recordedAt", a.recorded_by AS "recordedById", s.name AS "recordedByName"
  FROM plan_agreement a LEFT JOIN staff s ON s.id = a.recorded_by`;

const PROGRESS_SELECT = sql`SELECT p.goal_id AS "goalId", p.status, p.note, ${iso(sql`p.recorded_at`)} AS "recordedAt",
    p.recorded_by AS "recordedById", s.name AS "recordedByName", p.recorded_at, p.id
  FROM goal_progress p LEFT JOIN staff s ON s.id = p.recorded_by`;

export interface AgreementRow {
  version: number;
  how: PlanAgreementMethod;
  agreedOn: string;
  note: string | null;
  recordedAt: string;
  recordedById: string | null;
  recordedByName: string | null;
}

/** The person's agreement to one version, if given. */
export async function agreementTo(db: Db, personId: string, version: number): Promise<AgreementRow | undefined> {
  const [row] = await rowsOf<AgreementRow>(db, sql`${AGREEMENT_SELECT} WHERE a.person_id = ${personId} AND a.version = ${version}`);
  return row;
}

/**
 * The table keeps the moment of agreement; core gives the day. It is stored as the start of
 * that day in England, so it reads back as the same day whatever the season.
 */
export async function insertAgreement(
  db: Db,
  row: { id: string; personId: string; version: number; how: string; agreedOn: string; note: string | null; recordedBy: string; recordedAt: Date },
): Promise<void> {
  await db.execute(sql`INSERT INTO plan_agreement (id, person_id, version, how, agreed_at, note, recorded_by, recorded_at)
    VALUES (${row.id}, ${row.personId}, ${row.version}, ${row.how}, (${row.agreedOn}::date::timestamp AT TIME ZONE 'Europe/London'),
            ${row.note}, ${row.recordedBy}, ${row.recordedAt.toISOString()}::timestamptz)`);
}

export interface ProgressRow {
  goalId: string;
  status: GoalStatus;
  note: string | null;
  recordedAt: string;
  recordedById: string | null;
  recordedByName: string | null;
}

/** Every progress record of the person's goals, oldest first. */
export function progressOf(db: Db, personId: string): Promise<ProgressRow[]> {
  return rowsOf<ProgressRow>(db, sql`${PROGRESS_SELECT} WHERE p.person_id = ${personId} ORDER BY p.recorded_at, p.id`);
}

export async function insertProgress(
  db: Db,
  row: { id: string; personId: string; goalId: string; status: string; note: string | null; recordedBy: string; recordedAt: Date },
): Promise<void> {
  await db.insert(goalProgress).values(row);
}

/** The name the printed plan is headed with: the person's preferred name when they have one. */
export async function personName(db: Db, personId: string): Promise<string> {
  const [row] = await rowsOf<{ name: string }>(
    db,
    sql`SELECT coalesce(preferred_name, given_name) || ' ' || family_name AS name FROM person WHERE id = ${personId}`,
  );
  return row?.name ?? '';
}

export interface PlanRows {
  current: (VersionRow & { content: MyLifePlanContent }) | null;
  agreement: AgreementRow | null;
  progress: ProgressRow[];
}

/**
 * The current version, the agreement to it and every progress record, in one statement; given
 * `recordLook` (an audit INSERT), the same statement records the read, so opening the plan is
 * one round trip after the access facts.
 */
export async function planRows(db: Db, personId: string, recordLook?: SQL): Promise<PlanRows> {
  const recorded = recordLook ? sql`WITH recorded AS (${recordLook})` : sql``;
  const [row] = await rowsOf<PlanRows>(db, sql`${recorded} ${planRowsSelect(personId)}`);
  return row!;
}

/** The PlanRows as one JSON value, for a statement that reads them beside other parts of the record (record-opening). */
export function planRowsJson(personId: string): SQL {
  return sql`(SELECT row_to_json(r) FROM (${planRowsSelect(personId)}) r)`;
}

function planRowsSelect(personId: string): SQL {
  return sql`SELECT
      (SELECT row_to_json(cur) FROM (${currentVersionSelect(personId)}) cur) AS current,
      (SELECT row_to_json(a) FROM (${AGREEMENT_SELECT} WHERE a.person_id = ${personId}
         AND a.version = (SELECT h.current_version FROM my_life_plan h WHERE h.person_id = ${personId})) a) AS agreement,
      coalesce((SELECT json_agg(json_build_object('goalId', p."goalId", 'status', p.status, 'note', p.note, 'recordedAt', p."recordedAt",
                 'recordedById', p."recordedById", 'recordedByName', p."recordedByName") ORDER BY p.recorded_at, p.id)
                FROM (${PROGRESS_SELECT} WHERE p.person_id = ${personId}) p), '[]'::json) AS progress`;
}

function currentVersionSelect(personId: string): SQL {
  return sql`SELECT ${VERSION_COLUMNS}, v.content ${FROM_VERSIONS}
    WHERE v.person_id = ${personId} AND v.version = (SELECT h.current_version FROM my_life_plan h WHERE h.person_id = ${personId})`;
}
