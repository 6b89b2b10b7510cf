/**
 * A referral rule as one SQL statement over the whole borough. Reading every person's
 * conditions and encounters into Node to run core's evaluateRule would move millions of rows;
 * instead the rule is compiled to SQL with exactly core's meaning (case-finding/hospital-use.ts):
 * - a long-term condition counts once per person, SNOMED CT concepts matched exactly, ICD-10
 *   codes by prefix once upper-cased with everything but letters and digits removed;
 * - inpatient encounters with an emergency (2x) or transfer (2B, 81) admission method are linked
 *   into stays: one continues the stay before it when it starts on or before the day that stay
 *   ended, or, if a transfer, by the day after; an encounter without an end ends on its start;
 *   a stay is one emergency admission, dated by its first emergency encounter;
 * - an A&E attendance is an encounter of class emergency;
 * - "the last M months" as of a day: after the same calendar day M months before (core's
 *   monthsBefore), up to and including the day;
 * - age in whole years, the birthday counted on its calendar day.
 * The statement returns the ids of the people who meet the rule. core's evaluateRule then gives
 * the reasons and score for each of them (few), and the tests hold the two to the same answers.
 */
import {
  CONDITION_CODE_LISTS,
  type Criterion,
  type LeafClause,
  type ReferralRule,
  expandIcd10Entry,
  isGroup,
  isoDateOf,
  monthsBefore,
} from '@kith/core';
import { type SQL, sql } from 'drizzle-orm';

/**
 * The code lists as inline VALUES, one list per join so the planner knows each is a few hundred
 * rows and hashes it: SNOMED CT concepts (matched exactly), and ICD-10 prefixes of one length.
 */
function codeValues(pairs: [code: string, condition: string][]): SQL {
  const rows = pairs.map(([code, key]) => sql`(${code}, ${key})`);
  return sql`(VALUES ${sql.join(rows, sql`, `)}) AS l(code, condition)`;
}

const SNOMED_PAIRS: [string, string][] = CONDITION_CODE_LISTS.flatMap((list) => list.snomed.map(({ code }) => [code, list.key] as [string, string]));

const ICD10_PAIRS: [string, string][] = CONDITION_CODE_LISTS.flatMap((list) =>
  list.icd10.flatMap((entry) => expandIcd10Entry(entry).map((prefix) => [prefix, list.key] as [string, string])),
);

const ICD10_PREFIX_LENGTHS = [...new Set(ICD10_PAIRS.map(([prefix]) => prefix.length))].sort();

/** One hash join per prefix length, so no join compares a code with every prefix. */
function icd10Matches(): SQL {
  const parts = ICD10_PREFIX_LENGTHS.map((length) => {
    const pairs = ICD10_PAIRS.filter(([prefix]) => prefix.length === length);
    return sql`SELECT c.person_id, l.condition FROM icd10_codes c JOIN ${codeValues(pairs)} ON left(c.code, ${sql.raw(String(length))}) = l.code`;
  });
  return sql.join(parts, sql` UNION `);
}

/** Every distinct window the rule counts in, as "after" dates: one count column each. */
interface Windows {
  admissions: Map<number, string>;
  attendances: Map<number, string>;
}

function collectWindows(criterion: Criterion, asOf: string, into: Windows): Windows {
  if (isGroup(criterion)) {
    for (const clause of criterion.clauses) collectWindows(clause, asOf, into);
  } else if (criterion.kind === 'emergency_admissions') {
    into.admissions.set(criterion.months, monthsBefore(asOf, criterion.months));
  } else if (criterion.kind === 'ae_attendances') {
    into.attendances.set(criterion.months, monthsBefore(asOf, criterion.months));
  }
  return into;
}

const column = (prefix: string, months: number) => sql.raw(`${prefix}_${months}`);

function countColumns(prefix: string, dateColumn: string, windows: Map<number, string>, asOf: string): SQL {
  const counts = [...windows].map(
    ([months, after]) =>
      sql`count(*) FILTER (WHERE ${sql.raw(dateColumn)} > ${after}::date AND ${sql.raw(dateColumn)} <= ${asOf}::date)::int AS ${column(prefix, months)}`,
  );
  return counts.length > 0 ? sql.join(counts, sql`, `) : sql`0 AS none`;
}

