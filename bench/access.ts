/**
 * The access gate's cost on a record read (target: the gate plus the audit write add under
 * 2 ms at p95). On a synthetic borough in a scratch database of the local PostgreSQL server, a
 * named coordinator reads their people's records two ways, alternating in the same run:
 *   without the gate: the record's own statement (person, contacts, practice);
 *   with the gate:    the people service's readPerson, which adds the access facts statement,
 *                     decide() for each role, and the audit event in the record's statement.
 */
import { isoDateOf, type StaffRole } from '@kith/core';
import { sql } from 'drizzle-orm';
import { synthesiseBorough } from '../packages/server/src/cli/synth.js';
import { readPersonRecord } from '../packages/server/src/modules/people/record-query.js';
import { readPerson } from '../packages/server/src/modules/people/service.js';
import type { AccessContext } from '../packages/server/src/platform/access/index.js';
import { startAuditSealer } from '../packages/server/src/platform/audit/seal.js';
import { openDatabase, rowsOf, type Db } from '../packages/server/src/platform/db/client.js';
import { percentile } from './http-load.js';
import type { Section } from './report.js';
import { admin, scratchUrl } from './scratch.js';

const SCRATCH = 'kith_access_bench';
const READS = Number(process.env.BENCH_ACCESS_READS ?? 4000);
const CONCURRENT_READERS = 8;
const SINGLE_RUNS = 3;

interface Reader {
  personId: string;
  context: AccessContext;
}

/** Each named coordinator and one of the people they coordinate. */
async function readers(db: Db): Promise<Reader[]> {
  const rows = await rowsOf<{ person_id: string; staff_id: string; organisation_id: string; organisation_name: string }>(
    db,
    sql`SELECT m.person_id, m.staff_id, m.organisation_id, o.name AS organisation_name
        FROM care_team_member m JOIN organisation o ON o.id = m.organisation_id
        WHERE m.is_named_coordinator ORDER BY m.person_id LIMIT 2000`,
  );
  return rows.map((r, i) => ({
    personId: r.person_id,
    context: {
      actor: {
        staffId: r.staff_id,
        name: 'Coordinator',
        email: 'coordinator@example.test',
        roles: [{ organisationId: r.organisation_id, organisationName: r.organisation_name, role: 'coordinator' as StaffRole }],
      },
      now: new Date(),
      requestId: `bench-${i}`,
      clientAddress: '127.0.0.1',
    },
  }));
}

/** The record's own statement, as readPerson makes it, without the gate's facts or the audit event. */
function readUngated(db: Db, personId: string) {
  return readPersonRecord(db, personId);
}

/**
 * After loading the borough: fresh statistics, and its dirty pages written out, so the timings
 * measure a settled database rather than the checkpoint that loading a borough sets off (whose
 * writes would slow every commit's flush while it ran).
 */
async function settle(db: Db) {
  await db.execute(sql`VACUUM ANALYZE`);
  await db.execute(sql`CHECKPOINT`);
}

interface Timings {
  without: number[];
  with: number[];
}

/** `workers` loops at once; each alternates an ungated and a gated read of the next reader's person. */
async function alternate(db: Db, list: Reader[], workers: number, each: number): Promise<Timings> {
  const timings: Timings = { without: [], with: [] };
  await Promise.all(
    Array.from({ length: workers }, async (_, w) => {
      for (let i = 0; i < each; i++) {
        const reader = list[(w * each + i) % list.length]!;
        const order = i % 2 === 0 ? (['without', 'with'] as const) : (['with', 'without'] as const);
        for (const kind of order) {
          const started = performance.now();
          if (kind === 'with') await readPerson(db, { ...reader.context, now: new Date() }, reader.personId);
          else await readUngated(db, reader.personId);
          timings[kind].push(performance.now() - started);
        }
      }
    }),
  );
  return timings;
}

const stats = (times: number[]) => {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), count: times.length };
};

