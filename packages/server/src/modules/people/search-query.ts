/**
 * Person search as one SQL statement that reads only about a page of rows, however common the
 * name. Results are ordered by family name, given name (lower case, byte order: the C collation
 * of the name indexes) and id. A one-word name matches the start of the family name first, then
 * the start of the given name; each part walks its own index in order and stops at the page's
 * end, so "mar" costs the same as "marsh". Criteria other than the name filter within each part.
 */
import {
  type AuditEvent,
  type PersonSearch,
  type PersonSummary,
  nameTerms,
  normaliseNhsNumber,
  postcodeSearchPrefix,
} from '@kith/core';
import { type SQL, sql } from 'drizzle-orm';
import { auditInsertFor } from '../../platform/audit/record.js';
import { type Db, rowsOf } from '../../platform/db/client.js';

const likePrefix = (text: string) => `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
const family = sql`(lower(p.family_name) COLLATE "C")`;
const given = sql`(lower(p.given_name) COLLATE "C")`;

/**
 * "Starts with" as a range, [prefix, prefix with its last character moved one on): in byte
 * order this is exactly LIKE 'prefix%', and unlike LIKE with a parameter it lets PostgreSQL
 * keep one plan for every prefix instead of planning each search again.
 */
function startsWith(column: SQL, prefix: string): SQL {
  const characters = [...prefix];
  const last = characters.pop()!.codePointAt(0)!;
  const upper = characters.join('') + String.fromCodePoint(last + 1);
  return sql`(${column} >= ${prefix} AND ${column} < ${upper})`;
}

function otherCriteria(q: PersonSearch): SQL[] {
  const where: SQL[] = [];
  if (q.nhsNumber) where.push(sql`p.nhs_number = ${normaliseNhsNumber(q.nhsNumber)}`);
  if (q.dateOfBirth) where.push(sql`p.date_of_birth = ${q.dateOfBirth}`);
  if (q.postcode) where.push(sql`p.postcode LIKE ${likePrefix(postcodeSearchPrefix(q.postcode))}`);
  return where;
}

interface Part {
  where: SQL[];
  /** Which index order this part reads: family then given, or given then family. */
  key: [SQL, SQL];
}

function parts(q: PersonSearch): Part[] {
  const others = otherCriteria(q);
  if (!q.name) return [{ where: others, key: [family, given] }];
  const terms = nameTerms(q.name);
  if (!terms.either) {
    const both = [startsWith(family, terms.family!), startsWith(given, terms.given!)];
    return [{ where: [...both, ...others], key: [family, given] }];
  }
  const familyMatch = startsWith(family, terms.either);
  return [
    { where: [familyMatch, ...others], key: [family, given] },
    { where: [startsWith(given, terms.either), sql`NOT ${familyMatch}`, ...others], key: [given, family] },
  ];
}

/**
 * LIMIT and OFFSET are written into the statement rather than sent as parameters: with a
 * parameter PostgreSQL guesses a tenth of the rows and plans every search afresh; with a number
 * it keeps one plan per page shape. They are whole numbers from the validated query, never text.
 */
function literal(n: number): SQL {
  if (!Number.isSafeInteger(n) || n < 0) throw new Error(`not a row count: ${n}`);
  return sql.raw(String(n));
}

function partQuery(part: Part, rank: number, limit: number): SQL {
  const where = part.where.length ? sql.join(part.where, sql` AND `) : sql`TRUE`;
  const [k1, k2] = part.key;
  return sql`(SELECT p.id, p.nhs_number, p.given_name, p.family_name, p.preferred_name, p.date_of_birth, p.sex,
      p.postcode, p.registered_practice_id, ${rank}::int AS rank, ${k1} AS k1, ${k2} AS k2
    FROM person p WHERE ${where} ORDER BY ${k1}, ${k2}, p.id LIMIT ${literal(limit)})`;
}

/**
 * One page of matches, plus whether more follow: one row beyond the page tells. Given `audit`,
 * the same statement also records one such event for each person on the page (not the row
 * beyond it), so the search and its record are one statement.
 */
export async function searchPeople(db: Db, q: PersonSearch, audit?: AuditEvent) {
  const offset = (q.page - 1) * q.pageSize;
  const limit = offset + q.pageSize + 1;
  const matches = sql.join(
    parts(q).map((part, rank) => partQuery(part, rank, limit)),
    sql` UNION ALL `,
  );
  const order = sql`ORDER BY m.rank, m.k1, m.k2, m.id`;
  const recorded = audit
    ? sql`, recorded AS (${auditInsertFor(audit, sql`shown.id`, sql`(SELECT m.id FROM page m ${order} LIMIT ${literal(q.pageSize)}) shown`)})`
    : sql``;
  const rows = await rowsOf<PersonSummary>(
    db,
    sql`WITH matches AS (${matches}),
      page AS (SELECT m.*, o.name AS practice_name FROM matches m LEFT JOIN organisation o ON o.id = m.registered_practice_id
               ${order} LIMIT ${literal(q.pageSize + 1)} OFFSET ${literal(offset)})${recorded}
      SELECT m.id, m.nhs_number AS "nhsNumber", m.given_name AS "givenName", m.family_name AS "familyName",
             m.preferred_name AS "preferredName", m.date_of_birth::text AS "dateOfBirth", m.sex, m.postcode,
             m.practice_name AS "practiceName"
      FROM page m ${order}`,
  );
  return { items: rows.slice(0, q.pageSize), page: q.page, pageSize: q.pageSize, hasMore: rows.length > q.pageSize };
}