/** A clause as a condition on the joined per-person counts. */
function leafCondition(clause: LeafClause): SQL {
  switch (clause.kind) {
    case 'long_term_conditions':
      return sql`coalesce(ltc.n, 0) >= ${clause.atLeast}`;
    case 'emergency_admissions':
      return sql`coalesce(adm.${column('adm', clause.months)}, 0) >= ${clause.atLeast}`;
    case 'ae_attendances':
      return sql`coalesce(ae.${column('ae', clause.months)}, 0) >= ${clause.atLeast}`;
    case 'age': {
      const bounds: SQL[] = [sql`age IS NOT NULL`];
      if (clause.from !== undefined) bounds.push(sql`age >= ${clause.from}`);
      if (clause.to !== undefined) bounds.push(sql`age <= ${clause.to}`);
      return sql`(${sql.join(bounds, sql` AND `)})`;
    }
    case 'has_condition': {
      const wanted = sql`ARRAY[${sql.join(clause.conditions.map((key) => sql`${key}`), sql`, `)}]::text[]`;
      return clause.match === 'all' ? sql`coalesce(ltc.keys, '{}') @> ${wanted}` : sql`coalesce(ltc.keys, '{}') && ${wanted}`;
    }
  }
}

function condition(criterion: Criterion): SQL {
  if (isGroup(criterion)) {
    const joiner = criterion.kind === 'and' ? sql` AND ` : sql` OR `;
    return sql`(${sql.join(criterion.clauses.map(condition), joiner)})`;
  }
  return leafCondition(criterion);
}

/**
 * People who could meet the criterion, found cheaply, or null when every person could: at least
 * N emergency or transfer inpatient encounters (or A&E attendances) starting in the window is
 * necessary for N admissions (attendances) there. An "and" needs any one of its clauses' sets;
 * an "or" needs the union of all of them. The full meaning is then applied to these people only.
 */
function candidates(criterion: Criterion, asOf: string): SQL | null {
  if (isGroup(criterion)) {
    const parts = criterion.clauses.map((clause) => candidates(clause, asOf));
    if (criterion.kind === 'and') return parts.find((part) => part !== null) ?? null;
    return parts.every((part) => part !== null) ? sql.join(parts as SQL[], sql` UNION `) : null;
  }
  if (criterion.kind === 'emergency_admissions') {
    return sql`SELECT person_id FROM encounter
      WHERE class = 'inpatient' AND start_date > ${monthsBefore(asOf, criterion.months)}::date AND start_date <= ${asOf}::date
        AND (trim(admission_method) LIKE '2%' OR upper(trim(admission_method)) IN ('2B', '81'))
      GROUP BY person_id HAVING count(*) >= ${criterion.atLeast}`;
  }
  if (criterion.kind === 'ae_attendances') {
    return sql`SELECT person_id FROM encounter
      WHERE class = 'emergency' AND start_date > ${monthsBefore(asOf, criterion.months)}::date AND start_date <= ${asOf}::date
      GROUP BY person_id HAVING count(*) >= ${criterion.atLeast}`;
  }
  return null;
}

export interface CompileOptions {
  /** Only these people (an import touched them); everyone when left out. */
  personIds?: readonly string[];
}

/**
 * The statement: one row per person who meets the rule as of the day, with what their record
 * shows (core's FactsFound): age, long-term conditions, every emergency admission and A&E
 * attendance up to the day.
 */
