/**
 * The compiled SQL against core's evaluateRule, two independent implementations of one meaning:
 * on a synthetic borough and on people made to sit on every edge (window boundaries, transfers,
 * elective admissions, ICD-10 prefixes, two codes for one condition), for the documents' rule and
 * rules that use every kind of clause.
 */
import { randomUUID } from 'node:crypto';
import { CONDITION_CODE_LISTS, DEFAULT_REFERRAL_RULE, type EncounterFact, type ReferralRule, evaluateRule, findFacts, monthsBefore } from '@kith/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPerson } from '../../../test/access-fixtures.js';
import { synthesiseBorough } from '../../cli/synth.js';
import { openTestDatabase } from '../../../test/build-test-app.js';
import { type Database, rowsOf } from '../../platform/db/client.js';
import { condition, encounter } from '../../platform/db/schema.js';
import { compileRule } from './compile.js';
import { findPeople } from './find.js';

const AS_OF = '2026-07-19';
let database: Database;
let drop: () => Promise<void>;

const RULES: ReferralRule[] = [
  DEFAULT_REFERRAL_RULE,
  {
    name: 'A condition and heavy hospital use of either kind',
    criteria: {
      kind: 'and',
      clauses: [
        { kind: 'long_term_conditions', atLeast: 1 },
        {
          kind: 'or',
          clauses: [
            { kind: 'emergency_admissions', atLeast: 2, months: 24 },
            { kind: 'ae_attendances', atLeast: 2, months: 12 },
          ],
        },
      ],
    },
  },
  {
    name: 'Older people with frequent A&E use or heart failure',
    criteria: {
      kind: 'and',
      clauses: [
        { kind: 'age', from: 75 },
        {
          kind: 'or',
          clauses: [
            { kind: 'ae_attendances', atLeast: 2, months: 6 },
            { kind: 'has_condition', conditions: ['heart_failure', 'copd'], match: 'any' },
          ],
        },
      ],
    },
  },
  {
    name: 'Three conditions including diabetes and hypertension, one admission in two years',
    criteria: {
      kind: 'and',
      clauses: [
        { kind: 'long_term_conditions', atLeast: 3 },
        { kind: 'has_condition', conditions: ['diabetes', 'hypertension'], match: 'all' },
        { kind: 'emergency_admissions', atLeast: 1, months: 24 },
        { kind: 'age', from: 18, to: 90 },
      ],
    },
  },
];

type Visit = Omit<EncounterFact, 'class'> & { class: 'inpatient' | 'emergency' | 'ambulatory' };

async function edgePerson(codes: [system: 'snomed' | 'icd10', code: string][], visits: Visit[]) {
  const db = database.db;
  const personId = await insertPerson(db, null, 'Edge Case');
  for (const [system, code] of codes) {
    await db.insert(condition).values({ id: randomUUID(), personId, codeSystem: system, code, sourceSystem: 'test', sourceId: randomUUID() });
  }
  for (const v of visits) {
    await db.insert(encounter).values({
      id: randomUUID(),
      personId,
      class: v.class,
      admissionMethod: v.admissionMethod,
      startDate: v.startDate,
      endDate: v.endDate,
      sourceSystem: 'test',
      sourceId: randomUUID(),
    });
  }
}

const emergency = (startDate: string, endDate: string | null = startDate, method = '21'): Visit => ({
  class: 'inpatient',
  admissionMethod: method,
  startDate,
  endDate,
});

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  await synthesiseBorough(database.db, { seed: 11, size: 1500, referenceDate: AS_OF });
  const twoConditions: [system: 'snomed' | 'icd10', code: string][] = [
    ['icd10', 'J44.9'],
    ['icd10', 'i50.0'],
  ];
  // One admission exactly 12 months before (outside), one the day after (inside), one recent.
  await edgePerson(twoConditions, [emergency('2025-07-19'), emergency('2026-01-10')]);
  await edgePerson(twoConditions, [emergency('2025-07-20'), emergency('2026-01-10')]);
  // A transfer the day after discharge is the same stay; a plain readmission the next day is not.
  await edgePerson(twoConditions, [emergency('2026-02-01', '2026-02-05'), emergency('2026-02-06', '2026-02-09', '2B')]);
  await edgePerson(twoConditions, [emergency('2026-02-01', '2026-02-05'), emergency('2026-02-06', '2026-02-09', '21')]);
  // An elective admission never counts.
  await edgePerson(twoConditions, [emergency('2026-03-01'), emergency('2026-04-01', '2026-04-03', '11')]);
  // Two codes for one condition count once.
  const copdTwice: [system: 'snomed' | 'icd10', code: string][] = [
    ['snomed', '13645005'],
    ['icd10', 'J44.1'],
  ];
  await edgePerson(copdTwice, [emergency('2026-03-01'), emergency('2026-05-01')]);
  // A&E attendances, an admission with no end, and one after the day of the run.
  await edgePerson(twoConditions, [
    { class: 'emergency', admissionMethod: null, startDate: '2026-06-01', endDate: '2026-06-01' },
    { class: 'emergency', admissionMethod: null, startDate: '2026-07-19', endDate: '2026-07-19' },
    emergency('2026-06-01', null),
    emergency('2026-06-02'),
    emergency('2026-07-20'),
  ]);
}, 120_000);

afterAll(async () => {
  await database?.close();
  await drop?.();
});

