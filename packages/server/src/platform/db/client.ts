/**
 * One database, PostgreSQL semantics: embedded PGlite (data in a folder) by default, a
 * PostgreSQL server when a connection string is given. Both speak through the same Drizzle
 * schema and the same migrations, so no service knows which one it has.
 */
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzleNodePg } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import * as careSchema from './care-schema.js';
import * as directorySchema from './directory-schema.js';
import * as enquirySchema from './enquiry-schema.js';
import * as registrySchema from './schema.js';
import * as socialPrescribingSchema from './social-prescribing-schema.js';

const schema = { ...registrySchema, ...careSchema, ...directorySchema, ...socialPrescribingSchema, ...enquirySchema };

export type Schema = typeof schema;
/** A Drizzle handle; a transaction is one too, so services take either. */
export type Db = PgDatabase<PgQueryResultHKT, Schema>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  migrate(): Promise<void>;
  close(): Promise<void>;
}

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir?: string }
  | { kind: 'postgres'; url: string; poolSize?: number };

const migrationsFolder = fileURLToPath(new URL('../../../migrations', import.meta.url));
/** Any constant: several instances starting together take turns to migrate. */
const MIGRATION_LOCK = 7_311_042;

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  return target.kind === 'pglite' ? openPglite(target.dataDir) : openPostgres(target.url, target.poolSize);
}

async function openPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create(dataDir);
  const db = drizzlePglite(client, { schema }) as unknown as Db;
  return {
    db,
    kind: 'pglite',
    migrate: () => migratePglite(db as never, { migrationsFolder }),
    close: () => client.close(),
  };
}

/** Connections per server instance unless configured (node-postgres's own default). */
const DEFAULT_POOL_SIZE = 10;

async function openPostgres(url: string, poolSize = DEFAULT_POOL_SIZE): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on('error', () => {
    // An idle client that lost its connection is dropped by the pool; the next query reconnects.
  });
  prepareEveryPoolQuery(pool);
  const db = drizzleNodePg(pool, { schema }) as unknown as Db;
  return {
    db,
    kind: 'postgres',
    migrate: async () => {
      const client = await pool.connect();
      try {
        await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
        await migrateNodePg(drizzleNodePg(client, { schema }), { migrationsFolder });
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
        client.release();
      }
    },
    close: () => pool.end(),
  };
}

/**
 * Every query becomes a named prepared statement, named by a hash of its text, so PostgreSQL
 * parses and plans each shape once per connection rather than on every request; this matters
 * most inside transactions, where every gated read and write runs. Each connection is patched as
 * the pool opens it, so pool queries and transactions alike are covered. Only the text is
 * shared; parameters stay parameters, and PostgreSQL still plans with their values while a
 * generic plan would be worse (as with LIKE prefixes).
 */
function prepareEveryPoolQuery(pool: pg.Pool) {
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (config: unknown, ...rest: unknown[]) => unknown;
    // The pool itself calls client.query(text, values, callback): pass every argument through.
    const named = (config: unknown, ...rest: unknown[]) => {
      if (config && typeof config === 'object' && 'text' in config && !('name' in config && config.name)) {
        const text = String((config as { text: string }).text);
        if (text.startsWith(PLANNED_FOR_ITS_VALUES)) return query(config, ...rest);
        return query({ ...config, name: `k${createHash('sha1').update(text).digest('hex').slice(0, 20)}` }, ...rest);
      }
      return query(config, ...rest);
    };
    client.query = named as typeof client.query;
  });
}

/**
 * Begins a statement PostgreSQL must plan afresh for each set of values, never with a cached
 * generic plan: one whose best plan turns on its values (how many services match these words, how
 * many places are in this box), where a generic plan chosen after a few runs can be several
 * times slower than planning each time. Such a statement is sent unnamed.
 */
export const PLANNED_FOR_ITS_VALUES = '/* planned for its values */ ';

/** Rows of a raw statement, whichever driver ran it. */
export async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
