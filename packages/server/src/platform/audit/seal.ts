/**
 * The sealer: chains committed audit events, in batches, after the transactions that wrote
 * them. Writers only insert (record.ts), so recording an event costs a request one insert and
 * never waits for another writer; the sealer alone takes the chain lock.
 *
 * One batch is one call of the database's audit_seal() (migration 0008), in its own transaction
 * under AUDIT_CHAIN_LOCK (so sealers on several server instances take turns): it reads the last
 * sealed event and the oldest unsealed events that are committed (an event still being written
 * is invisible, and is sealed by a later batch), gives each the next chain position and its
 * hash, SHA-256 over the previous hash and its canonical form, and writes the seals in one
 * statement. It runs in the database so that hashing and moving thousands of events a second
 * costs the application servers, which answer requests, nothing. The database lets an event be
 * sealed once and refuses any other change; whether each seal is right is what `kith audit
 * verify` checks, with its own code.
 *
 * Chain order is the order events were sealed, which is commit order give or take a batch. An
 * event from a transaction that committed late may be sealed after events with higher sequence
 * numbers: `chain_position`, not `sequence`, orders the chain.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/client.js';

const DEFAULT_BATCH = 5000;

export interface SealOptions {
  /** Events per transaction. */
  batchSize?: number;
}

/** Seals every event committed when it is called; how many it sealed. */
export async function sealAuditEvents(db: Db, options: SealOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? DEFAULT_BATCH;
  let total = 0;
  for (;;) {
    const sealed = await sealBatch(db, batchSize);
    total += sealed;
    if (sealed < batchSize) return total;
  }
}

/** One batch: one statement, so one transaction, in which the database's audit_seal() (migration 0008) does the work. */
async function sealBatch(db: Db, batchSize: number): Promise<number> {
  const [row] = await rowsOf<{ sealed: number }>(db, sql`SELECT audit_seal(${batchSize}::int) AS sealed`);
  return row?.sealed ?? 0;
}

/** How many committed events wait to be sealed. */
export async function unsealedCount(db: Db): Promise<number> {
  const [row] = await rowsOf<{ waiting: number }>(db, sql`SELECT count(*)::int AS waiting FROM audit_event WHERE hash IS NULL`);
  return row?.waiting ?? 0;
}

export interface AuditSealer {
  /** Seals what is waiting now, without waiting for the next tick (before verifying, say). */
  sealNow(): Promise<number>;
  /** Stops the timer and waits for a batch in progress. */
  stop(): Promise<void>;
}

/**
 * Seals in the background every `intervalMs`. Runs never overlap; a failure is reported and the
 * next tick tries again, since unsealed events are kept and nothing is lost by waiting.
 */
export function startAuditSealer(db: Db, options: { intervalMs: number; onError: (error: unknown) => void }): AuditSealer {
  let running: Promise<number> = Promise.resolve(0);
  let stopped = false;
  const sealNow = () => {
    running = running.then(
      () => sealAuditEvents(db),
      () => sealAuditEvents(db),
    );
    return running;
  };
  const tick = () => {
    if (stopped) return;
    sealNow().then(schedule, (error: unknown) => {
      options.onError(error);
      schedule();
    });
  };
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (!stopped) timer = setTimeout(tick, options.intervalMs).unref();
  };
  schedule();
  return {
    sealNow,
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running.catch(() => undefined);
    },
  };
}
