/**
 * Care over time (issue targets): opening a person's record with five years of history (500
 * timeline entries, 20 My Life plan versions) in under 30 ms at p95, at 16 connections on
 * PostgreSQL; saving a plan version in under 20 ms at p95.
 *
 * Kith's compiled server runs in its own process on a scratch database. Sixteen connections at
 * once, signed in as the demo coordinator (on each person's care team), each:
 *   opens a record as the record page does: one GET /people/:id/record, the person, their
 *     timeline's first page and their plan;
 *   saves a plan: reads the current version (untimed), then saves a change to it (timed), each
 *     connection on people of its own, so no save is refused as stale.
 */
import http from 'node:http';
import { isoDateOf, type MyLifePlanContent, planAsDraft } from '@kith/core';
import { synthesiseBorough } from '../packages/server/src/cli/synth.js';
import { openDatabase } from '../packages/server/src/platform/db/client.js';
import { PLAN_VERSIONS, TIMELINE_ENTRIES, writeCareScene } from './care-scene.js';
import { load, type LoadResult, percentile } from './http-load.js';
import type { Section } from './report.js';
import { admin, scratchUrl } from './scratch.js';
import { buildServer, cpuMs, postgresCpuMs, startServer, stopServer } from './server-process.js';

const PORT = 3198;
const SCRATCH = 'kith_care_bench';
const CONNECTIONS = 16;
/** The opening again at fewer connections at once, to show how its time grows with the load on the machine's two cores. */
const SWEEP = [1, 4, 8];
const PEOPLE = Number(process.env.BENCH_CARE_PEOPLE ?? 320);
const SECONDS = Number(process.env.BENCH_CARE_SECONDS ?? 20);

interface Session {
  cookie: string;
  csrf: string;
}

