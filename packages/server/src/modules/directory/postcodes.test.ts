/** Postcode centroids: the shipped file loads once, a national file's columns are found, bad rows are left out. */
import { writeFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/build-test-app.js';
import { type Database, rowsOf } from '../../platform/db/client.js';
import { centroidOf, ensurePostcodes, findCentroid, loadPostcodeFile, postcodeColumns } from './postcodes.js';

let database: Database;
let drop: () => Promise<void>;
let folder: string;

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  folder = await mkdtemp(join(tmpdir(), 'kith-postcodes-'));
});
afterAll(async () => {
  await database.close();
  await drop();
  await rm(folder, { recursive: true, force: true });
});

const count = async () => (await rowsOf<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM postcode_centroid`))[0]!.n;

describe('the shipped postcodes', () => {
  it('load into an empty table, once', async () => {
    const first = await ensurePostcodes(database.db);
    expect(first!.loaded).toBeGreaterThan(5000);
    expect(await count()).toBe(first!.loaded);
    expect(await ensurePostcodes(database.db)).toBeUndefined();
  });

  it('place a postcode however it is typed', async () => {
    expect(await findCentroid(database.db, 'cr0 0aa')).toEqual({ postcode: 'CR0 0AA', latitude: 51.340332, longitude: -0.005061 });
    expect(await findCentroid(database.db, 'CR00AA')).toMatchObject({ postcode: 'CR0 0AA' });
    expect(await findCentroid(database.db, 'SW1A 1AA')).toBeUndefined();
    expect(await findCentroid(database.db, 'not a postcode')).toBeUndefined();
  });
});

describe('a national file', () => {
  it('finds the ONS Postcode Directory columns and says which are missing', () => {
    expect(postcodeColumns(['pcd', 'pcd2', 'pcds', 'lat', 'long'])).toEqual({ postcode: 0, latitude: 3, longitude: 4 });
    expect(postcodeColumns(['postcode', 'eastings'])).toMatch(/no latitude, longitude column/);
  });

  it('leaves out rows with no position or no well-formed postcode', () => {
    const columns = { postcode: 0, latitude: 1, longitude: 2 };
    expect(centroidOf(['SW1A 1AA', '51.501009', '-0.141588'], columns)).toEqual({ postcode: 'SW1A 1AA', latitude: 51.501009, longitude: -0.141588 });
    expect(centroidOf(['GY1 1AA', '99.999999', '0.000000'], columns)).toBeUndefined();
    expect(centroidOf(['SW1A 1AA', '', ''], columns)).toBeUndefined();
    expect(centroidOf(['XYZ', '51.5', '-0.1'], columns)).toBeUndefined();
  });

  it('loads again without duplicates, taking the file’s position', async () => {
    const file = join(folder, 'onspd.csv');
    await writeFile(file, 'pcd,pcds,lat,long\n"SW1A1AA","SW1A 1AA",51.501009,-0.141588\n"GY1 1AA","GY1 1AA",99.999999,0.000000\n"CR0 0AA","CR0 0AA",51.34,-0.005\n');
    const before = await count();
    expect(await loadPostcodeFile(database.db, file)).toEqual({ loaded: 2, skipped: 1 });
    expect(await loadPostcodeFile(database.db, file)).toEqual({ loaded: 2, skipped: 1 });
    expect(await count()).toBe(before + 1);
    expect(await findCentroid(database.db, 'CR0 0AA')).toMatchObject({ latitude: 51.34 });
  });

  it('refuses a file without the columns, naming them', async () => {
    const file = join(folder, 'grid.csv');
    await writeFile(file, 'postcode,eastings,northings\nCR0 0AA,539052,162028\n');
    await expect(loadPostcodeFile(database.db, file)).rejects.toThrow(/no latitude, longitude column/);
  });
});
