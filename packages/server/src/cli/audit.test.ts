import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../../test/build-test-app.js';
import { recordAuditEvents } from '../platform/audit/record.js';
import { sampleAuditEvent } from '../platform/audit/sample-events.js';
import { sealAuditEvents } from '../platform/audit/seal.js';
import { openDatabase, rowsOf, type Database } from '../platform/db/client.js';
import { parseAuditArguments, runAuditCommand } from './audit.js';

/**
 * A database the command will find from the environment, as `npm run kith` would: a new
 * database on TEST_DATABASE_URL's server, or an embedded one in a temporary folder.
 */
async function databaseForTheCommand(): Promise<{ env: Record<string, string | undefined>; use: <T>(work: (database: Database) => Promise<T>) => Promise<T>; remove: () => Promise<void> }> {
  if (process.env.TEST_DATABASE_URL) {
    const { database, drop } = await openTestDatabase();
    const [row] = await rowsOf<{ name: string }>(database.db, sql`SELECT current_database() AS name`);
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${row!.name}`;
    return { env: { DATABASE_URL: url.toString() }, use: (work) => work(database), remove: async () => { await database.close(); await drop(); } };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'kith-audit-'));
  // PGlite keeps one handle on a folder at a time: open it only while the test writes.
  const use = async <T>(work: (database: Database) => Promise<T>) => {
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      await database.migrate();
      return await work(database);
    } finally {
      await database.close();
    }
  };
  return { env: { DATABASE_URL: undefined, KITH_DATA_DIR: dataDir }, use, remove: () => rm(dataDir, { recursive: true, force: true }) };
}

describe('kith audit verify', () => {
  let target: Awaited<ReturnType<typeof databaseForTheCommand>>;
  let saved: Record<string, string | undefined>;
  let output: () => string;

  beforeEach(async () => {
    target = await databaseForTheCommand();
    saved = { DATABASE_URL: process.env.DATABASE_URL, KITH_DATA_DIR: process.env.KITH_DATA_DIR };
    for (const [name, value] of Object.entries(target.env)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    output = () => [...log.mock.calls, ...error.mock.calls].flat().join('\n');
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    await target.remove();
  });

  it('seals the events waiting, exits 0 on an intact chain and prints its last link', async () => {
    const start = new Date('2026-06-01T09:00:00Z');
    await target.use((database) => recordAuditEvents(database.db, Array.from({ length: 30 }, (_, n) => sampleAuditEvent(n, start))));
    expect(await runAuditCommand(['verify'])).toBe(0);
    expect(output()).toMatch(/Sealed 30 events that were waiting/);
    expect(output()).toMatch(/Audit log intact: 30 events checked/);
    const link = /Last link: (\d+:[0-9a-f]{64})/.exec(output())![1]!;
    expect(link.startsWith('30:')).toBe(true);
    expect(await runAuditCommand(['verify', '--expect', link])).toBe(0);
  });

  it('exits 1 and names the first broken event when one was changed', async () => {
    const start = new Date('2026-06-01T09:00:00Z');
    const changed = await target.use(async (database) => {
      const sequences = await recordAuditEvents(database.db, Array.from({ length: 30 }, (_, n) => sampleAuditEvent(n, start)));
      await sealAuditEvents(database.db);
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`SET LOCAL session_replication_role = replica`);
        await tx.execute(sql`UPDATE audit_event SET purpose = 'curiosity' WHERE sequence = ${sequences[12]}`);
      });
      return sequences[12]!;
    });
    expect(await runAuditCommand(['verify'])).toBe(1);
    expect(output()).toMatch(new RegExp(`Audit log BROKEN at position 13 \\(event ${changed}\\): its recorded details were changed`));
    expect(output()).toMatch(/The 12 events up to position 12 are intact/);
  });

  it('says so when the log is empty', async () => {
    expect(await runAuditCommand(['verify'])).toBe(0);
    expect(output()).toMatch(/The audit log is empty/);
  });
});

describe('the audit command line', () => {
  it('reads verify and an expected link', () => {
    expect(parseAuditArguments(['verify'])).toEqual({});
    expect(parseAuditArguments(['verify', '--expect', `12:${'AB'.repeat(32)}`])).toEqual({ expect: { position: 12, hash: 'ab'.repeat(32) } });
  });

  it('explains what is wrong', async () => {
    expect(parseAuditArguments([])).toMatch(/kith audit verify/);
    expect(parseAuditArguments(['repair'])).toMatch(/Unknown audit command: repair/);
    expect(parseAuditArguments(['verify', '--expect', '12'])).toMatch(/--expect must be POSITION:HASH/);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await runAuditCommand(['verify', '--since', 'monday'])).toBe(2);
    expect(error.mock.calls.flat().join('\n')).toMatch(/Unknown option '--since'/);
    error.mockRestore();
  });
});
