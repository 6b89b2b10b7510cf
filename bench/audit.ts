/**
 * Audit log targets, on a scratch database of the local PostgreSQL server: the cost of
 * recording an audit event inside a read's transaction (target: the gate and the audit write
 * add under 2 ms at p95 to a record read), one writer and 16 at once, and verification of a
 * chain of over a million events (target: over 100,000 events a second).
 */
import { sql } from 'drizzle-orm';
import { appendAuditEventsInBulk } from '../packages/server/src/platform/audit/bulk.js';
import { recordAuditEvent, recordAuditEvents } from '../packages/server/src/platform/audit/record.js';
import { queryAuditEvents, whoLookedAt } from '../packages/server/src/platform/audit/query.js';
import { sampleAuditEvent, sampleUuid } from '../packages/server/src/platform/audit/sample-events.js';
import { sealAuditEvents, startAuditSealer } from '../packages/server/src/platform/audit/seal.js';
import { verifyAuditChain } from '../packages/server/src/platform/audit/verify.js';
import { openDatabase, type Db } from '../packages/server/src/platform/db/client.js';
import { percentile } from './http-load.js';
import type { Section } from './report.js';
import { admin, scratchUrl } from './scratch.js';

const SCRATCH = 'kith_audit_bench';
const LOG_SIZE = Number(process.env.BENCH_AUDIT_EVENTS ?? 1_000_000);
const SEQUENTIAL_TRANSACTIONS = 3000;
const CONCURRENT_WRITERS = 16;
const CONCURRENT_TRANSACTIONS_EACH = 300;
const SEAL_BACKLOG = 200_000;
const start = new Date('2026-01-01T00:00:00Z');

interface Latencies {
  p50: number;
  p95: number;
  p99: number;
  count: number;
  perSecond: number;
}

function latencies(times: number[], seconds: number): Latencies {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), count: times.length, perSecond: times.length / seconds };
}

/** A transaction of one indexed row read, standing in for reading a record, then `work`. */
type Transaction = (db: Db, n: number) => Promise<void>;

const readOnly: Transaction = (db, n) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`SELECT action FROM audit_event WHERE sequence = ${1 + (n % LOG_SIZE)}`);
  });

const readAndAudit: Transaction = (db, n) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`SELECT action FROM audit_event WHERE sequence = ${1 + (n % LOG_SIZE)}`);
    await recordAuditEvent(tx, sampleAuditEvent(LOG_SIZE + n, start));
  });

const searchPageAudit: Transaction = (db, n) =>
  db.transaction(async (tx) => {
    await tx.execute(sql`SELECT action FROM audit_event WHERE sequence = ${1 + (n % LOG_SIZE)}`);
    await recordAuditEvents(tx, Array.from({ length: 20 }, (_, i) => sampleAuditEvent(LOG_SIZE + n * 20 + i, start)));
  });

/** `writers` loops at once, each running `each` transactions one after another. */
async function timeTransactions(db: Db, transaction: Transaction, writers: number, each: number, offset: number): Promise<Latencies> {
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, writer) => {
      for (let i = 0; i < each; i++) {
        const t = performance.now();
        await transaction(db, offset + writer * each + i);
        times.push(performance.now() - t);
      }
    }),
  );
  return latencies(times, (performance.now() - started) / 1000);
}

async function loadLog(db: Db): Promise<number> {
  const started = performance.now();
  let shown = 0;
  await appendAuditEventsInBulk(db, LOG_SIZE, (n) => sampleAuditEvent(n, start), {
    onProgress: ({ events }) => {
      if (events - shown >= 200_000) console.log(`  ${(shown = events).toLocaleString('en-GB')} events`);
    },
  });
  await db.execute(sql`VACUUM ANALYZE audit_event`);
  return (performance.now() - started) / 1000;
}

