/**
 * Care over time (issue targets): opening a person's record with five years of history (500
 * timeline entries, 20 My Life plan versions) in under 30 ms at p95, at 16 connections on
 * PostgreSQL; saving a plan version in under 20 ms at p95.
 *
 * Kith's compiled server runs in its own process on a scratch database. Sixteen clients at once,
 * signed in as the demo coordinator (on each person's care team), each:
 *   opens a record as the record page does: the person, then their timeline's first page and
 *     their plan together; the time is from the first request sent to the last answer read;
 *   saves a plan: reads the current version (untimed), then saves a change to it (timed), each
 *     client on people of its own, so no save is refused as stale.
 */
import { isoDateOf, type MyLifePlanContent, planAsDraft } from '@kith/core';
import { synthesiseBorough } from '../packages/server/src/cli/synth.js';
import { openDatabase } from '../packages/server/src/platform/db/client.js';
import { PLAN_VERSIONS, TIMELINE_ENTRIES, writeCareScene } from './care-scene.js';
import { load, type LoadResult, percentile } from './http-load.js';
import type { Section } from './report.js';
import { admin, scratchUrl } from './scratch.js';
import { buildServer, startServer, stopServer } from './server-process.js';

const PORT = 3198;
const SCRATCH = 'kith_care_bench';
const CONNECTIONS = 16;
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

/** The server's own time on an answer, from its Server-Timing header (KITH_SERVER_TIMING=1). */
function serverMs(res: Response): number {
  const dur = /dur=([\d.]+)/.exec(res.headers.get('server-timing') ?? '')?.[1];
  if (dur === undefined) throw new Error('no Server-Timing header');
  return Number(dur);
}

async function getJson(baseUrl: string, session: Session, path: string): Promise<{ body: unknown; server: number }> {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie: session.cookie } });
  if (!res.ok) throw new Error(`${path}: ${res.status}`);
  return { body: await res.json(), server: serverMs(res) };
}

/** One timed operation: as the client saw it, and the server's own time on it. */
interface Timing {
  client: number;
  server: number;
}

/** `CONNECTIONS` loops at once for `seconds`, each timing `once(client, i)`; every time kept, sorted. */
async function run(seconds: number, once: (client: number, i: number) => Promise<Timing>): Promise<{ client: number[]; server: number[] }> {
  const client: number[] = [];
  const server: number[] = [];
  const until = performance.now() + seconds * 1000;
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async (_, c) => {
      for (let i = 0; performance.now() < until; i++) {
        const t = await once(c, i);
        client.push(t.client);
        server.push(t.server);
      }
    }),
  );
  const sorted = (xs: number[]) => xs.sort((a, b) => a - b);
  return { client: sorted(client), server: sorted(server) };
}

/** Server time of an opening: the sum over its three answers, though two of them overlap. */
function openRecord(baseUrl: string, session: Session, people: string[]) {
  return async (client: number, i: number): Promise<Timing> => {
    const id = people[(client * 7919 + i) % people.length]!;
    const started = performance.now();
    const person = await getJson(baseUrl, session, `/api/v1/people/${id}`);
    const rest = await Promise.all([getJson(baseUrl, session, `/api/v1/people/${id}/timeline`), getJson(baseUrl, session, `/api/v1/people/${id}/plan`)]);
    return { client: performance.now() - started, server: person.server + rest[0].server + rest[1].server };
  };
}

function savePlan(baseUrl: string, session: Session, people: string[]) {
  const own = (client: number) => people.filter((_, k) => k % CONNECTIONS === client);
  return async (client: number, i: number): Promise<Timing> => {
    const mine = own(client);
    const id = mine[i % mine.length]!;
    const plan = (await getJson(baseUrl, session, `/api/v1/people/${id}/plan`)).body as { version: number; content: MyLifePlanContent };
    const draft = planAsDraft(plan.content, plan.version);
    draft.strengths = [...draft.strengths, { text: `Noted on visit ${i}`, personsOwnWords: false, newComments: [] }];
    const started = performance.now();
    const res = await fetch(`${baseUrl}/api/v1/people/${id}/plan`, {
      method: 'PUT',
      headers: { cookie: session.cookie, 'x-csrf-token': session.csrf, 'content-type': 'application/json' },
      body: JSON.stringify(draft),
    });
    await res.arrayBuffer();
    if (!res.ok) throw new Error(`plan save: ${res.status}`);
    return { client: performance.now() - started, server: serverMs(res) };
  };
}