async function signIn(baseUrl: string, email: string): Promise<Session> {
  const res = await fetch(`${baseUrl}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: 'kith-demo-password' }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  const body = (await res.json()) as { csrfToken: string };
  return { cookie: (res.headers.get('set-cookie') ?? '').split(';')[0]!, csrf: body.csrfToken };
}

/** Opening a record as the record page does: one GET /people/:id/record, the person, their timeline's first page and their plan. */
async function openRecord(baseUrl: string, session: Session, people: string[], seconds: number, connections = CONNECTIONS): Promise<LoadResult> {
  const paths = people.map((id) => `/api/v1/people/${id}/record`);
  const result = await load({ baseUrl, cookie: session.cookie, paths, connections, seconds, serverTiming: true });
  if (result.errors + result.non2xx > 0) throw new Error(`opening a record: ${result.errors} errors, ${result.non2xx} answers not 2xx`);
  return result;
}

/** CPU time per opening at 16 connections: Kith's server process, PostgreSQL's processes, and this process, the load generator. */
interface CpuSplit {
  server: number;
  postgres: number;
  loadGenerator: number;
}

/** The timed opening, with the CPU each side used over it. */
async function openRecordWithCpu(baseUrl: string, session: Session, people: string[], serverPid: number) {
  const before = { server: await cpuMs(serverPid), postgres: await postgresCpuMs(), self: process.cpuUsage() };
  const result = await openRecord(baseUrl, session, people, SECONDS);
  const self = process.cpuUsage(before.self);
  const per = (ms: number) => ms / result.requests;
  const cpu: CpuSplit = {
    server: per((await cpuMs(serverPid)) - before.server),
    postgres: per((await postgresCpuMs()) - before.postgres),
    loadGenerator: per((self.user + self.system) / 1000),
  };
  return { opening: { client: result.client, server: result.server }, cpu, throughput: result.throughput };
}

/** One request with a keep-alive connection of the pool: its status, body, and the server's time on it. */
function send(agent: http.Agent, url: URL, method: string, headers: Record<string, string>, body?: string) {
  return new Promise<{ status: number; body: string; server: number }>((resolve, reject) => {
    const req = http.request(url, { agent, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const dur = /dur=([\d.]+)/.exec(String(res.headers['server-timing'] ?? ''))?.[1];
        if (dur === undefined) reject(new Error(`${method} ${url.pathname}: no Server-Timing header`));
        else resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), server: Number(dur) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/**
 * Saving a plan: each connection reads the current version of one of its own people (untimed),
 * then saves a change to it (timed), so no save is stale. node:http with keep-alive, which costs
 * the shared cores less than fetch.
 */
async function savePlan(baseUrl: string, session: Session, people: string[], seconds: number, connections = CONNECTIONS): Promise<Timings> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const client: number[] = [];
  const server: number[] = [];
  const until = performance.now() + seconds * 1000;
  const headers = { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' };
  await Promise.all(
    Array.from({ length: connections }, async (_, c) => {
      const mine = people.filter((_, k) => k % connections === c);
      for (let i = 0; performance.now() < until; i++) {
        const url = new URL(`/api/v1/people/${mine[i % mine.length]!}/plan`, baseUrl);
        const read = await send(agent, url, 'GET', { cookie: session.cookie });
        if (read.status !== 200) throw new Error(`plan read: ${read.status} ${read.body.slice(0, 200)}`);
        const plan = JSON.parse(read.body) as { version: number; content: MyLifePlanContent };
        const draft = planAsDraft(plan.content, plan.version);
        draft.strengths = [...draft.strengths, { text: `Noted on visit ${i}`, personsOwnWords: false, newComments: [] }];
        const started = performance.now();
        const saved = await send(agent, url, 'PUT', headers, JSON.stringify(draft));
        if (saved.status !== 200) throw new Error(`plan save: ${saved.status} ${saved.body.slice(0, 200)}`);
        client.push(performance.now() - started);
        server.push(saved.server);
      }
    }),
  );
  agent.destroy();
  const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
  return { client: sorted(client), server: sorted(server) };
}

/** The opening again, and the section pages' own requests for its parts, each alone at 16 connections, to show where the time goes. */
async function eachRequest(baseUrl: string, session: Session, people: string[]) {
  const paths = (suffix: string) => people.map((id) => `/api/v1/people/${id}${suffix}`);
  const part = (suffix: string) => load({ baseUrl, cookie: session.cookie, paths: paths(suffix), connections: CONNECTIONS, seconds: Math.max(5, SECONDS / 2), serverTiming: true });
  return { 'record opening': await part('/record'), person: await part(''), timeline: await part('/timeline'), plan: await part('/plan') };
}

/** The opening and the save at each of SWEEP's numbers of connections. */
async function sweep(baseUrl: string, session: Session, people: string[]) {
  const results: Record<number, { opening: LoadResult; saving: Timings }> = {};
  const seconds = Math.max(5, SECONDS / 2);
  for (const connections of SWEEP) {
    results[connections] = { opening: await openRecord(baseUrl, session, people, seconds, connections), saving: await savePlan(baseUrl, session, people, seconds, connections) };
  }
  return results;
}

export async function care({ size, serverUrl }: { size: number; serverUrl: string }): Promise<Section> {
  await admin(serverUrl, `DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
  await admin(serverUrl, `CREATE DATABASE ${SCRATCH}`);
  const url = scratchUrl(serverUrl, SCRATCH);
  const database = await openDatabase({ kind: 'postgres', url });
  let people: string[];
  let email: string;
  try {
    await database.migrate();
    console.log(`Synthesising ${size.toLocaleString('en-GB')} people and five years of care for ${PEOPLE}…`);
    const referenceDate = isoDateOf(new Date());
    await synthesiseBorough(database.db, { size, seed: 2017, referenceDate });
    ({ people, coordinatorEmail: email } = await writeCareScene(database.db, PEOPLE, referenceDate));
  } finally {
    await database.close();
  }
  buildServer();
  try {
    return report(size, people.length, await measure(url, email, people));
  } finally {
    // BENCH_CARE_KEEP=1 keeps the scene for looking into a figure afterwards.
    if (!process.env.BENCH_CARE_KEEP) await admin(serverUrl, `DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
  }
}

interface Measured {
  opening: Timings;
  throughput: number;
  cpu: CpuSplit;
  saving: Timings;
  parts: Record<string, LoadResult>;
  sweep: Record<number, { opening: LoadResult; saving: Timings }>;
}

/** Kith started on `databaseUrl`: the opening, the save, and each request alone. */
async function measure(databaseUrl: string, email: string, people: string[]): Promise<Measured> {
  const server = await startServer({ DATABASE_URL: databaseUrl, KITH_SERVER_TIMING: '1' }, PORT);
  try {
    const baseUrl = `http://localhost:${PORT}`;
    const session = await signIn(baseUrl, email);
    await openRecord(baseUrl, session, people, 5); // warm-up: plans, caches, connections
    const opening = await openRecordWithCpu(baseUrl, session, people, server.pid!);
    const saving = await savePlan(baseUrl, session, people, SECONDS);
    return { ...opening, saving, parts: await eachRequest(baseUrl, session, people), sweep: await sweep(baseUrl, session, people) };
  } finally {
    await stopServer(server);
  }
}

const ms = (n: number) => n.toFixed(1);
const ms2 = (n: number) => n.toFixed(2);
const cpuTotal = (cpu: CpuSplit) => cpu.server + cpu.postgres + cpu.loadGenerator;

/** Client and server times of every timed answer, sorted. */
interface Timings {
  client: number[];
  server: number[];
}

function report(size: number, people: number, measured: Measured): Section {
  const line = (label: string, t: number[], target: string) =>
    `| ${label} | ${ms(percentile(t, 50))} | **${ms(percentile(t, 95))}** | ${ms(percentile(t, 99))} | ${t.length} | ${target} |`;
  return {
    title: 'Care over time: opening a record with five years of history, saving a My Life plan',
    lines: [
      `Borough: ${size.toLocaleString('en-GB')} people; ${people} of them with five years of history each: ${TIMELINE_ENTRIES} timeline entries and ${PLAN_VERSIONS} plan versions.`,
      `${CONNECTIONS} connections at once over HTTP, from a load generator on the same machine, against the compiled server, ${SECONDS} s each after 5 s of warm-up, as the demo coordinator. Opening a record is what the record page asks: GET /people/:id/record, the person, their timeline's first page (50 entries) and their plan in one answer (autocannon). Saving a plan is one PUT of the whole plan with a change, after reading it (untimed), each of 16 keep-alive connections (node:http) on people of its own. Times in ms. Server time is what the server reports in its Server-Timing header, from a request's arrival to its answer; client time runs from the request written to the answer read, so it also holds waiting on the same two cores as the load generator:`,
      '',
      '| measure | p50 | p95 | p99 | count | target |',
      '|---|---|---|---|---|---|',
      line('open a record: server time', measured.opening.server, 'p95 under 30 ms'),
      line('open a record: client time', measured.opening.client, ''),
      line('save a plan version: server time', measured.saving.server, 'p95 under 20 ms'),
      line('save a plan version: client time', measured.saving.client, ''),
      '',
      `CPU time per opening over the ${SECONDS} s at ${CONNECTIONS} connections (${Math.round(measured.throughput)} openings a second): Kith's server process ${ms2(measured.cpu.server)} ms, PostgreSQL's processes ${ms2(measured.cpu.postgres)} ms (the statements, the audit sealer's chaining of each event, the write-ahead log), the load generator ${ms2(measured.cpu.loadGenerator)} ms; ${ms2(cpuTotal(measured.cpu))} ms in all, on 2 cores.`,
      '',
      'The opening and the save at fewer connections at once, server times in ms:',
      '',
      '| connections | open: p50 | open: p95 | openings/s | save: p50 | save: p95 |',
      '|---|---|---|---|---|---|',
      ...Object.entries(measured.sweep).map(
        ([n, r]) =>
          `| ${n} | ${ms(percentile(r.opening.server, 50))} | **${ms(percentile(r.opening.server, 95))}** | ${Math.round(r.opening.throughput)} | ${ms(percentile(r.saving.server, 50))} | **${ms(percentile(r.saving.server, 95))}** |`,
      ),
      '',
      "The opening alone again, and the section pages' own requests for each of its parts, 16 connections (autocannon), times in ms:",
      '',
      '| request | server p50 | server p95 | client p50 | client p95 | client p99 | req/s |',
      '|---|---|---|---|---|---|---|',
      ...Object.entries(measured.parts).map(
        ([name, r]) => `| ${name} | ${ms(percentile(r.server, 50))} | ${ms(percentile(r.server, 95))} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${Math.round(r.throughput)} |`,
      ),
    ],
  };
}