/** Writes with the sealer running beside them, as in a running server. */
async function measureWrites(db: Db) {
  const sealer = startAuditSealer(db, { intervalMs: 200, onError: (error) => console.error(error) });
  try {
    await timeTransactions(db, readAndAudit, 4, 250, 10_000_000); // warm-up: plans, caches, connections
    const read = await timeTransactions(db, readOnly, 1, SEQUENTIAL_TRANSACTIONS, 0);
    const audited = await timeTransactions(db, readAndAudit, 1, SEQUENTIAL_TRANSACTIONS, 0);
    const searched = await timeTransactions(db, searchPageAudit, 1, 1000, 0);
    const readConcurrent = await timeTransactions(db, readOnly, CONCURRENT_WRITERS, CONCURRENT_TRANSACTIONS_EACH, 0);
    const auditedConcurrent = await timeTransactions(db, readAndAudit, CONCURRENT_WRITERS, CONCURRENT_TRANSACTIONS_EACH, 20_000_000);
    const searchedConcurrent = await timeTransactions(db, searchPageAudit, CONCURRENT_WRITERS, CONCURRENT_TRANSACTIONS_EACH, 30_000_000);
    return { read, audited, searched, readConcurrent, auditedConcurrent, searchedConcurrent };
  } finally {
    await sealer.stop();
    await sealAuditEvents(db);
  }
}

/** Sealing alone: a backlog written unsealed, then sealed in one go. */
async function measureSealing(db: Db) {
  const offset = 40_000_000;
  for (let first = 0; first < SEAL_BACKLOG; first += 5000) {
    const batch = Array.from({ length: 5000 }, (_, i) => sampleAuditEvent(offset + first + i, start));
    await db.transaction((tx) => recordAuditEvents(tx, batch));
  }
  const started = performance.now();
  const sealed = await sealAuditEvents(db);
  const seconds = (performance.now() - started) / 1000;
  return { sealed, seconds, perSecond: sealed / seconds };
}

/** Reading the log back on the same data: a person's latest page, and who looked at their record. */
async function measureReads(db: Db) {
  const timed = async (read: (i: number) => Promise<unknown>) => {
    const times: number[] = [];
    const started = performance.now();
    for (let i = 0; i < 1000; i++) {
      const t = performance.now();
      await read(i);
      times.push(performance.now() - t);
    }
    return latencies(times, (performance.now() - started) / 1000);
  };
  const person = (i: number) => sampleUuid(3, (i * 7907) % 10_000);
  return {
    page: await timed((i) => queryAuditEvents(db, { personId: person(i), limit: 20 })),
    staffWindow: await timed((i) => queryAuditEvents(db, { staffId: sampleUuid(1, i % 500), from: new Date('2026-01-03'), to: new Date('2026-01-05'), limit: 20 })),
    looks: await timed((i) => whoLookedAt(db, person(i))),
  };
}

async function measureVerification(db: Db) {
  const runs = [];
  for (let run = 0; run < 3; run++) {
    const started = performance.now();
    const verdict = await verifyAuditChain(db);
    const seconds = (performance.now() - started) / 1000;
    if (!verdict.ok) throw new Error(`The benchmark's own audit chain is broken at position ${verdict.position}`);
    runs.push({ events: verdict.events, seconds, perSecond: verdict.events / seconds });
  }
  return runs;
}

const ms = (n: number) => n.toFixed(2);
const n = (value: number) => Math.round(value).toLocaleString('en-GB');
const row = (label: string, l: Latencies, note = '') =>
  `| ${label} | ${ms(l.p50)} | **${ms(l.p95)}** | ${ms(l.p99)} | ${n(l.perSecond)} | ${n(l.count)} | ${note} |`;