/** Every person's facts, for core to evaluate one by one. */
async function everyone() {
  const db = database.db;
  const people = await rowsOf<{ id: string; date_of_birth: string }>(db, sql`SELECT id, date_of_birth::text FROM person`);
  const codes = await rowsOf<{ person_id: string; code_system: 'snomed' | 'icd10'; code: string }>(
    db,
    sql`SELECT person_id, code_system, code FROM condition`,
  );
  const visits = await rowsOf<{ person_id: string; class: Visit['class']; admission_method: string | null; start_date: string; end_date: string | null }>(
    db,
    sql`SELECT person_id, class, admission_method, start_date::text, end_date::text FROM encounter`,
  );
  return people.map((p) => ({
    id: p.id,
    facts: {
      dateOfBirth: p.date_of_birth,
      conditions: codes.filter((c) => c.person_id === p.id).map((c) => ({ system: c.code_system, code: c.code })),
      encounters: visits
        .filter((v) => v.person_id === p.id)
        .map((v) => ({ class: v.class, admissionMethod: v.admission_method, startDate: v.start_date, endDate: v.end_date })),
    },
  }));
}

describe('a referral rule compiled to SQL', () => {
  it.each(RULES.map((rule) => [rule.name, rule] as const))('finds exactly whom core finds, with the same facts and words: %s', async (_name, rule) => {
    const found = await findPeople(database.db, rule, AS_OF);
    const people = await everyone();
    const expected = people.filter((p) => evaluateRule(rule, p.facts, AS_OF).meets).map((p) => p.id);
    expect(found.map((r) => r.personId).sort()).toEqual(expected.sort());
    expect(expected.length).toBeGreaterThan(0);
    for (const { personId, evaluation } of found) {
      const facts = people.find((p) => p.id === personId)!.facts;
      expect(evaluation.found).toEqual(findFacts(facts, AS_OF));
      expect(evaluation).toEqual(evaluateRule(rule, facts, AS_OF));
    }
  });

  it('agrees with an independent plain-SQL count of the documents\' rule on the synthetic borough', async () => {
    // Written separately from the compiler, for this rule and the synthetic borough's SNOMED CT
    // codes: candidates with two emergency or transfer stays starting in the window, stays
    // linked the same documented way, then two distinct long-term conditions from the code lists.
    const lists = CONDITION_CODE_LISTS.flatMap((list) => list.snomed.map(({ code }) => sql`(${code}, ${list.key})`));
    const after = monthsBefore(AS_OF, 12);
    const [plain] = await rowsOf<{ n: number }>(
      database.db,
      sql`WITH admitted AS (
            SELECT person_id, start_date AS s, greatest(coalesce(end_date, start_date), start_date) AS e,
                   admission_method LIKE '2%' AS emergency, admission_method IN ('2B', '81') AS transfer
            FROM encounter WHERE class = 'inpatient' AND start_date <= ${AS_OF}::date AND (admission_method LIKE '2%' OR admission_method = '81')),
          stays AS (
            SELECT person_id, s, emergency,
                   sum(CASE WHEN prior IS NULL OR NOT (s <= prior OR (transfer AND s <= prior + 1)) THEN 1 ELSE 0 END)
                     OVER (PARTITION BY person_id ORDER BY s ROWS UNBOUNDED PRECEDING) AS stay
            FROM (SELECT *, max(e) OVER (PARTITION BY person_id ORDER BY s ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS prior
                  FROM admitted) a),
          twice AS (
            SELECT person_id FROM (SELECT person_id, min(s) FILTER (WHERE emergency) AS d FROM stays GROUP BY person_id, stay) x
            WHERE d > ${after}::date AND d <= ${AS_OF}::date GROUP BY person_id HAVING count(*) >= 2),
          conditions AS (
            SELECT c.person_id FROM condition c JOIN (VALUES ${sql.join(lists, sql`, `)}) AS l(code, condition)
              ON c.code_system = 'snomed' AND c.code = l.code
            GROUP BY c.person_id HAVING count(DISTINCT l.condition) >= 2)
          SELECT count(*)::int AS n FROM twice JOIN conditions USING (person_id)
          JOIN person p ON p.id = twice.person_id WHERE p.family_name <> 'Case'`,
    );
    const found = await findPeople(database.db, DEFAULT_REFERRAL_RULE, AS_OF);
    const edge = new Set((await rowsOf<{ id: string }>(database.db, sql`SELECT id FROM person WHERE family_name = 'Case'`)).map((r) => r.id));
    expect(found.filter((p) => !edge.has(p.personId)).length).toBe(plain!.n);
    expect(plain!.n).toBeGreaterThan(0);
  });

  it('finds the edge cases as the documents mean them', async () => {
    const edge = await rowsOf<{ id: string }>(database.db, sql`SELECT id FROM person WHERE family_name = 'Case' ORDER BY nhs_number`);
    const found = new Set((await rowsOf<{ person_id: string }>(database.db, compileRule(DEFAULT_REFERRAL_RULE, AS_OF))).map((r) => r.person_id));
    expect(edge.map((p) => found.has(p.id))).toEqual([false, true, false, true, false, false, true]);
  });

  it('recomputes only the people named, with the same answers', async () => {
    const all = (await rowsOf<{ person_id: string }>(database.db, compileRule(DEFAULT_REFERRAL_RULE, AS_OF))).map((r) => r.person_id);
    const some = [...all.slice(0, 3), randomUUID()];
    const again = await rowsOf<{ person_id: string }>(database.db, compileRule(DEFAULT_REFERRAL_RULE, AS_OF, { personIds: some }));
    expect(again.map((r) => r.person_id).sort()).toEqual(all.slice(0, 3).sort());
  });
});
