/**
 * Case-finding as a service: named rules with versions, results stored per rule (recomputed for
 * everyone on demand, and for the people an import touched as it lands), and the list a GP
 * practice or a network works from: ranked by score, each person with their reasons, leaving
 * out people already open to their network. Each person listed is decided by the access gate
 * and the look is recorded; people the reader may not open are counted, not named.
 */
import { DEFAULT_REFERRAL_RULE, DomainError, type Criterion, type ReferralRule, isoDateOf } from '@kith/core';
import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type AccessContext, withAccess } from '../../platform/access/index.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
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

/** Replaces the stored results of one rule, for everyone or only the people named. */
async function storeResults(db: Db, rule: StoredRule, asOf: string, now: Date, personIds?: readonly string[]): Promise<number> {
  const found = await findPeople(db, rule, asOf, { personIds });
  const only = personIds ? sql`AND person_id = ANY(${sql.param(personIds)}::uuid[])` : sql``;
  await db.execute(sql`DELETE FROM case_finding_result WHERE rule_id = ${rule.id} ${only}`);
  if (found.length === 0) return 0;
  await db.execute(sql`
    INSERT INTO case_finding_result (rule_id, person_id, rule_version, as_of, score, reasons, computed_at)
    SELECT ${rule.id}, person_id, ${rule.version}, ${asOf}::date, score, reasons, ${now.toISOString()}::timestamptz
    FROM unnest(${sql.param(found.map((f) => f.personId))}::uuid[], ${sql.param(found.map((f) => f.evaluation.score.total))}::int[],
                ${sql.param(found.map((f) => f.evaluation.reasonText))}::text[]) AS r(person_id, score, reasons)`);
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
