/**
 * Foundation targets: the synthetic borough into PostgreSQL (under 60 s for 400,000 people),
 * person search by NHS number and by name prefix over HTTP at 16 connections (p95 under 10 ms),
 * and the server's memory after that load (under 300 MB RSS).
 */
import { isoDateOf } from '@kith/core';
import { sql } from 'drizzle-orm';
import { synthesiseBorough } from '../packages/server/src/cli/synth.js';
import { openDatabase, rowsOf } from '../packages/server/src/platform/db/client.js';
import { demoSignIn } from './demo-account.js';
import { load, type LoadResult } from './http-load.js';
import type { Section } from './report.js';
import { admin, scratchUrl } from './scratch.js';
import { buildServer, rssMb, startServer, stopServer } from './server-process.js';

const PORT = 3199;

async function synthesise(url: string, size: number) {
  const database = await openDatabase({ kind: 'postgres', url });
  await database.migrate();
  const started = performance.now();
  await synthesiseBorough(database.db, { size, seed: 2017, referenceDate: isoDateOf(new Date()) });
  const seconds = (performance.now() - started) / 1000;
  const [counts] = await rowsOf<{ people: number; conditions: number; encounters: number }>(
    database.db,
    sql`SELECT (SELECT count(*) FROM person)::int AS people, (SELECT count(*) FROM condition)::int AS conditions,
               (SELECT count(*) FROM encounter)::int AS encounters`,
  );
  const samples = await rowsOf<{ nhs: string; prefix: string }>(
    database.db,
    sql`SELECT nhs_number AS nhs, lower(left(family_name, 3)) AS prefix FROM person TABLESAMPLE SYSTEM (1) LIMIT 2000`,
  );
  await database.close();
  return { seconds, counts: counts!, samples };
}

const ms = (n: number) => n.toFixed(1);
const row = (label: string, r: LoadResult, target: string) =>
  `| ${label} | ${ms(r.p50)} | **${ms(r.p95)}** | ${ms(r.p99)} | ${Math.round(r.throughput)} | ${r.requests} | ${r.errors + r.non2xx} | ${target} |`;

export async function foundation({ size, serverUrl }: { size: number; serverUrl: string }): Promise<Section> {
  const url = scratchUrl(serverUrl, 'kith_bench');
  await admin(serverUrl, 'DROP DATABASE IF EXISTS kith_bench WITH (FORCE)');
  await admin(serverUrl, 'CREATE DATABASE kith_bench');
  console.log(`Synthesising ${size} people into PostgreSQL…`);
  const synth = await synthesise(url, size);
  console.log(`  ${synth.seconds.toFixed(1)} s`);

  buildServer();
  const server = await startServer({ DATABASE_URL: url }, PORT);
  try {
    const baseUrl = `http://localhost:${PORT}`;
    const cookie = await demoSignIn(baseUrl);
    const idleRss = await rssMb(server.pid!);
    const byNhs = synth.samples.map((s) => `/api/v1/people?nhsNumber=${s.nhs}`);
    const byName = synth.samples.map((s) => `/api/v1/people?name=${encodeURIComponent(s.prefix)}`);
    await load({ baseUrl, cookie, paths: byName, connections: 16, seconds: 5 }); // warm-up
    const nhs = await load({ baseUrl, cookie, paths: byNhs, connections: 16, seconds: 20 });
    const name = await load({ baseUrl, cookie, paths: byName, connections: 16, seconds: 20 });
    const loadedRss = await rssMb(server.pid!);
    return {
      title: 'Foundation: synthetic borough, person search, memory',
      lines: [
        `Borough: ${synth.counts.people.toLocaleString('en-GB')} people, ${synth.counts.conditions.toLocaleString('en-GB')} conditions, ${synth.counts.encounters.toLocaleString('en-GB')} encounters (seed 2017).`,
        '',
        '| measure | figure | target |',
        '|---|---|---|',
        `| synthetic borough into PostgreSQL | **${synth.seconds.toFixed(1)} s** | under 60 s |`,
        `| server RSS after start | ${idleRss} MB | |`,
        `| server RSS after the search load | **${loadedRss} MB** | under 300 MB |`,
        '',
        'Person search over HTTP, 16 connections, 20 s each, one page of 20; times in ms, p95 exact over every response:',
        '',
        '| search | p50 | p95 | p99 | req/s | requests | errors | target |',
        '|---|---|---|---|---|---|---|---|',
        row('by NHS number', nhs, 'p95 under 10 ms'),
        row('by name prefix (3 letters)', name, 'p95 under 10 ms'),
      ],
    };
  } finally {
    await stopServer(server);
    await admin(serverUrl, 'DROP DATABASE IF EXISTS kith_bench WITH (FORCE)');
  }
}
