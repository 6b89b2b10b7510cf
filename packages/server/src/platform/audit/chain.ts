/**
 * The audit log's hash chain.
 *
 * Every event's hash is SHA-256 over the previous event's hash and the event's canonical form
 * (core's audit/canonical.ts documents the bytes). Writers only insert events (record.ts); the
 * sealer (seal.ts) chains committed events afterwards, in batches, giving each its
 * `chain_position`, `prev_hash` and `hash`. The database (migration 0008) lets each event be
 * sealed once and refuses every other change, and refuses removal; `kith audit verify`
 * (verify.ts) recomputes every hash.
 *
 * Why there is one chain with no forks, however many instances seal:
 * - Sealing takes AUDIT_CHAIN_LOCK for its transaction, so sealers take turns, and each reads
 *   the last sealed event after the lock is granted (READ COMMITTED: a fresh snapshot).
 * - Unique indexes on chain_position and prev_hash make a fork impossible to store.
 * - A rolled-back transaction leaves nothing behind but unused sequence numbers, and its
 *   events were never sealed.
 *
 * Why the chain is not made on insert, as it was before migration 0008: chaining on insert
 * serialised every audited transaction from its audit insert to its commit, which capped the
 * whole service at about a thousand audited requests a second. A request now waits for no other.
 * The price is a short window (the sealer's interval) in which an event is written but not yet
 * sealed; the database still refuses to change or remove it.
 */
import { createHash, hash } from 'node:crypto';
import { canonicalAuditEvent, type AuditEvent } from '@kith/core';

/** The advisory lock key the trigger takes (migration 0003); any other lock must not reuse it. */
export const AUDIT_CHAIN_LOCK = 7_311_043;

/** The previous hash of the first event: 32 zero bytes. */
export const GENESIS_HASH: Buffer = Buffer.alloc(32);

/** Room for the previous hash and a canonical form; longer ones (a very long reason) are streamed. */
const scratch = Buffer.alloc(64 * 1024);
const MAX_CANONICAL_UNITS = (scratch.length - 32) / 3;

/**
 * SHA-256 over the previous hash and an event's canonical form (text, hashed as UTF-8). Both go
 * into one reused buffer and a one-shot hash: verification does this a million times, and a
 * fresh hash object per event costs more than the hashing.
 */
export function hashLink(prevHash: Uint8Array, canonical: string): Buffer {
  // A UTF-16 unit is at most three UTF-8 bytes, so this many always fit.
  if (canonical.length > MAX_CANONICAL_UNITS) {
    return createHash('sha256').update(prevHash).update(canonical, 'utf8').digest();
  }
  scratch.set(prevHash, 0);
  const length = scratch.write(canonical, 32, 'utf8');
  return hash('sha256', scratch.subarray(0, 32 + length), 'buffer');
}

/** An event's hash as the database computes it on insert, from the event itself. */
export function chainHash(prevHash: Uint8Array, sequence: number, event: AuditEvent): Buffer {
  return hashLink(prevHash, canonicalAuditEvent(sequence, event));
}

/** A Buffer over the same bytes: node-postgres gives Buffers, PGlite plain Uint8Arrays. */
export function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

export const hexOf = (bytes: Uint8Array): string => asBuffer(bytes).toString('hex');
