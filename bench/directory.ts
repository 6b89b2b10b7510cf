/**
 * The directory (issue targets): importing 10,000 Open Referral UK services in under 10 s, and a
 * search with words, distance and a day filter in under 15 ms at p95 with 16 connections.
 *
 * Kith's compiled server runs in its own process on a scratch database holding a small synthetic
 * borough (for its staff) and the borough's postcodes. The demo network lead sets up a feed and
 * sends it the synthetic directory in one POST of ORUK v3 JSON, timed from sending to the answer;
 * the feed is then sent again, unchanged (an idempotent re-import). Sixteen clients then search
 * as the demo coordinator, each query a pair of words, a day and part of it, and a postcode with a
 * 2 km radius, drawn from the directory's own names and postcodes: first with Kith in one
 * process, then in a worker process for each core, as it would be run on this machine.
 */
import { DEMO_PASSWORD, demoEmail, isoDateOf, synthesiseDirectory, type StaffRole } from '@kith/core';
import { synthesiseBorough } from '../packages/server/src/cli/synth.js';
import { openDatabase, rowsOf } from '../packages/server/src/platform/db/client.js';
import { ensurePostcodes } from '../packages/server/src/modules/directory/postcodes.js';
import { sql } from 'drizzle-orm';
import { availableParallelism } from 'node:os';
import { load, type LoadResult } from './http-load.js';
import type { Section } from './report.js';
import { admin, scratchUrl } from './scratch.js';
import { buildServer, startServer, stopServer } from './server-process.js';

const PORT = 3197;
const SCRATCH = 'kith_directory_bench';
const CONNECTIONS = 16;
const SERVICES = Number(process.env.BENCH_DIRECTORY_SERVICES ?? 10_000);
const SECONDS = Number(process.env.BENCH_DIRECTORY_SECONDS ?? 20);
const DAYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday'];
const PARTS = ['morning', 'afternoon'];
const WORDS = ['lunch club', 'walking', 'befriending', 'exercise', 'carers', 'singing', 'gardening', 'advice', 'café', 'crafts'];

async function signIn(baseUrl: string, role: StaffRole): Promise<{ cookie: string; csrf: string }> {
  const res = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: demoEmail(role), password: DEMO_PASSWORD }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: body.csrfToken };
}

type Sent = { ms: number; body: Record<string, unknown> };

async function send(baseUrl: string, who: { cookie: string; csrf: string }, method: string, path: string, body: unknown) {
  const started = performance.now();
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers: { cookie: who.cookie, 'x-csrf-token': who.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 500)}`);
  return { ms: performance.now() - started, body: text ? (JSON.parse(text) as Record<string, unknown>) : {} };
}

/** Searches as a volunteer or coordinator types them: words, a weekday and part of it, near a postcode. */
async function searchPaths(url: string): Promise<string[]> {
  const database = await openDatabase({ kind: 'postgres', url });
  try {
    const rows = await rowsOf<{ postcode: string }>(database.db, sql`SELECT DISTINCT postcode FROM directory_place WHERE postcode IS NOT NULL ORDER BY postcode LIMIT 200`);
    return Array.from({ length: 500 }, (_, i) => {
      const query = new URLSearchParams({
        text: WORDS[i % WORDS.length]!,
        day: DAYS[i % DAYS.length]!,
        partOfDay: PARTS[i % PARTS.length]!,
        postcode: rows[(i * 37) % rows.length]!.postcode,
        radius: '2000',
      });
      return `/api/v1/directory/services?${query}`;
    });
  } finally {
    await database.close();
  }
}

export async function directory({ serverUrl }: { serverUrl: string }): Promise<Section> {
  await admin(serverUrl, `DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
  await admin(serverUrl, `CREATE DATABASE ${SCRATCH}`);
  const url = scratchUrl(serverUrl, SCRATCH);
  const referenceDate = isoDateOf(new Date());
  const database = await openDatabase({ kind: 'postgres', url });
  try {
    await database.migrate();
    await synthesiseBorough(database.db, { size: 2000, seed: 2017, referenceDate });
    await ensurePostcodes(database.db);
  } finally {
    await database.close();
  }
  const { feed } = synthesiseDirectory({ services: SERVICES, seed: 2017, referenceDate });
  buildServer();
  const server = await startServer({ DATABASE_URL: url }, PORT);
  let imported: { first: Sent; again: Sent; sessions: { services: number; sessions: number }; oneProcess: LoadResult };
  try {
    const baseUrl = `http://localhost:${PORT}`;
    const lead = await signIn(baseUrl, 'network_lead');
    await send(baseUrl, lead, 'PUT', '/api/v1/directory/feeds/bench', { name: 'Benchmark directory', kind: 'voluntary' });
    const first = await send(baseUrl, lead, 'POST', '/api/v1/directory/feeds/bench/imports', feed);
    const again = await send(baseUrl, lead, 'POST', '/api/v1/directory/feeds/bench/imports', feed);
    imported = { first, again, sessions: await countSessions(url), oneProcess: await searching(baseUrl, url) };
  } finally {
    await stopServer(server);
  }
  // Kith as it would be run on this machine: a worker process for each core.
  const workers = await startServer({ DATABASE_URL: url, KITH_WORKERS: String(availableParallelism()) }, PORT);
  try {
    const everyCore = await searching(`http://localhost:${PORT}`, url);
    return report(imported.first, imported.again, imported.sessions, imported.oneProcess, everyCore);
  } finally {
    await stopServer(workers);
    if (!process.env.BENCH_DIRECTORY_KEEP) await admin(serverUrl, `DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
  }
}

/** Sixteen clients searching as the demo coordinator, after a warm-up (each process reads its index on its first search). */
async function searching(baseUrl: string, url: string): Promise<LoadResult> {
  const coordinator = await signIn(baseUrl, 'coordinator');
  const paths = await searchPaths(url);
  await load({ baseUrl, cookie: coordinator.cookie, paths, connections: CONNECTIONS, seconds: 5 });
  return load({ baseUrl, cookie: coordinator.cookie, paths, connections: CONNECTIONS, seconds: SECONDS });
}

async function countSessions(url: string): Promise<{ services: number; sessions: number }> {
  const database = await openDatabase({ kind: 'postgres', url });
  try {
    const [row] = await rowsOf<{ services: number; sessions: number }>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM directory_service) AS services, (SELECT count(*)::int FROM directory_session) AS sessions`,
    );
    return row!;
  } finally {
    await database.close();
  }
}