export function compileRule(rule: ReferralRule, asOfDate: Date | string, options: CompileOptions = {}): SQL {
  const asOf = typeof asOfDate === 'string' ? asOfDate : isoDateOf(asOfDate);
  const windows = collectWindows(rule.criteria, asOf, { admissions: new Map(), attendances: new Map() });
  const pruned = candidates(rule.criteria, asOf);
  const named = options.personIds ? sql`SELECT DISTINCT unnest(${sql.param(options.personIds)}::uuid[])` : null;
  // The people named (an import touched them) are few: read theirs by index rather than prune.
  const chosen = named ?? pruned;
  // With candidates, each table is read for them only, by its person index; without, in full.
  const from = (table: string, alias: string) =>
    chosen ? sql.raw(`chosen JOIN ${table} ${alias} ON ${alias}.person_id = chosen.person_id`) : sql.raw(`${table} ${alias}`);
  const people = chosen ? sql`chosen JOIN person p ON p.id = chosen.person_id` : sql`person p`;
  return sql`
    WITH ${chosen ? sql`chosen(person_id) AS (${chosen}),` : sql``}
    icd10_codes AS (
      SELECT c.person_id, regexp_replace(upper(c.code), '[^A-Z0-9]', '', 'g') AS code
      FROM ${from('condition', 'c')} WHERE c.code_system = 'icd10'),
    person_conditions AS (
      SELECT c.person_id, l.condition FROM ${from('condition', 'c')}
        JOIN ${codeValues(SNOMED_PAIRS)} ON c.code_system = 'snomed' AND trim(c.code) = l.code
      UNION ${icd10Matches()}),
    ltc AS (
      SELECT person_id, count(*)::int AS n, array_agg(condition) AS keys FROM person_conditions GROUP BY person_id),
    admitted AS (
      SELECT e.person_id, e.start_date AS s, greatest(coalesce(e.end_date, e.start_date), e.start_date) AS e,
             trim(e.admission_method) LIKE '2%' AS emergency,
             upper(trim(e.admission_method)) IN ('2B', '81') AS transfer
      FROM ${from('encounter', 'e')}
      WHERE e.class = 'inpatient' AND e.start_date <= ${asOf}::date
        AND (trim(e.admission_method) LIKE '2%' OR upper(trim(e.admission_method)) IN ('2B', '81'))),
    linked AS (
      SELECT *, max(e) OVER (PARTITION BY person_id ORDER BY s ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before_end
      FROM admitted),
    stays AS (
      SELECT *, sum(CASE WHEN before_end IS NULL OR NOT (s <= before_end OR (transfer AND s <= before_end + 1)) THEN 1 ELSE 0 END)
                  OVER (PARTITION BY person_id ORDER BY s ROWS UNBOUNDED PRECEDING) AS stay
      FROM linked),
    admissions AS (
      SELECT person_id, min(s) FILTER (WHERE emergency) AS admitted_on FROM stays GROUP BY person_id, stay),
    adm AS (
      SELECT person_id, array_agg(admitted_on::text ORDER BY admitted_on) AS dates,
             ${countColumns('adm', 'admitted_on', windows.admissions, asOf)}
      FROM admissions WHERE admitted_on IS NOT NULL GROUP BY person_id),
    ae AS (
      SELECT e.person_id, array_agg(e.start_date::text ORDER BY e.start_date) AS dates,
             ${countColumns('ae', 'e.start_date', windows.attendances, asOf)}
      FROM ${from('encounter', 'e')} WHERE e.class = 'emergency' AND e.start_date <= ${asOf}::date GROUP BY e.person_id),
    people AS (
      SELECT p.id,
             extract(year FROM ${asOf}::date)::int - extract(year FROM p.date_of_birth)::int
               - CASE WHEN to_char(${asOf}::date, 'MM-DD') < to_char(p.date_of_birth, 'MM-DD') THEN 1 ELSE 0 END AS age
      FROM ${people})
    SELECT people.id AS person_id, people.age, coalesce(ltc.keys, '{}') AS conditions,
           coalesce(adm.dates, '{}') AS admissions, coalesce(ae.dates, '{}') AS attendances
    FROM people
      LEFT JOIN ltc ON ltc.person_id = people.id
      LEFT JOIN adm ON adm.person_id = people.id
      LEFT JOIN ae ON ae.person_id = people.id
    WHERE ${condition(rule.criteria)}`;
}
