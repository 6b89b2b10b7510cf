/**
 * Verifying the audit log: read the whole chain in chain order, a batch at a time, and
 * recompute every hash. The database writes each event's canonical form from its stored fields
 * with built-in functions only (canonical-sql.ts; writing it in PostgreSQL rather than here
 * triples the speed); this process chains the SHA-256 hashes. The next batches are read while
 * this one is hashed.
 *
 * Each event's hash is recomputed from the hash of the event before it as verified here, so
 * the stored prev_hash is only read to explain a break. What it catches: any change to a stored
 * event (its hash no longer matches), and any event removed from before the last one (the next
 * event was chained onto another). Removing events from the end, or rewriting the whole tail
 * with fresh hashes, leaves a consistent chain: keep the last link (position and hash) somewhere
 * outside the database and pass it back as `expect` to catch that. Events not yet sealed
 * (seal.ts) are not part of the chain yet: they are counted, and the sealer's next batch takes them.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../db/client.js';
import { CANONICAL_TEXT } from './canonical-sql.js';
import { asBuffer, GENESIS_HASH, hashLink, hexOf } from './chain.js';
import { unsealedCount } from './seal.js';

export interface AuditChainProgress {
  events: number;
  /** The chain position reached. */
  position: number;
}

/** An event's place in the chain and its hash. */
export interface AuditLink {
  position: number;
  /** Hex. */
  hash: string;
}

export interface VerifyOptions {
  onProgress?: (progress: AuditChainProgress) => void;
  /** Events per query. */
  batchSize?: number;
  /** A link recorded earlier, outside the database: that event must still be there with that hash. */
  expect?: AuditLink;
}

export type AuditChainVerdict = IntactChain | BrokenLink;

export interface IntactChain {
  ok: true;
  events: number;
  /** The last event: keep it outside the database and pass it back as `expect` later. */
  last: AuditLink | null;
  /** Events written but not yet sealed into the chain. */
  unsealed: number;
}

export interface BrokenLink {
  ok: false;
  /** The first event that does not fit the chain: its chain position, and its sequence number if it is there. */
  position: number;
  sequence: number | null;
  /**
   * prev_hash: it was chained onto an event that is no longer before it (events between were
   * removed); hash: its own fields were changed; expected_link: the event given in `expect` is
   * gone or has another hash.
   */
  problem: 'prev_hash' | 'hash' | 'expected_link';
  expected: string;
  found: string;
  /** The chain position of the last event that fits, if any. */
  after: number | null;
  /** Events found intact before the break. */
  eventsChecked: number;
}

interface ChainSoFar {
  previous: Buffer;
  after: number | null;
  events: number;
  /** The link still to be met, if one was given. */
  expect: AuditLink | null;
}

/** One event as verification reads it: its canonical form computed by the database, and its stored hash. */
interface ChainRow {
  /** int8: a string from node-postgres, a number from PGlite. */
  position: string | number;
  sequence: string | number;
  canonical: string;
  hash: Uint8Array;
}

const DEFAULT_BATCH = 5000;
/** Batches asked for ahead of the one being hashed. */
const PREFETCH_DEPTH = 2;
const NOT_FOUND = 'no event at that position';

export async function verifyAuditChain(db: Db, options: VerifyOptions = {}): Promise<AuditChainVerdict> {
  const chain: ChainSoFar = { previous: GENESIS_HASH, after: null, events: 0, expect: options.expect ?? null };
  const batches = new BatchReader(db, await lastPosition(db), options.batchSize ?? DEFAULT_BATCH);
  for (let batch = await batches.next(); batch; batch = await batches.next()) {
    const broken = checkBatch(batch, chain);
    if (broken) {
      batches.stop();
      return broken.problem === 'hash' ? explainBrokenHash(db, broken, chain.previous) : broken;
    }
    options.onProgress?.({ events: chain.events, position: chain.after ?? 0 });
  }
  if (chain.expect) return breakAt(chain, chain.expect.position, null, 'expected_link', chain.expect.hash, NOT_FOUND);
  const last = chain.after === null ? null : { position: chain.after, hash: hexOf(chain.previous) };
  return { ok: true, events: chain.events, last, unsealed: await unsealedCount(db) };
}

/** The chain is verified up to its last sealed event when verification starts; later ones wait for the next run. */
export async function lastPosition(db: Db): Promise<number> {
  const [row] = await rowsOf<{ last: number | string | null }>(db, sql`SELECT max(chain_position) AS last FROM audit_event`);
  return Number(row?.last ?? 0);
}

/** Checks each event against the chain so far; the first that does not fit, if any. */
function checkBatch(batch: ChainRow[], chain: ChainSoFar): BrokenLink | null {
  for (const row of batch) {
    const position = Number(row.position);
    const sequence = Number(row.sequence);
    const hash = asBuffer(row.hash);
    const recomputed = hashLink(chain.previous, row.canonical);
    if (!recomputed.equals(hash)) return breakAt(chain, position, sequence, 'hash', hexOf(recomputed), hexOf(hash));
    if (chain.expect && position >= chain.expect.position) {
      const found = position === chain.expect.position ? hexOf(hash) : NOT_FOUND;
      const at = position === chain.expect.position ? sequence : null;
      if (found !== chain.expect.hash) return breakAt(chain, chain.expect.position, at, 'expected_link', chain.expect.hash, found);
      chain.expect = null;
    }
    chain.previous = hash;
    chain.after = position;
    chain.events++;
  }
  return null;
}

/**
 * A hash that does not match means the event was changed, or it was chained onto an event that
 * is no longer there. Its stored prev_hash tells which.
 */
async function explainBrokenHash(db: Db, broken: BrokenLink, previous: Buffer): Promise<BrokenLink> {
  const [row] = await rowsOf<{ prev_hash: Uint8Array }>(db, sql`SELECT prev_hash FROM audit_event WHERE chain_position = ${broken.position}`);
  const prevHash = row ? asBuffer(row.prev_hash) : previous;
  return prevHash.equals(previous) ? broken : { ...broken, problem: 'prev_hash', expected: hexOf(previous), found: hexOf(prevHash) };
}

function breakAt(
  chain: ChainSoFar,
  position: number,
  sequence: number | null,
  problem: BrokenLink['problem'],
  expected: string,
  found: string,
): BrokenLink {
  return { ok: false, position, sequence, problem, expected, found, after: chain.after, eventsChecked: chain.events };
}

/**
 * The chain in order, a range of chain positions at a time, with the next ranges already asked
 * for: while this process hashes one batch, the database reads the following ones. A range holds
 * fewer events than its size only where events were removed.
 */
class BatchReader {
  private readonly ahead: Promise<ChainRow[]>[] = [];
  private requestedTo = 0;

  constructor(
    private readonly db: Db,
    private readonly end: number,
    private readonly size: number,
  ) {}

  /** The next batch, or null after the last. */
  async next(): Promise<ChainRow[] | null> {
    while (this.ahead.length < PREFETCH_DEPTH && this.requestedTo < this.end) this.request();
    const batch = this.ahead.shift();
    return batch ? await batch : null;
  }

  stop(): void {
    for (const pending of this.ahead.splice(0)) pending.catch(() => undefined);
  }

  private request(): void {
    const from = this.requestedTo;
    this.requestedTo = Math.min(this.end, from + this.size);
    this.ahead.push(
      rowsOf<ChainRow>(
        this.db,
        sql`SELECT chain_position AS position, sequence, ${CANONICAL_TEXT} AS canonical, hash FROM audit_event
            WHERE chain_position > ${from} AND chain_position <= ${this.requestedTo} ORDER BY chain_position`,
      ),
    );
  }
}
