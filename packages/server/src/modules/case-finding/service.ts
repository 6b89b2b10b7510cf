/**
 * Case-finding as a service: named rules with versions, results stored per rule (recomputed for
 * everyone on demand, and for the people an import touched as it lands), and the list a GP
 * practice or a network works from: ranked by score, each person with their reasons, leaving
 * out people already open to their network. Each person listed is decided by the access gate
 * and the look is recorded; people the reader may not open are counted, not named.
 */
import { DEFAULT_REFERRAL_RULE, DomainError, type Criterion, type ReferralRule, describeRule, isoDateOf, validateReferralRule } from '@kith/core';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type AccessContext, type AccessGate, withAccess } from '../../platform/access/index.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { findPeople } from './find.js';

export interface StoredRule extends ReferralRule {
  id: string;
  networkId: string | null;
  version: number;
}

/** The documents' rule, present from the first use of case-finding. */
export async function ensureDefaultRule(db: Db, now: Date): Promise<void> {
  const id = randomUUID();
  await db.execute(sql`
    WITH made AS (
      INSERT INTO referral_rule (id, name, network_id, current_version) VALUES (${id}, ${DEFAULT_REFERRAL_RULE.name}, NULL, 1)
      ON CONFLICT (name) DO NOTHING RETURNING id)
    INSERT INTO referral_rule_version (rule_id, version, criteria, created_at)
    SELECT id, 1, ${JSON.stringify(DEFAULT_REFERRAL_RULE.criteria)}::jsonb, ${now.toISOString()}::timestamptz FROM made`);
}

export async function listRules(db: Db): Promise<StoredRule[]> {
  const rows = await rowsOf<{ id: string; name: string; network_id: string | null; version: number; criteria: Criterion | string }>(
    db,
    sql`SELECT r.id, r.name, r.network_id, r.current_version AS version, v.criteria
        FROM referral_rule r JOIN referral_rule_version v ON v.rule_id = r.id AND v.version = r.current_version
        ORDER BY r.network_id NULLS FIRST, r.name`,
  );
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    networkId: r.network_id,
    version: r.version,
    criteria: typeof r.criteria === 'string' ? (JSON.parse(r.criteria) as Criterion) : r.criteria,
  }));
}

async function ruleById(db: Db, ruleId: string): Promise<StoredRule> {
  const rule = (await listRules(db)).find((r) => r.id === ruleId);
  if (!rule) throw new DomainError('not_found', 'No case-finding rule has this id');
  return rule;
}

export interface RuleChange {
  name: string;
  criteria: unknown;
  networkId?: string | null;
}

/** Checks a rule with core's schema; each problem names its field ("criteria.clauses.1.months"). */
function validRule(input: RuleChange): ReferralRule {
  const checked = validateReferralRule({ name: input.name, criteria: input.criteria });
  if (!checked.ok) throw new DomainError('invalid', 'The rule has problems', checked.problems);
  return checked.rule;
}

function refuseDuplicateName(error: unknown): never {
  if (isUniqueViolation(error, 'referral_rule_name_key')) throw DomainError.field('name', 'Another rule has this name');
  throw error;
}

/** A new rule at version 1; administrators and network leads configure case-finding. */
export function createRule(db: Db, context: AccessContext, input: RuleChange): Promise<StoredRule> {
  return withAccess(db, context, async (gate, tx) => {
    requireRuleEditor(gate);
    const rule = validRule(input);
    const id = randomUUID();
    await tx
      .execute(sql`INSERT INTO referral_rule (id, name, network_id, current_version) VALUES (${id}, ${rule.name}, ${input.networkId ?? null}, 1)`)
      .catch(refuseDuplicateName);
    await tx.execute(sql`INSERT INTO referral_rule_version (rule_id, version, criteria, created_by, created_at)
      VALUES (${id}, 1, ${JSON.stringify(rule.criteria)}::jsonb, ${gate.actor.staffId}, ${context.now.toISOString()}::timestamptz)`);
    return ruleById(tx, id);
  });
}

/**
 * A change is a new version; the one sent must be the current one, so two people editing at
 * once cannot overwrite each other (409 with the current version).
 */
