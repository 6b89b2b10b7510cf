/**
 * The audit log's hash chain.
 *
 * Every event's hash is SHA-256 over the previous event's hash and the event's canonical form
 * (core's audit/canonical.ts documents the bytes). The database computes it: a BEFORE INSERT
 * trigger (migration 0003) takes a transaction-scoped advisory lock, reads the last event, and
 * sets the new event's `prev_hash` and `hash`. So every writer, on every server instance, chains
 * the same way, and no caller can forge or skip a link.
 *
 * Why there is one chain, in sequence order, with no forks, however many instances write:
 * - The lock (AUDIT_CHAIN_LOCK) is held from the first audit insert until the writer's
 *   transaction commits or rolls back, so transactions that write audit events append one at a
 *   time, and each sees the one before it committed: under READ COMMITTED, the trigger's read of
 *   the last event takes a fresh snapshot after the lock is granted.
 * - A rolled-back transaction leaves nothing behind but unused sequence numbers. Gaps are
 *   normal; the chain links by hash, never by sequence arithmetic.
 * - A sequence number drawn before the lock was granted can be lower than the last event's;
 *   the trigger draws it again, so sequence order is always chain order and commit order.
 * - The unique index on prev_hash makes a fork impossible to store: a writer with an old
 *   snapshot (REPEATABLE READ) fails with a unique violation rather than branch the chain.
 *
 * The cost: transactions that record audit events serialise on the lock from their first audit
 * insert to their commit. Record audit events as the last statement before commit, so the lock
 * is held only for that insert and the commit.
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
