import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { openTestDatabase } from '../../test/build-test-app.js';
import { openDatabase, rowsOf, type Database } from '../platform/db/client.js';
import { parseImportArguments, runImportCommand } from './import.js';

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const SYNTHEA_BUNDLE = join(
  fileURLToPath(new URL('../../test/fixtures/synthea-r4/bundles/', import.meta.url)),
  'Christopher_Abshire_028250cc-cfc0-4dee-a771-78fde1275fcb.json',
);

/**
 * A database the command finds from the environment, as `npm run kith` would: a new database on
 * TEST_DATABASE_URL's server, or an embedded one in a temporary folder (opened by one at a time).
 */
async function databaseForTheCommand() {
  if (process.env.TEST_DATABASE_URL) {
    const { database, drop } = await openTestDatabase();
    const [row] = await rowsOf<{ name: string }>(database.db, sql`SELECT current_database() AS name`);
    const url = new URL(process.env.TEST_DATABASE_URL);
    url.pathname = `/${row!.name}`;
    const use = <T>(work: (database: Database) => Promise<T>) => work(database);
    return { env: { DATABASE_URL: url.toString() }, use, remove: async () => { await database.close(); await drop(); } };
  }
  const dataDir = await mkdtemp(join(tmpdir(), 'kith-import-db-'));
  const use = async <T>(work: (database: Database) => Promise<T>) => {
    const database = await openDatabase({ kind: 'pglite', dataDir });
    try {
      return await work(database);
    } finally {
      await database.close();
    }
  };
  return { env: { DATABASE_URL: undefined, KITH_DATA_DIR: dataDir }, use, remove: () => rm(dataDir, { recursive: true, force: true }) };
}

let target: Awaited<ReturnType<typeof databaseForTheCommand>>;
let files: string;
let saved: Record<string, string | undefined>;
let output: () => string;

beforeAll(async () => {
  target = await databaseForTheCommand();
  files = await mkdtemp(join(tmpdir(), 'kith-import-files-'));
  saved = { DATABASE_URL: process.env.DATABASE_URL, KITH_DATA_DIR: process.env.KITH_DATA_DIR };
  for (const [name, value] of Object.entries(target.env)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
});
afterAll(async () => {
  for (const [name, value] of Object.entries(saved)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await target.remove();
  await rm(files, { recursive: true, force: true });
});
beforeEach(() => {
  const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
  const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  output = () => [...log.mock.calls, ...error.mock.calls].flat().join('\n');
});
afterEach(() => vi.restoreAllMocks());

const counts = () =>
  target.use(async (database) => {
    const [row] = await rowsOf<{ people: number; conditions: number; encounters: number; system_writes: number }>(
      database.db,
      sql`SELECT (SELECT count(*)::int FROM person) AS people, (SELECT count(*)::int FROM condition) AS conditions,
            (SELECT count(*)::int FROM encounter) AS encounters,
            (SELECT count(*)::int FROM audit_event WHERE actor_kind = 'system' AND action = 'write' AND subject_person_id IS NOT NULL) AS system_writes`,
    );
    return row!;
  });

describe('kith import', () => {
  it('imports an NDJSON file batch by batch as Kith itself, and again changes nothing', async () => {
    const file = join(files, 'feed.ndjson');
    const lines = [
      { resourceType: 'Patient', id: 'q1', identifier: [{ system: NHS, value: '9434761018' }], name: [{ family: 'Reyes', given: ['Ana'] }], gender: 'female', birthDate: '1939-09-09' },
      { resourceType: 'Condition', id: 'qc1', subject: { reference: 'Patient/q1' }, code: { coding: [{ system: 'http://hl7.org/fhir/sid/icd-10', code: 'J44.9' }] } },
      { resourceType: 'Encounter', id: 'qe1', subject: { identifier: { system: NHS, value: '9434761018' } }, class: { code: 'EMER' }, period: { start: '2026-01-05' } },
    ];
    await writeFile(file, lines.map((l) => JSON.stringify(l)).join('\n'));
    expect(await runImportCommand([file, '--source', 'test-feed', '--batch-lines', '1'])).toBe(0);
    expect(output()).toContain('3 batches of 3 landed');
    expect(await counts()).toEqual({ people: 1, conditions: 1, encounters: 1, system_writes: 3 });
    expect(await runImportCommand([file, '--source', 'test-feed'])).toBe(0);
    expect(await counts()).toEqual({ people: 1, conditions: 1, encounters: 1, system_writes: 3 });
  });

  it('imports a Synthea Bundle file', async () => {
    expect(await runImportCommand([SYNTHEA_BUNDLE, '--source', 'synthea'])).toBe(0);
    expect(output()).toMatch(/people: 1 new.*conditions: 11 new.*encounters: 21 new/);
  });

  it('names the line and column of a refused CSV row, writes none of its batch and exits 1', async () => {
    const file = join(files, 'rows.csv');
    await writeFile(file, 'kind,nhs_number,source_id,class,start_date\nencounter,9434761018,h9,inpatient,2026-13-01\nencounter,9434761018,h10,inpatient,2026-02-01\n');
    const before = await counts();
    expect(await runImportCommand([file])).toBe(1);
    expect(output()).toContain('line 2, start_date: Must be a date, YYYY-MM-DD');
    expect((await counts()).encounters).toBe(before.encounters);
  });

  it('explains bad arguments', async () => {
    expect(parseImportArguments([])).toBe('Name one file to import');
    expect(parseImportArguments(['data.txt'])).toMatch(/--format must be/);
    expect(parseImportArguments(['data.txt', '--format', 'csv', '--source', 'bad source'])).toMatch(/--source must be/);
    expect(parseImportArguments(['a.ndjson', '--batch-lines', '500'])).toEqual({ file: 'a.ndjson', source: 'kith-import', format: 'ndjson', batchLines: 500 });
    expect(await runImportCommand(['--batch-lines', 'many', 'a.csv'])).toBe(2);
  });
});