export async function access({ size, serverUrl }: { size: number; serverUrl: string }): Promise<Section> {
  await admin(serverUrl, `DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
  await admin(serverUrl, `CREATE DATABASE ${SCRATCH}`);
  const database = await openDatabase({ kind: 'postgres', url: scratchUrl(serverUrl, SCRATCH), poolSize: CONCURRENT_READERS + 2 });
  try {
    await database.migrate();
    console.log(`Synthesising ${size.toLocaleString('en-GB')} people for the access benchmark…`);
    const summary = await synthesiseBorough(database.db, { size, seed: 2017, referenceDate: isoDateOf(new Date()) });
    await settle(database.db);
    const list = await readers(database.db);
    if (list.length === 0) throw new Error('The borough has no named coordinators to read as');
    console.log(`Timing ${READS} record reads with and without the gate…`);
    // The sealer chains the audit events beside the reads, as in a running server.
    const sealer = startAuditSealer(database.db, { intervalMs: 200, onError: (error) => console.error(error) });
    try {
      await alternate(database.db, list, 2, 300); // warm-up: plans, caches, connections
      // The single reader's figure is the target's: three runs, each in full, the median reported.
      const singles: Timings[] = [];
      for (let run = 0; run < SINGLE_RUNS; run++) singles.push(await alternate(database.db, list, 1, READS));
      const concurrent = await alternate(database.db, list, CONCURRENT_READERS, Math.round(READS / CONCURRENT_READERS));
      return report(summary.people, summary.referrals, singles, concurrent);
    } finally {
      await sealer.stop();
    }
  } finally {
    await database.close();
    await admin(serverUrl, `DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
  }
}

const ms = (n: number) => n.toFixed(2);

/** What the gate and audit add at p95 in one run: the same run's reads with and without them. */
const addedAtP95 = (t: Timings) => stats(t.with).p95 - stats(t.without).p95;

function report(people: number, referred: number, singles: Timings[], concurrent: Timings): Section {
  const line = (label: string, t: Timings, note: string) => {
    const a = stats(t.without);
    const b = stats(t.with);
    return [
      `| ${label}, without the gate | ${ms(a.p50)} | ${ms(a.p95)} | ${ms(a.p99)} | ${a.count} | |`,
      `| ${label}, with the gate and audit | ${ms(b.p50)} | ${ms(b.p95)} | ${ms(b.p99)} | ${b.count} | **adds ${ms(b.p95 - a.p95)} ms at p95** (${ms(b.p50 - a.p50)} at p50); ${note} |`,
    ];
  };
  const median = [...singles].sort((x, y) => addedAtP95(x) - addedAtP95(y))[Math.floor(singles.length / 2)]!;
  return {
    title: 'Access gate: the cost of deciding and auditing a record read',
    lines: [
      `Borough: ${people.toLocaleString('en-GB')} people, of whom ${referred.toLocaleString('en-GB')} have a named coordinator; the audit log grows by one event per gated read.`,
      `Each coordinator reads the record (person, contacts, practice) of someone they coordinate, alternately without and with the gate, in the same run. The single reader runs ${singles.length} times; the run shown is the median by what the gate adds. Times in ms per read:`,
      '',
      '| read | p50 | p95 | p99 | reads | gate and audit |',
      '|---|---|---|---|---|---|',
      ...line('1 reader', median, 'target under 2 ms'),
      ...line(`${CONCURRENT_READERS} readers at once`, concurrent, 'the sealer chains the events beside them'),
      '',
      `What the gate and audit add at p95, 1 reader, every run: ${singles.map((t) => `${ms(addedAtP95(t))} ms`).join(', ')}.`,
      '',
      'Both reads are one statement each; the gated read adds a second, the access facts, and writes the audit event in the record\'s own statement. What it adds is that round trip and the durable commit of the event (its flush of the write-ahead log to disk), which a plain read does not pay; both vary with the machine\'s network and disk latency.',
    ],
  };
}
