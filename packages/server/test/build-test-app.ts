/**
 * A fresh Kith for each test file: in-memory PGlite by default, or a new database on the server
 * named by TEST_DATABASE_URL (created here, dropped on close). No part of Kith is mocked.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { type Database, openDatabase } from '../src/platform/db/client.js';

export interface TestApp {
  app: FastifyInstance;
  database: Database;
  /** Move the app's clock. */
  setNow(now: Date): void;
  close(): Promise<void>;
}

export async function openTestDatabase(): Promise<{ database: Database; drop: () => Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const database = await openDatabase({ kind: 'pglite' });
    await database.migrate();
    return { database, drop: async () => {} };
  }
  const name = `kith_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ kind: 'postgres', url: url.toString() });
  await database.migrate();
  return { database, drop: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}

async function adminQuery(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

export async function buildTestApp(start = new Date('2026-06-01T09:00:00Z')): Promise<TestApp> {
  const { database, drop } = await openTestDatabase();
  let now = start;
  const config = { ...loadConfig({ LOG_LEVEL: 'silent' }), loadDemo: false };
  const app = await buildApp({ database, config, clock: () => now });
  return {
    app,
    database,
    setNow: (next) => {
      now = next;
    },
    close: async () => {
      await app.close();
      await database.close();
      await drop();
    },
  };
}
