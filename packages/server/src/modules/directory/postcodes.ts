/**
 * Postcode centroids: where a postcode is, for distance in the directory. Kith ships the
 * borough's postcodes (data/postcodes/croydon.csv) and loads them into an empty table on start;
 * a national file (the ONS Postcode Directory, or any CSV with a postcode, latitude and longitude
 * column) can be imported with `kith postcodes import FILE`. Loading is idempotent: a postcode
 * already held takes the file's position.
 */
import { createReadStream } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { CsvReader, type CsvRecord, normalisePostcode } from '@kith/core';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db/client.js';

export const SHIPPED_POSTCODES = fileURLToPath(new URL('../../../data/postcodes/croydon.csv', import.meta.url));

export interface Centroid {
  postcode: string;
  latitude: number;
  longitude: number;
}

/** Header names each column goes by: Kith's own file, then the ONS Postcode Directory's. */
const COLUMN_NAMES = { postcode: ['postcode', 'pcds', 'pcd'], latitude: ['latitude', 'lat'], longitude: ['longitude', 'long', 'lng'] } as const;
const BATCH = 5000;

export interface PostcodeLoad {
  loaded: number;
  /** Rows left out: not a well-formed postcode, or no position (the ONS file marks those 99.999999). */
  skipped: number;
}

/** The columns of each value in the header, or a message naming what is missing. */
export function postcodeColumns(header: readonly string[]): Record<keyof typeof COLUMN_NAMES, number> | string {
  const names = header.map((h) => h.trim().toLowerCase());
  const found = Object.fromEntries(Object.entries(COLUMN_NAMES).map(([key, options]) => [key, names.findIndex((n) => (options as readonly string[]).includes(n))]));
  const missing = Object.entries(found).filter(([, index]) => index < 0).map(([key]) => key);
  return missing.length ? `The file has no ${missing.join(', ')} column (looked for ${missing.map((m) => COLUMN_NAMES[m as keyof typeof COLUMN_NAMES].join(' or ')).join('; ')})` : (found as Record<keyof typeof COLUMN_NAMES, number>);
}

/** A row as a centroid, or undefined when it has no usable postcode or position. */
export function centroidOf(fields: readonly string[], columns: Record<keyof typeof COLUMN_NAMES, number>): Centroid | undefined {
  const postcode = normalisePostcode(fields[columns.postcode] ?? '');
  const latitude = Number(fields[columns.latitude]);
  const longitude = Number(fields[columns.longitude]);
  const placed = fields[columns.latitude]?.trim() && Number.isFinite(latitude) && Number.isFinite(longitude) && Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180;
  return postcode && placed ? { postcode, latitude, longitude } : undefined;
}

export async function upsertCentroids(db: Db, given: readonly Centroid[]): Promise<void> {
  // One row per postcode: a file naming one twice would otherwise make the statement fail.
  const centroids = [...new Map(given.map((c) => [c.postcode, c])).values()];
  if (centroids.length === 0) return;
  await db.execute(sql`INSERT INTO postcode_centroid (postcode, latitude, longitude)
    SELECT * FROM unnest(${sql.param(centroids.map((c) => c.postcode))}::text[], ${sql.param(centroids.map((c) => c.latitude))}::float8[], ${sql.param(centroids.map((c) => c.longitude))}::float8[])
    ON CONFLICT (postcode) DO UPDATE SET latitude = excluded.latitude, longitude = excluded.longitude`);
}

/** Reads a CSV file a chunk at a time and loads its postcodes in batches. */
export async function loadPostcodeFile(db: Db, path: string): Promise<PostcodeLoad> {
  const reader = new CsvReader();
  let columns: Record<keyof typeof COLUMN_NAMES, number> | undefined;
  let batch: Centroid[] = [];
  const result: PostcodeLoad = { loaded: 0, skipped: 0 };
  const take = async (records: CsvRecord[]) => {
    for (const record of records) {
      if (!columns) {
        const found = postcodeColumns(record.fields);
        if (typeof found === 'string') throw new Error(found);
        columns = found;
        continue;
      }
      const centroid = centroidOf(record.fields, columns);
      if (centroid) batch.push(centroid);
      else result.skipped += 1;
    }
    if (batch.length >= BATCH) {
      await upsertCentroids(db, batch);
      result.loaded += batch.length;
      batch = [];
    }
  };
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) await take(reader.push(chunk as string));
  await take(reader.end());
  await upsertCentroids(db, batch);
  result.loaded += batch.length;
  return result;
}

/** On start: the shipped postcodes, when the table is empty (a national file loaded before is kept). */
export async function ensurePostcodes(db: Db): Promise<PostcodeLoad | undefined> {
  const [row] = await rowsOf<{ any: boolean }>(db, sql`SELECT EXISTS (SELECT 1 FROM postcode_centroid) AS any`);
  if (row?.any) return undefined;
  return loadPostcodeFile(db, SHIPPED_POSTCODES);
}

/** Where a postcode is, when Kith knows it. */
export async function findCentroid(db: Db, postcode: string): Promise<Centroid | undefined> {
  const normal = normalisePostcode(postcode);
  if (!normal) return undefined;
  const [row] = await rowsOf<Centroid>(db, sql`SELECT postcode, latitude, longitude FROM postcode_centroid WHERE postcode = ${normal}`);
  return row;
}