export async function audit({ serverUrl }: { serverUrl: string }): Promise<Section> {
  await admin(serverUrl, `DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
  await admin(serverUrl, `CREATE DATABASE ${SCRATCH}`);
  const database = await openDatabase({ kind: 'postgres', url: scratchUrl(serverUrl, SCRATCH), poolSize: CONCURRENT_WRITERS + 4 });
  try {
    await database.migrate();
    console.log(`Writing and sealing ${n(LOG_SIZE)} audit events…`);
    const loadSeconds = await loadLog(database.db);
    console.log('Timing audit writes…');
    const writes = await measureWrites(database.db);
    const reads = await measureReads(database.db);
    console.log('Timing the sealer…');
    const sealing = await measureSealing(database.db);
    console.log('Verifying the chain…');
    const verification = await measureVerification(database.db);
    return report(loadSeconds, writes, reads, sealing, verification);
  } finally {
    await database.close();
    await admin(serverUrl, `DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
  }
}

function report(
  loadSeconds: number,
  w: Awaited<ReturnType<typeof measureWrites>>,
  r: Awaited<ReturnType<typeof measureReads>>,
  sealing: Awaited<ReturnType<typeof measureSealing>>,
  verification: Awaited<ReturnType<typeof measureVerification>>,
): Section {
  const best = verification.reduce((a, b) => (b.perSecond > a.perSecond ? b : a));
  const added = (with_: Latencies, without: Latencies) => `adds ${ms(with_.p50 - without.p50)} at p50, ${ms(with_.p95 - without.p95)} at p95`;
  return {
    title: 'Audit log: writing and verifying the hash chain',
    lines: [
      `Log: ${n(LOG_SIZE)} made-up events written first in transactions of 5,000, each sealed into the chain after it, in ${loadSeconds.toFixed(1)} s (${n(LOG_SIZE / loadSeconds)} events a second); the timings below run on that log.`,
      '',
      'Each transaction reads one row by primary key (standing in for a record read) and commits; "+ audit" also records one audit event (a search page: 20) before commit. The sealer runs beside them every 200 ms, as in the server. Times in ms per transaction, exact percentiles:',
      '',
      '| transaction | p50 | p95 | p99 | per second | transactions | note |',
      '|---|---|---|---|---|---|---|',
      row('read, 1 writer', w.read),
      row('read + audit, 1 writer', w.audited, `audit ${added(w.audited, w.read)}; target under 2 ms at p95 with the gate`),
      row('read + audit of 20 search hits, 1 writer', w.searched),
      row(`read, ${CONCURRENT_WRITERS} writers at once`, w.readConcurrent),
      row(`read + audit, ${CONCURRENT_WRITERS} writers at once`, w.auditedConcurrent, `audit ${added(w.auditedConcurrent, w.readConcurrent)}; writers wait for no lock`),
      row(`read + audit of 20 search hits, ${CONCURRENT_WRITERS} writers at once`, w.searchedConcurrent, `${n(w.searchedConcurrent.perSecond * 20)} events a second`),
      '',
      `Sealing a backlog of ${n(sealing.sealed)} events written unsealed: ${sealing.seconds.toFixed(1)} s, **${n(sealing.perSecond)} events a second**.`,
      '',
      'Reading the log back, one query at a time (ms):',
      '',
      '| query | p50 | p95 | p99 | per second | queries | note |',
      '|---|---|---|---|---|---|---|',
      row('a person\'s latest 20 events', r.page, 'about 100 events per person'),
      row('a staff member\'s events in a 2-day window, 20', r.staffWindow, 'about 2,000 events per staff member'),
      row('who has looked at a record', r.looks, 'grouped by who, organisation and day'),
      '',
      '| verification (kith audit verify) | figure | target |',
      '|---|---|---|',
      `| events verified | ${n(best.events)} | at least 1,000,000 |`,
      `| verification, best of ${verification.length} runs | **${n(best.perSecond)} events a second** (${best.seconds.toFixed(1)} s) | over 100,000 a second |`,
      `| every run | ${verification.map((v) => `${n(v.perSecond)}/s`).join(', ')} | |`,
    ],
  };
}
