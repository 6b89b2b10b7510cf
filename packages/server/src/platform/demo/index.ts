/**
 * The demo borough: loaded on the first start of an empty installation so that anyone can try
 * Kith at once, and the sign-ins to try it with.
 */
import { DEMO_PASSWORD, DEMO_SIGN_INS } from '@kith/core';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/client.js';
import { loadDemoDirectory } from './directory.js';
import { hasPeople, synthesiseBorough, type SynthesisSummary } from './synthesise.js';

export { hasPeople, synthesiseBorough, type SynthesiseOptions, type SynthesisProgress, type SynthesisSummary } from './synthesise.js';

export interface DemoOptions {
  size: number;
  seed: number;
  /** The day the demo data is as at, YYYY-MM-DD; the caller's clock decides it. */
  referenceDate: string;
}

export const DEMO_LOADED_KEY = 'demo_loaded_at';
/** Held while one instance loads the demo, so others starting beside it leave it alone. */
const DEMO_LOADING_KEY = 'demo_loading';

/**
 * Loads the demo borough, and its directory, unless it was loaded before or the database
 * already has people.
 * Returns what was written, or null when nothing was.
 */
export async function loadDemoBorough(db: Db, options: DemoOptions): Promise<SynthesisSummary | null> {
  if (await installationValue(db, DEMO_LOADED_KEY)) return null;
  if (!(await claimDemoLoading(db))) return null;
  try {
    if (await hasPeople(db)) return null;
    const summary = await synthesiseBorough(db, options);
    await loadDemoDirectory(db, options);
    await db.execute(sql`
      INSERT INTO installation (key, value, updated_at) VALUES (${DEMO_LOADED_KEY}, ${new Date().toISOString()}, now())
      ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()`);
    return summary;
  } finally {
    await db.execute(sql`DELETE FROM installation WHERE key = ${DEMO_LOADING_KEY}`);
  }
}

async function installationValue(db: Db, key: string): Promise<string | undefined> {
  const [row] = await rowsOf<{ value: string }>(db, sql`SELECT value FROM installation WHERE key = ${key}`);
  return row?.value;
}

/** True when this instance may load; a claim older than an hour is from a crashed start. */
async function claimDemoLoading(db: Db): Promise<boolean> {
  const claimed = await rowsOf<{ key: string }>(
    db,
    sql`INSERT INTO installation (key, value, updated_at) VALUES (${DEMO_LOADING_KEY}, ${new Date().toISOString()}, now())
        ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = now()
        WHERE installation.updated_at < now() - interval '1 hour'
        RETURNING key`,
  );
  return claimed.length > 0;
}

/** A block for the console: every demo sign-in, and the one password they share. */
export function demoSignInText(): string {
  const width = Math.max(...DEMO_SIGN_INS.map((s) => s.roleLabel.length));
  const lines = DEMO_SIGN_INS.map((s) => `  ${s.roleLabel.padEnd(width)}  ${s.email}`);
  return [
    '',
    `Demo sign-ins (synthetic data only). Every account's password is: ${DEMO_PASSWORD}`,
    ...lines,
    '',
  ].join('\n');
}