const ms = (n: number) => n.toFixed(1);

function searchLines(label: string, r: LoadResult, target: boolean): string[] {
  return [
    `| ${label}: p50 | ${ms(r.p50)} ms | |`,
    `| ${label}: p95 | ${target ? `**${ms(r.p95)} ms**` : `${ms(r.p95)} ms`} | ${target ? 'under 15 ms' : ''} |`,
    `| ${label}: p99; throughput | ${ms(r.p99)} ms; ${Math.round(r.throughput)} searches/s | |`,
  ];
}

function report(first: Sent, again: Sent, held: { services: number; sessions: number }, oneProcess: LoadResult, everyCore: LoadResult): Section {
  const cores = availableParallelism();
  return {
    title: 'Directory: importing an Open Referral UK feed, searching by words, distance and day',
    lines: [
      `Directory: ${held.services.toLocaleString('en-GB')} services with ${held.sessions.toLocaleString('en-GB')} weekly session windows (synthetic, at the borough's real postcodes), imported through the API as one ORUK v3 JSON feed.`,
      `Search: words, a day and part of it, within 2 km of a postcode; ${CONNECTIONS} connections for ${SECONDS} s (autocannon, on the same machine) after 5 s of warm-up.`,
      'Each process searches its own in-memory index of the directory, read from the database on its first search and again after the database notifies a change; the database is asked only what words and postcodes not seen before mean (docs/architecture.md).',
      '',
      '| measure | figure | target |',
      '|---|---|---|',
      `| import ${SERVICES.toLocaleString('en-GB')} services (one POST: read, checked, merged, written; ${String(first.body.created)} created) | **${(first.ms / 1000).toFixed(2)} s** | under 10 s |`,
      `| the same feed again (${String(again.body.unchanged)} unchanged) | ${(again.ms / 1000).toFixed(2)} s | |`,
      ...searchLines('search, Kith in one process (as it starts by default)', oneProcess, true),
      ...searchLines(`search, Kith in ${cores} worker processes (KITH_WORKERS=${cores}, one a core)`, everyCore, false),
      '',
      `Search answers: ${(everyCore.requests + oneProcess.requests).toLocaleString('en-GB')} requests, ${everyCore.non2xx + oneProcess.non2xx} not 2xx, ${everyCore.errors + oneProcess.errors} errors.`,
    ],
  };
}
