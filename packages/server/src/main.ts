/**
 * Start Kith: read the configuration, open the database, migrate, load the shipped postcodes into
 * an empty table, load the demo borough on the first start of the embedded default, start the
 * audit sealer, listen, and close cleanly on a signal, sealing what is left.
 *
 * With KITH_WORKERS above one (a PostgreSQL server only), this process does the setting up and
 * the sealing, then starts that many workers which share the port and answer the requests: Node
 * runs JavaScript on one core a process, so this is how Kith uses a machine's other cores. Each
 * worker keeps its own connection pool, session memory and directory search index; every fact
 * they share is in the database (platform/auth/session-cache.ts, modules/directory/search-index.ts).
 */
import cluster, { type Worker } from 'node:cluster';
import { isoDateOf } from '@kith/core';
import { buildApp } from './app.js';
import { type Config, loadConfig } from './config.js';
import { sealAuditEvents, startAuditSealer } from './platform/audit/seal.js';
import { type Database, openDatabase } from './platform/db/client.js';
import { demoSignInText, loadDemoBorough } from './platform/demo/index.js';
import { ensurePostcodes } from './modules/directory/postcodes.js';

const clock = () => new Date();

/** Migrations, postcodes and the demo borough: once, before anything answers. */
async function setUp(config: Config): Promise<Database> {
  const database = await openDatabase(config.database);
  await database.migrate();
  const postcodes = await ensurePostcodes(database.db);
  if (postcodes) console.log(`Loaded ${postcodes.loaded.toLocaleString('en-GB')} postcodes for distances in the directory.`);
  if (config.loadDemo) {
    const loaded = await loadDemoBorough(database.db, { ...config.demo, referenceDate: isoDateOf(clock()) });
    if (loaded) console.log(`Loaded the demo borough: ${config.demo.size} people.`);
  }
  return database;
}

// Requests only write audit events; the sealer chains them into the log's hash chain soon after.
function startSealing(config: Config, database: Database, onError: (error: unknown) => void) {
  const sealer = startAuditSealer(database.db, { intervalMs: config.auditSealIntervalMs, onError });
  return async () => {
    await sealer.stop();
    await sealAuditEvents(database.db);
  };
}

function onSignal(close: () => Promise<void>): void {
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
}

function announce(config: Config): void {
  const where = config.database.kind === 'pglite' ? `embedded PostgreSQL in ${config.database.dataDir}` : 'PostgreSQL server';
  const workers = config.workers > 1 ? ` with ${config.workers} workers` : '';
  console.log(`\nKith is running at http://localhost:${config.port} on ${where}${workers}.`);
  if (config.loadDemo) console.log(demoSignInText());
}

async function single(config: Config): Promise<void> {
  const database = await setUp(config);
  const app = await buildApp({ database, config, clock });
  const stopSealing = startSealing(config, database, (error) => app.log.error({ err: error }, 'sealing audit events failed; they wait for the next try'));
  onSignal(async () => {
    await app.close();
    await stopSealing();
    await database.close();
  });
  await app.listen({ port: config.port, host: config.host });
  announce(config);
}

async function primary(config: Config): Promise<void> {
  const database = await setUp(config);
  const stopSealing = startSealing(config, database, (error) => console.error('sealing audit events failed; they wait for the next try', error));
  const workers = Array.from({ length: config.workers }, () => cluster.fork());
  let stopping = false;
  const stopAll = async () => {
    stopping = true;
    await Promise.all(workers.map(stopWorker));
    await stopSealing();
    await database.close();
  };
  const listening = new Set<number>();
  cluster.on('listening', (w) => listening.add(w.id));
  cluster.on('exit', (w, code) => {
    if (stopping) return;
    // One that never started would only fail again: stop everything, and say so.
    if (!listening.has(w.id)) {
      console.error(`A worker could not start (code ${code}); Kith stops.`);
      void stopAll().finally(() => process.exit(1));
      return;
    }
    console.error(`A worker stopped (code ${code}); starting another.`);
    workers[workers.indexOf(w)] = cluster.fork();
  });
  onSignal(stopAll);
  await Promise.all(workers.map((w) => new Promise((r) => w.once('listening', r))));
  announce(config);
}

function stopWorker(w: Worker): Promise<void> {
  if (w.isDead()) return Promise.resolve();
  return new Promise((resolve) => {
    w.once('exit', () => resolve());
    w.kill('SIGTERM');
  });
}

async function worker(config: Config): Promise<void> {
  const database = await openDatabase(config.database);
  const app = await buildApp({ database, config, clock });
  onSignal(async () => {
    await app.close();
    await database.close();
  });
  await app.listen({ port: config.port, host: config.host });
}

function main(): Promise<void> {
  const config = loadConfig();
  if (config.workers === 1) return single(config);
  return cluster.isPrimary ? primary(config) : worker(config);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
