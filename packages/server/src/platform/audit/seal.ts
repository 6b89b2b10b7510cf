/**
 * The sealer: chains committed audit events, in batches, after the transactions that wrote
 * them. Writers only insert (record.ts), so recording an event costs a request one insert and
 * never waits for another writer; the sealer alone takes the chain lock.
 *
 * One batch, in one transaction under AUDIT_CHAIN_LOCK (so sealers on several server instances
 * take turns): read the last sealed event; read the oldest unsealed events that are committed
 * (an event still being written is invisible, and is sealed by a later batch); give each the
 * next chain position and its hash, SHA-256 over the previous hash and its canonical form (the
 * database writes the canonical form from built-in functions, as verification does); write the
 * seals in one statement. The database lets an event be sealed once and refuses any other change
 * (migration 0008); whether each seal is right is what `kith audit verify` checks.
 *
 * Chain order is the order events were sealed, which is commit order give or take a batch. An
 * event from a transaction that committed late may be sealed after events with higher sequence
 * numbers: `chain_position`, not `sequence`, orders the chain.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/client.js';
import { CANONICAL_TEXT } from './canonical-sql.js';
import { AUDIT_CHAIN_LOCK, asBuffer, GENESIS_HASH, hashLink } from './chain.js';

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
    const sealed = await db.transaction((tx) => sealBatch(tx, batchSize));
    total += sealed;
    if (sealed < batchSize) return total;
  }
}

interface Tail {
  position: number;
  hash: Buffer;
}

async function sealBatch(tx: Db, batchSize: number): Promise<number> {
  await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
  const waiting = await rowsOf<{ sequence: string | number; canonical: string }>(
    tx,
    sql`SELECT sequence, ${CANONICAL_TEXT} AS canonical FROM audit_event WHERE hash IS NULL ORDER BY sequence LIMIT ${batchSize}`,
  );
  if (waiting.length === 0) return 0;
  let { position, hash } = await chainTail(tx);
  const seals = { sequences: [] as string[], positions: [] as number[], prevHashes: [] as string[], hashes: [] as string[] };
  for (const event of waiting) {
    const next = hashLink(hash, event.canonical);
    position += 1;
    seals.sequences.push(String(event.sequence));
    seals.positions.push(position);
    seals.prevHashes.push(hash.toString('hex'));
    seals.hashes.push(next.toString('hex'));
    hash = next;
  }
  // Hex text arrays, decoded by the database: both drivers pass text arrays the same way.
  await tx.execute(sql`
    UPDATE audit_event e
    SET chain_position = s.position, prev_hash = decode(s.prev_hash, 'hex'), hash = decode(s.hash, 'hex')
    FROM unnest(${sql.param(seals.sequences)}::bigint[], ${sql.param(seals.positions)}::bigint[],
                ${sql.param(seals.prevHashes)}::text[], ${sql.param(seals.hashes)}::text[]) AS s(sequence, position, prev_hash, hash)
    WHERE e.sequence = s.sequence`);
  return waiting.length;
}

/** The last sealed event, or the genesis link before the first. */
async function chainTail(tx: Db): Promise<Tail> {
  const [last] = await rowsOf<{ chain_position: string | number; hash: Uint8Array }>(
    tx,
    sql`SELECT chain_position, hash FROM audit_event WHERE chain_position IS NOT NULL ORDER BY chain_position DESC LIMIT 1`,
  );
  return last ? { position: Number(last.chain_position), hash: asBuffer(last.hash) } : { position: 0, hash: GENESIS_HASH };
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