export function changeRule(db: Db, context: AccessContext, ruleId: string, input: RuleChange & { version: number }): Promise<StoredRule> {
  return withAccess(db, context, async (gate, tx) => {
    requireRuleEditor(gate);
    const rule = validRule(input);
    const current = await ruleById(tx, ruleId);
    const next = input.version + 1;
    const [moved] = await rowsOf<{ id: string }>(
      tx,
      sql`UPDATE referral_rule SET current_version = ${next}, name = ${rule.name},
            network_id = ${input.networkId === undefined ? sql`network_id` : sql`${input.networkId}::uuid`}
          WHERE id = ${ruleId} AND current_version = ${input.version} RETURNING id`,
    ).catch(refuseDuplicateName);
    if (!moved) {
      throw new DomainError('conflict', `This rule was changed by someone else (you had version ${input.version}, it is now version ${current.version}). Reload it and make your change again.`, [
        { field: 'version', reason: `Stale: the rule is at version ${current.version}` },
      ], { currentVersion: current.version });
    }
    await tx.execute(sql`INSERT INTO referral_rule_version (rule_id, version, criteria, created_by, created_at)
      VALUES (${ruleId}, ${next}, ${JSON.stringify(rule.criteria)}::jsonb, ${gate.actor.staffId}, ${context.now.toISOString()}::timestamptz)`);
    return ruleById(tx, ruleId);
  });
}

/** Every version of a rule, newest first, with who made it. */
export async function ruleHistory(db: Db, ruleId: string) {
  const rule = await ruleById(db, ruleId);
  const rows = await rowsOf<{ version: number; criteria: Criterion | string; created_at: Date | string; created_by: string | null }>(
    db,
    sql`SELECT v.version, v.criteria, v.created_at, s.name AS created_by FROM referral_rule_version v LEFT JOIN staff s ON s.id = v.created_by
        WHERE v.rule_id = ${ruleId} ORDER BY v.version DESC`,
  );
  return rows.map((r) => {
    const criteria = typeof r.criteria === 'string' ? (JSON.parse(r.criteria) as Criterion) : r.criteria;
    return {
      version: r.version,
      criteria,
      description: describeRule({ name: rule.name, criteria }),
      createdAt: new Date(r.created_at).toISOString(),
      createdBy: r.created_by,
    };
  });
}

const RULE_EDITORS = new Set(['admin', 'network_lead']);

function requireRuleEditor(gate: AccessGate): void {
  if (!gate.actor.roles.some((grant) => RULE_EDITORS.has(grant.role))) {
    throw new DomainError('forbidden', 'Only administrators and network leads change case-finding rules.');
  }
}

/**
 * Brings the stored results of one rule up to date, for everyone or only the people named: people
 * no longer found leave, people still found are updated and keep `first_found_at` (so a huddle
 * agenda can tell "newly meets the rule" from "has met it for months"), new people arrive with
 * it set to now.
 */
async function storeResults(db: Db, rule: StoredRule, asOf: string, now: Date, personIds?: readonly string[]): Promise<number> {
  const found = await findPeople(db, rule, asOf, { personIds });
  const foundIds = sql.param(found.map((f) => f.personId));
  const only = personIds ? sql`AND r.person_id = ANY(${sql.param(personIds)}::uuid[])` : sql``;
  await db.execute(sql`
    DELETE FROM case_finding_result r WHERE r.rule_id = ${rule.id} ${only}
      AND NOT EXISTS (SELECT 1 FROM unnest(${foundIds}::uuid[]) AS f(person_id) WHERE f.person_id = r.person_id)`);
  if (found.length === 0) return 0;
  const at = now.toISOString();
  await db.execute(sql`
    INSERT INTO case_finding_result (rule_id, person_id, rule_version, as_of, score, reasons, computed_at, first_found_at)
    SELECT ${rule.id}, person_id, ${rule.version}, ${asOf}::date, score, reasons, ${at}::timestamptz, ${at}::timestamptz
    FROM unnest(${foundIds}::uuid[], ${sql.param(found.map((f) => f.evaluation.score.total))}::int[],
                ${sql.param(found.map((f) => f.evaluation.reasonText))}::text[]) AS r(person_id, score, reasons)
    ON CONFLICT (rule_id, person_id) DO UPDATE
      SET rule_version = excluded.rule_version, as_of = excluded.as_of, score = excluded.score,
          reasons = excluded.reasons, computed_at = excluded.computed_at`);
  return found.length;
}

