/**
 * Start Kith: read the configuration, open the database, migrate, load the shipped postcodes into
 * an empty table, load the demo borough on the first start of the embedded default, start the
 * audit sealer, listen, and close cleanly on a signal, sealing what is left.
 */
import { isoDateOf } from '@kith/core';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { sealAuditEvents, startAuditSealer } from './platform/audit/seal.js';
import { openDatabase } from './platform/db/client.js';
import { demoSignInText, loadDemoBorough } from './platform/demo/index.js';
import { ensurePostcodes } from './modules/directory/postcodes.js';

async function main() {
  const config = loadConfig();
  const database = await openDatabase(config.database);
  await database.migrate();
  const clock = () => new Date();
  const postcodes = await ensurePostcodes(database.db);
  if (postcodes) console.log(`Loaded ${postcodes.loaded.toLocaleString('en-GB')} postcodes for distances in the directory.`);
  if (config.loadDemo) {
    const loaded = await loadDemoBorough(database.db, { ...config.demo, referenceDate: isoDateOf(clock()) });
    if (loaded) console.log(`Loaded the demo borough: ${config.demo.size} people.`);
  }
  const app = await buildApp({ database, config, clock });
  // Requests only write audit events; this chains them into the log's hash chain soon after.
  const sealer = startAuditSealer(database.db, {
    intervalMs: config.auditSealIntervalMs,
    onError: (error) => app.log.error({ err: error }, 'sealing audit events failed; they wait for the next try'),
  });
  const closeAll = async () => {
    await app.close();
    await sealer.stop();
    await sealAuditEvents(database.db);
    await database.close();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      closeAll().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  }
  await app.listen({ port: config.port, host: config.host });
  const where = config.database.kind === 'pglite' ? `embedded PostgreSQL in ${config.database.dataDir}` : 'PostgreSQL server';
  console.log(`\nKith is running at http://localhost:${config.port} on ${where}.`);
  if (config.loadDemo) console.log(demoSignInText());
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
