/**
 * Who meets a rule, and why: the compiled statement finds the people and what their records
 * show; core's evaluateFound words the reasons and gives the score, so the words are the same
 * as for one person evaluated on their own.
 */
import { CONDITION_KEYS, type ConditionKey, type FactsFound, type ReferralRule, type RuleEvaluation, evaluateFound } from '@kith/core';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { type CompileOptions, compileRule } from './compile.js';

interface FoundRow {
  person_id: string;
  age: number | null;
  conditions: string[] | string;
  admissions: string[] | string;
  attendances: string[] | string;
}

export interface PersonFound {
  personId: string;
  evaluation: RuleEvaluation;
}

/** node-postgres parses arrays; PGlite may hand back their text form, '{a,b}'. */
function textArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  const inner = value.slice(1, -1);
  return inner === '' ? [] : inner.split(',').map((item) => item.replace(/^"|"$/g, ''));
}

export function factsOfRow(row: FoundRow): FactsFound {
  const held = new Set(textArray(row.conditions));
  return {
    age: row.age,
    conditions: CONDITION_KEYS.filter((key: ConditionKey) => held.has(key)),
    emergencyAdmissions: textArray(row.admissions),
    aeAttendances: textArray(row.attendances),
  };
}

/**
 * Planned afresh with its values every time: the statement is prepared once per connection, and
 * a generic plan (PostgreSQL's choice after five runs) cannot know how few people are candidates.
 */
export async function findPeople(db: Db, rule: ReferralRule, asOf: string, options: CompileOptions = {}): Promise<PersonFound[]> {
  const rows = await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL plan_cache_mode = force_custom_plan`);
    return rowsOf<FoundRow>(tx, compileRule(rule, asOf, options));
  });
  return rows.map((row) => ({ personId: row.person_id, evaluation: evaluateFound(rule, factsOfRow(row), asOf) }));
}