/** Recomputes one rule for everyone: the role must be one that reads people's summaries. */
export function runCaseFinding(db: Db, context: AccessContext, ruleId: string) {
  return withAccess(db, context, async (gate, tx) => {
    gate.requireRoleCovering('read', 'summary');
    await ensureDefaultRule(tx, context.now);
    const rule = await ruleById(tx, ruleId);
    const found = await storeResults(tx, rule, isoDateOf(context.now), context.now);
    return { ruleId: rule.id, version: rule.version, found };
  });
}

/** Every rule for everyone (the demo borough, once loaded). */
export async function recomputeEveryone(db: Db, now: Date): Promise<number> {
  await ensureDefaultRule(db, now);
  let found = 0;
  for (const rule of await listRules(db)) found += await storeResults(db, rule, isoDateOf(now), now);
  return found;
}

/** After an import: every rule, for the people it touched only. */
export async function recomputeForPeople(db: Db, personIds: readonly string[], now: Date): Promise<void> {
  if (personIds.length === 0) return;
  for (const rule of await listRules(db)) await storeResults(db, rule, isoDateOf(now), now, personIds);
}

export interface CaseFindingQuery {
  ruleId?: string;
  practiceId?: string;
  networkId?: string;
  limit: number;
}

interface ResultRow {
  person_id: string;
  given_name: string;
  family_name: string;
  nhs_number: string;
  date_of_birth: string;
  practice_name: string | null;
  score: number;
  reasons: string;
  as_of: string;
  rule_version: number;
}

/** The ranked list; people already open to their network (an open referral) are left out. */
export function caseFindingList(db: Db, context: AccessContext, query: CaseFindingQuery, action: 'read' | 'export' = 'read') {
  return withAccess(db, context, async (gate, tx) => {
    gate.requireRoleCovering(action, 'summary');
    await ensureDefaultRule(tx, context.now);
    const rules = await listRules(tx);
    const rule = query.ruleId ? rules.find((r) => r.id === query.ruleId) : rules.find((r) => r.name === DEFAULT_REFERRAL_RULE.name);
    if (!rule) throw DomainError.field('ruleId', 'No case-finding rule has this id');
    const where = [sql`r.rule_id = ${rule.id}`];
    if (query.practiceId) where.push(sql`p.registered_practice_id = ${query.practiceId}`);
    if (query.networkId) where.push(sql`pr.network_id = ${query.networkId}`);
    const rows = await rowsOf<ResultRow>(
      tx,
      sql`SELECT r.person_id, p.given_name, p.family_name, p.nhs_number, p.date_of_birth::text, o.name AS practice_name,
                 r.score, r.reasons, r.as_of::text, r.rule_version
          FROM case_finding_result r JOIN person p ON p.id = r.person_id
          LEFT JOIN practice pr ON pr.id = p.registered_practice_id LEFT JOIN organisation o ON o.id = pr.id
          WHERE ${sql.join(where, sql` AND `)}
            AND NOT EXISTS (SELECT 1 FROM referral f WHERE f.person_id = r.person_id AND f.network_id = pr.network_id
                            AND f.status IN ('received', 'triaged', 'accepted', 'active'))
          ORDER BY r.score DESC, p.family_name, p.given_name, p.id
          LIMIT ${query.limit}`,
    );
    const people = [];
    let notShown = 0;
    for (const row of rows) {
      const decision = await gate.decide(row.person_id, action, { kind: 'summary' });
      if (!decision.allowed) {
        notShown += 1;
        continue;
      }
      gate.recordEvent(gate.event(decision, { personId: row.person_id, action, resourceKind: 'summary', resourceId: `case_finding:${rule.id}` }));
      people.push({
        personId: row.person_id,
        name: `${row.given_name} ${row.family_name}`,
        nhsNumber: row.nhs_number,
        dateOfBirth: row.date_of_birth,
        practiceName: row.practice_name,
        score: row.score,
        reasons: row.reasons,
      });
    }
    return { rule: { id: rule.id, name: rule.name, version: rule.version }, asOf: rows[0]?.as_of ?? null, people, notShown };
  });
}
