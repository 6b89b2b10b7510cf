/**
 * Case-finding targets, on a synthetic borough in a scratch database of the local PostgreSQL
 * server: a full run of the documents' rule over everyone in under 5 s, and within 2x of the
 * fastest hand-written SQL query for the same rule (both measured in this run); a recompute of
 * only the people 1,000 new events touched in under 500 ms.
 *
 * A run is the compiled rule (modules/case-finding/compile.ts) finding who meets it and what
 * their records show, then core's evaluateFound giving each of them their reasons and score.
 */
import { CONDITION_CODE_LISTS, DEFAULT_REFERRAL_RULE, isoDateOf, monthsBefore } from '@kith/core';
import { sql } from 'drizzle-orm';
import { synthesiseBorough } from '../packages/server/src/cli/synth.js';
import { findPeople } from '../packages/server/src/modules/case-finding/find.js';
import { openDatabase, rowsOf, type Db } from '../packages/server/src/platform/db/client.js';
import type { Section } from './report.js';
import { admin, scratchUrl } from './scratch.js';

const SCRATCH = 'kith_case_finding_bench';
const RUNS = 5;

/**
 * The documents' rule written by hand for this one rule: candidates first (two or more emergency
 * or transfer inpatient encounters up to the day), then the same stay linking and window, then
 * the conditions of those candidates only.
 */
function handWritten(asOf: string, after: string) {
  return sql`
    WITH candidates AS (
      SELECT person_id FROM encounter
      WHERE class = 'inpatient' AND start_date <= ${asOf}::date AND start_date > ${after}::date
        AND (admission_method LIKE '2%' OR admission_method = '81')
      GROUP BY person_id HAVING count(*) >= 2),
    admitted AS (
      SELECT e.person_id, e.start_date AS s, greatest(coalesce(e.end_date, e.start_date), e.start_date) AS e,
             e.admission_method LIKE '2%' AS emergency, e.admission_method IN ('2B', '81') AS transfer
      FROM encounter e JOIN candidates USING (person_id)
      WHERE e.class = 'inpatient' AND e.start_date <= ${asOf}::date AND (e.admission_method LIKE '2%' OR e.admission_method = '81')),
    stays AS (
      SELECT person_id, s, emergency,
             sum(CASE WHEN before_end IS NULL OR NOT (s <= before_end OR (transfer AND s <= before_end + 1)) THEN 1 ELSE 0 END)
               OVER (PARTITION BY person_id ORDER BY s ROWS UNBOUNDED PRECEDING) AS stay
      FROM (SELECT *, max(e) OVER (PARTITION BY person_id ORDER BY s ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS before_end
            FROM admitted) linked),
    admitted_twice AS (
      SELECT person_id FROM (SELECT person_id, min(s) FILTER (WHERE emergency) AS d FROM stays GROUP BY person_id, stay) x
      WHERE d > ${after}::date AND d <= ${asOf}::date GROUP BY person_id HAVING count(*) >= 2)
    SELECT a.person_id FROM admitted_twice a
    WHERE (SELECT count(DISTINCT l.condition) FROM condition c
           JOIN (VALUES ${codeRows()}) AS l(code, condition) ON c.code_system = 'snomed' AND c.code = l.code
           WHERE c.person_id = a.person_id) >= 2`;
}

/** The SNOMED CT lists only: the synthetic borough codes in SNOMED CT. */
function codeRows() {
  const rows = CONDITION_CODE_LISTS.flatMap((list) => list.snomed.map(({ code }) => sql`(${code}, ${list.key})`));
  return sql.join(rows, sql`, `);
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const started = performance.now();
  const result = await work();
  return { ms: performance.now() - started, result };
}

/** A full run: who meets the rule, each with reasons and score. */
async function fullRun(db: Db, asOf: string, personIds?: string[]) {
  const found = await findPeople(db, DEFAULT_REFERRAL_RULE, asOf, { personIds });
  return { found: found.length, explained: found.filter((p) => p.evaluation.meets && p.evaluation.reasonText !== '').length };
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

export async function caseFinding({ size, serverUrl }: { size: number; serverUrl: string }): Promise<Section> {
  await admin(serverUrl, `DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
  await admin(serverUrl, `CREATE DATABASE ${SCRATCH}`);
  const database = await openDatabase({ kind: 'postgres', url: scratchUrl(serverUrl, SCRATCH) });
  const asOf = isoDateOf(new Date());
  try {
    await database.migrate();
    console.log(`Synthesising ${size.toLocaleString('en-GB')} people for the case-finding benchmark…`);
    await synthesiseBorough(database.db, { size, seed: 2017, referenceDate: asOf });
    const [counts] = await rowsOf<{ conditions: number; encounters: number }>(
      database.db,
      sql`SELECT (SELECT count(*) FROM condition)::int AS conditions, (SELECT count(*) FROM encounter)::int AS encounters`,
    );
    const after = monthsBefore(asOf, 12);
    await fullRun(database.db, asOf); // warm-up
    const runs: { ms: number; found: number; explained: number }[] = [];
    const hand: { ms: number; found: number }[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await timed(() => fullRun(database.db, asOf));
      runs.push({ ms: run.ms, ...run.result });
      const written = await timed(() => rowsOf<{ person_id: string }>(database.db, handWritten(asOf, after)));
      hand.push({ ms: written.ms, found: written.result.length });
    }
    const sample = await rowsOf<{ id: string }>(database.db, sql`SELECT id FROM person ORDER BY id LIMIT 1000`);
    const incremental: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const run = await timed(() => fullRun(database.db, asOf, sample.map((s) => s.id)));
      incremental.push(run.ms);
    }
    const memory = Math.round(process.memoryUsage().rss / 2 ** 20);
    return report(size, counts!, runs, hand, incremental, memory);
  } finally {
    await database.close();
    await admin(serverUrl, `DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
  }
}

function report(
  size: number,
  counts: { conditions: number; encounters: number },
  runs: { ms: number; found: number; explained: number }[],
  hand: { ms: number; found: number }[],
  incremental: number[],
  memory: number,
): Section {
  const full = median(runs.map((r) => r.ms));
  const fastest = Math.min(...hand.map((h) => h.ms));
  const n = (value: number) => Math.round(value).toLocaleString('en-GB');
  return {
    title: 'Case-finding: the documents\' rule over a borough',
    lines: [
      `Borough: ${n(size)} people, ${n(counts.conditions)} coded conditions, ${n(counts.encounters)} encounters. Rule: 2 or more long-term conditions and 2 or more emergency admissions in the last 12 months. ${RUNS} runs each, alternating; Node's memory after the runs: ${memory} MB RSS.`,
      '',
      '| measure | figure | target |',
      '|---|---|---|',
      `| full run: compiled rule over everyone, with reasons and score for each person found (median) | **${full.toFixed(0)} ms**, ${n(runs[0]!.found)} people found, ${n(runs[0]!.explained)} with reasons | under 5,000 ms |`,
      `| fastest hand-written SQL for this rule alone (best of ${RUNS}) | ${fastest.toFixed(0)} ms, ${n(hand[0]!.found)} people | |`,
      `| full run against the fastest hand-written query | **${(full / fastest).toFixed(2)}x** | within 2x |`,
      `| recompute for the 1,000 people an import touched (median) | **${median(incremental).toFixed(0)} ms** | under 500 ms |`,
      `| every full run (ms) | ${runs.map((r) => r.ms.toFixed(0)).join(', ')} | |`,
      `| every hand-written run (ms) | ${hand.map((h) => h.ms.toFixed(0)).join(', ')} | |`,
    ],
  };
}