/** Each of the record page's requests alone at 16 connections, to show where the time goes. */
async function eachRequest(baseUrl: string, session: Session, people: string[]) {
  const paths = (suffix: string) => people.map((id) => `/api/v1/people/${id}${suffix}`);
  const part = (suffix: string) => load({ baseUrl, cookie: session.cookie, paths: paths(suffix), connections: CONNECTIONS, seconds: Math.max(5, SECONDS / 2) });
  return { person: await part(''), timeline: await part('/timeline'), plan: await part('/plan') };
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
  const server = await startServer({ DATABASE_URL: url, KITH_SERVER_TIMING: '1' }, PORT);
  try {
    const baseUrl = `http://localhost:${PORT}`;
    const session = await signIn(baseUrl, email);
    await run(5, openRecord(baseUrl, session, people)); // warm-up: plans, caches, connections
    const opening = await run(SECONDS, openRecord(baseUrl, session, people));
    const saving = await run(SECONDS, savePlan(baseUrl, session, people));
    const parts = await eachRequest(baseUrl, session, people);
    return report(size, people.length, opening, saving, parts);
  } finally {
    await stopServer(server);
    // BENCH_CARE_KEEP=1 keeps the scene for looking into a figure afterwards.
    if (!process.env.BENCH_CARE_KEEP) await admin(serverUrl, `DROP DATABASE IF EXISTS ${SCRATCH} WITH (FORCE)`);
  }
}

const ms = (n: number) => n.toFixed(1);

type Timings = Awaited<ReturnType<typeof run>>;

function report(size: number, people: number, opening: Timings, saving: Timings, parts: Record<'person' | 'timeline' | 'plan', LoadResult>): Section {
  const line = (label: string, t: number[], target: string) =>
    `| ${label} | ${ms(percentile(t, 50))} | **${ms(percentile(t, 95))}** | ${ms(percentile(t, 99))} | ${t.length} | ${target} |`;
  return {
    title: 'Care over time: opening a record with five years of history, saving a My Life plan',
    lines: [
      `Borough: ${size.toLocaleString('en-GB')} people; ${people} of them with five years of history each: ${TIMELINE_ENTRIES} timeline entries and ${PLAN_VERSIONS} plan versions.`,
      `${CONNECTIONS} clients at once over HTTP against the compiled server, ${SECONDS} s each, as the demo coordinator. Opening a record is the record page's requests: the person, then the timeline's first page (50 entries) and the plan together. Saving a plan is one PUT of the whole plan with a change, each client on people of its own. Times in ms. Server time is what the server reports in its Server-Timing header, from a request's arrival to its answer (for an opening, the sum over its three answers); client time runs from the first request sent to the last answer read, so it also holds the client's own work on the same two cores:`,
      '',
      '| measure | p50 | p95 | p99 | count | target |',
      '|---|---|---|---|---|---|',
      line('open a record: server time', opening.server, 'p95 under 30 ms'),
      line('open a record: client time', opening.client, ''),
      line('save a plan version: server time', saving.server, 'p95 under 20 ms'),
      line('save a plan version: client time', saving.client, ''),
      '',
      'Each of the record page\'s requests alone, 16 connections (autocannon):',
      '',
      '| request | p50 | p95 | p99 | req/s |',
      '|---|---|---|---|---|',
      ...Object.entries(parts).map(([name, r]) => `| ${name} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${Math.round(r.throughput)} |`),
    ],
  };
}
