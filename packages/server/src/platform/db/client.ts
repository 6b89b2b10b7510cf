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
  /** Hears NOTIFY on a channel; see Listening. */
  listen(channel: string, handlers: ListenHandlers): Promise<Listening>;
  close(): Promise<void>;
}

export interface ListenHandlers {
  /** A notification came; also called when listening starts again after a lost connection, since some may have been missed. */
  notified(): void;
  /** The connection listening was lost: nothing will be heard until notified() is called again. */
  lost(): void;
}

export interface Listening {
  stop(): Promise<void>;
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
    // One process, one connection: nothing to lose.
    listen: async (channel, handlers) => {
      const unlisten = await client.listen(channel, () => handlers.notified());
      return { stop: () => unlisten() };
    },
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
    listen: (channel, handlers) => listenOnPostgres(url, channel, handlers),
    close: () => pool.end(),
  };
}

const RELISTEN_AFTER_MS = 1_000;

/**
 * A connection of its own, outside the pool, that does nothing but LISTEN. When it is lost the
 * listener is told, and it connects again every second until it can.
 */
async function listenOnPostgres(url: string, channel: string, handlers: ListenHandlers): Promise<Listening> {
  let current: pg.Client | undefined;
  let stopped = false;
  let retry: NodeJS.Timeout | undefined;
  const lose = (client: pg.Client) => {
    if (current !== client) return;
    current = undefined;
    client.end().catch(() => undefined);
    handlers.lost();
    if (!stopped) retry = setTimeout(again, RELISTEN_AFTER_MS);
  };
  const connect = async () => {
    const client = new pg.Client({ connectionString: url, keepAlive: true });
    client.on('notification', (message) => message.channel === channel && handlers.notified());
    client.on('error', () => lose(client));
    client.on('end', () => lose(client));
    await client.connect();
    await client.query(`LISTEN ${client.escapeIdentifier(channel)}`);
    current = client;
  };
  const again = () => {
    connect().then(
      () => handlers.notified(),
      () => {
        if (!stopped) retry = setTimeout(again, RELISTEN_AFTER_MS);
      },
    );
  };
  await connect();
  return {
    stop: async () => {
      stopped = true;
      clearTimeout(retry);
      const client = current;
      current = undefined;
      await client?.end().catch(() => undefined);
    },
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
  // Statement texts are the code's own, so there are only so many; hashing each once is enough.
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (name === undefined) {
      name = `k${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      if (names.size < 10_000) names.set(text, name);
    }
    return name;
  };
  pool.on('connect', (client) => {
    const query = client.query.bind(client) as (config: unknown, ...rest: unknown[]) => unknown;
    // The pool itself calls client.query(text, values, callback): pass every argument through.
    const named = (config: unknown, ...rest: unknown[]) => {
      if (config && typeof config === 'object' && 'text' in config && !('name' in config && config.name)) {
        const text = String((config as { text: string }).text);
        return query({ ...config, name: nameOf(text) }, ...rest);
      }
      return query(config, ...rest);
    };
    client.query = named as typeof client.query;
  });
}

/** Rows of a raw statement, whichever driver ran it. */
export async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
