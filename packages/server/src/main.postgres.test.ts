/**
 * Kith started as it is run, with KITH_WORKERS=2: the first process migrates and seals, two
 * workers answer. A change to the directory made through one worker is found by searches that
 * reach either, and a signal stops them all cleanly. Several processes need a PostgreSQL server,
 * so this file runs in the PostgreSQL pass (vitest.config.ts).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { request } from 'node:http';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, staffWithSession, type StaffSession } from '../test/access-fixtures.js';
import { openTestDatabase } from '../test/build-test-app.js';
import { orukPageOf, orukService, vocabularyPage } from '../test/directory-fixtures.js';
import { type Database, rowsOf } from './platform/db/client.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const PORT = 3000 + Math.floor(Math.random() * 1000) + 4000;
let database: Database;
let drop: () => Promise<void>;
let kith: ChildProcess;
let output = '';
let lead: StaffSession;
let coordinator: StaffSession;

/** A request on a connection of its own, so the workers share them out. */
function send(method: string, path: string, who: StaffSession, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const payload = body === undefined ? undefined : JSON.stringify(body);
    const req = request(
      { host: 'localhost', port: PORT, method, path, agent: false, headers: { ...who.auth, ...(payload ? { 'content-type': 'application/json' } : {}) } },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, json: text ? (JSON.parse(text) as Record<string, unknown>) : {} }));
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

const found = async (text: string) => ((await send('GET', `/api/v1/directory/services?text=${text}`, coordinator)).json.total as number);

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  const [{ name }] = (await rowsOf<{ name: string }>(database.db, sql`SELECT current_database() AS name`)) as [{ name: string }];
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${name}`;
  const council = await createOrganisation(database.db, 'Croydon Council', 'council');
  lead = await staffWithSession(database.db, 'network_lead', council, new Date());
  coordinator = await staffWithSession(database.db, 'coordinator', council, new Date());
  kith = spawn(process.execPath, ['--import', 'tsx', 'packages/server/src/main.ts'], {
    cwd: root,
    env: { ...process.env, TSX_TSCONFIG_PATH: 'packages/server/tsconfig.dev.json', DATABASE_URL: url.toString(), KITH_WORKERS: '2', PORT: String(PORT), KITH_DEMO: '0', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  kith.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  kith.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  await started();
});

/** Until the first process says every worker is listening. */
async function started(): Promise<void> {
  for (let waited = 0; !output.includes('with 2 workers'); waited += 200) {
    if (kith.exitCode !== null || waited > 60_000) throw new Error(`Kith did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

afterAll(async () => {
  if (kith.exitCode === null) kith.kill('SIGKILL');
  await database.close();
  await drop();
});

describe('Kith in two worker processes', () => {
  it('finds a change made through one worker in searches that reach either', async () => {
    expect((await send('PUT', '/api/v1/directory/feeds/community', lead, { name: 'Community directory', kind: 'voluntary' })).status).toBe(204);
    expect((await send('POST', '/api/v1/directory/taxonomy-terms', lead, vocabularyPage())).status).toBe(200);
    // Both workers read their index before the change.
    expect(await Promise.all(Array.from({ length: 6 }, () => found('yodelling')))).toEqual(Array(6).fill(0));
    const circle = orukService({ name: 'Yodelling Circle', postcode: 'CR0 1NX', byday: 'WE', opens: '10:00', closes: '12:00', term: 'befriending' });
    expect((await send('POST', '/api/v1/directory/feeds/community/imports', lead, orukPageOf([circle]))).json).toMatchObject({ created: 1 });
    await expect.poll(() => Promise.all(Array.from({ length: 6 }, () => found('yodelling'))), { timeout: 5_000 }).toEqual(Array(6).fill(1));
  });

  it('stops every process on a signal, sealing the audit log', async () => {
    const exited = new Promise<number | null>((resolve) => kith.once('exit', resolve));
    kith.kill('SIGTERM');
    expect(await exited).toBe(0);
    await expect(send('GET', '/api/v1/auth/me', coordinator)).rejects.toThrow();
  });
});
