/**
 * Writing the audit log: events arrive unsealed, the sealer chains them in order, and the
 * database refuses to change or remove an event, allowing only its sealing, once.
 */
import { canonicalAuditEvent } from '@kith/core';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/build-test-app.js';
import { rowsOf, type Database, type Db } from '../db/client.js';
import { appendAuditEventsInBulk } from './bulk.js';
import { chainHash, GENESIS_HASH } from './chain.js';
import { recordAuditEvent, recordAuditEvents } from './record.js';
import { anAuditEvent as anEvent, sampleAuditEvent } from './sample-events.js';
import { sealAuditEvents, unsealedCount } from './seal.js';
import { storedChain } from './stored-chain.js';
import { verifyAuditChain } from './verify.js';

async function refusal(db: Db, statement: ReturnType<typeof sql>): Promise<string> {
  try {
    await db.execute(statement);
  } catch (error) {
    return String((error as { cause?: Error }).cause?.message ?? (error as Error).message);
  }
  return 'not refused';
}

describe('the audit log chain', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let db: Db;

  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase());
    db = database.db;
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  beforeEach(async () => {
    // Each test starts from an empty log; clearing it needs the append-only trigger off.
    await db.transaction(async (tx) => {
      await tx.execute(sql`ALTER TABLE audit_event DISABLE TRIGGER audit_event_append_only`);
      await tx.execute(sql`TRUNCATE audit_event`);
      await tx.execute(sql`ALTER TABLE audit_event ENABLE TRIGGER audit_event_append_only`);
    });
  });

  it('writes events unsealed, and the sealer chains each onto the one before, with the hash the canonical form gives', async () => {
    const events = [anEvent(), anEvent({ action: 'search', resourceType: 'identity' }), anEvent({ breakGlass: true, reason: 'A&E, out of hours' })];
    const first = await recordAuditEvent(db, events[0]!);
    expect(await unsealedCount(db)).toBe(1);
    expect(await sealAuditEvents(db)).toBe(1);
    const rest = await recordAuditEvents(db, events.slice(1));
    expect(await storedChain(db)).toHaveLength(1);
    expect(await sealAuditEvents(db, { batchSize: 1 })).toBe(2);
    expect(await unsealedCount(db)).toBe(0);
    const chain = await storedChain(db);

    expect(chain.map((link) => link.sequence)).toEqual([first, ...rest]);
    expect(chain.map((link) => link.position)).toEqual([1, 2, 3]);
    let previous: Uint8Array = GENESIS_HASH;
    chain.forEach((link, i) => {
      expect(Buffer.from(link.prev_hash)).toEqual(Buffer.from(previous));
      expect(Buffer.from(link.hash)).toEqual(chainHash(previous, link.sequence, events[i]!));
      previous = link.hash;
    });
  });

  it('stores the exact canonical form core writes, for any text a field may hold', async () => {
    // Any text PostgreSQL can hold (all of Unicode but NUL): accents, emoji, quotes, commas, newlines.
    const text = fc.option(fc.string({ unit: 'grapheme', maxLength: 40 }).map((s) => s.replaceAll('\0', '')), { nil: null });
    await fc.assert(
      fc.asyncProperty(text, text, text, fc.boolean(), async (reason, requestId, resourceId, breakGlass) => {
        const event = anEvent({ reason, requestId, resourceId, breakGlass, at: new Date(Date.UTC(2026, 0, 1, 0, 0, 0, 7)) });
        const sequence = await recordAuditEvent(db, event);
        const [row] = await rowsOf<{ canonical: string }>(
          db,
          sql`SELECT convert_from(audit_event_canonical(e), 'UTF8') AS canonical FROM audit_event e WHERE sequence = ${sequence}`,
        );
        expect(row!.canonical).toBe(canonicalAuditEvent(sequence, event));
      }),
      { numRuns: 60 },
    );
    await sealAuditEvents(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, events: 60 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE with a clear error, sealed or not', async () => {
    await recordAuditEvent(db, anEvent());
    await sealAuditEvents(db);
    await recordAuditEvent(db, anEvent());
    expect(await refusal(db, sql`UPDATE audit_event SET reason = 'nothing to see'`)).toMatch(/audit_event is append-only: UPDATE is refused/);
    expect(await refusal(db, sql`UPDATE audit_event SET reason = 'nothing to see' WHERE hash IS NULL`)).toMatch(/UPDATE is refused/);
    expect(await refusal(db, sql`DELETE FROM audit_event`)).toMatch(/audit_event is append-only: DELETE is refused/);
    expect(await refusal(db, sql`DELETE FROM audit_event WHERE false`)).toMatch(/DELETE is refused/);
    expect(await refusal(db, sql`TRUNCATE audit_event`)).toMatch(/audit_event is append-only: TRUNCATE is refused/);
    expect(await storedChain(db)).toHaveLength(1);
    expect(await unsealedCount(db)).toBe(1);
  });

  it('allows an event to be sealed once, and only without changing what it records', async () => {
    await recordAuditEvent(db, anEvent());
    await sealAuditEvents(db);
    const sequence = await recordAuditEvent(db, anEvent());
    const seal = sql`chain_position = 2, prev_hash = sha256('a'), hash = sha256('b')`;
    expect(await refusal(db, sql`UPDATE audit_event SET ${seal}, purpose = 'curiosity' WHERE sequence = ${sequence}`)).toMatch(/UPDATE is refused/);
    expect(await refusal(db, sql`UPDATE audit_event SET chain_position = 2, hash = sha256('b') WHERE sequence = ${sequence}`)).toMatch(/UPDATE is refused/);
    expect(await refusal(db, sql`UPDATE audit_event SET ${seal} WHERE sequence = ${sequence}`)).toBe('not refused');
    expect(await refusal(db, sql`UPDATE audit_event SET chain_position = 3 WHERE sequence = ${sequence}`)).toMatch(/UPDATE is refused/);
    expect(await refusal(db, sql`UPDATE audit_event SET chain_position = 9, prev_hash = sha256('c'), hash = sha256('d') WHERE sequence = ${sequence}`)).toMatch(
      /UPDATE is refused/,
    );
  });

  it('writes every event unsealed, whatever a writer tries to give', async () => {
    await recordAuditEvent(db, anEvent());
    await db.execute(sql`INSERT INTO audit_event (at, actor_kind, resource_type, action, outcome, chain_position, prev_hash, hash)
      VALUES (now(), 'system', 'forged', 'write', 'allowed', 1, '\\x01'::bytea, '\\x02'::bytea)`);
    expect(await unsealedCount(db)).toBe(2);
    await sealAuditEvents(db);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, events: 2 });
  });

  it('refuses a fork: two events cannot take the same place in the chain, nor follow the same one', async () => {
    const [first, second] = await recordAuditEvents(db, [anEvent(), anEvent()]);
    await db.execute(sql`UPDATE audit_event SET chain_position = 1, prev_hash = sha256('a'), hash = sha256('b') WHERE sequence = ${first}`);
    expect(await refusal(db, sql`UPDATE audit_event SET chain_position = 1, prev_hash = sha256('c'), hash = sha256('d') WHERE sequence = ${second}`)).toMatch(
      /audit_event_chain_position_key/,
    );
    expect(await refusal(db, sql`UPDATE audit_event SET chain_position = 2, prev_hash = sha256('a'), hash = sha256('d') WHERE sequence = ${second}`)).toMatch(
      /audit_event_prev_hash_key/,
    );
  });

  it('keeps one chain when a seal runs beside another, across several batches', async () => {
    await recordAuditEvents(db, Array.from({ length: 23 }, () => anEvent()));
    const sealed = await Promise.all([sealAuditEvents(db, { batchSize: 4 }), sealAuditEvents(db, { batchSize: 5 })]);
    expect(sealed[0]! + sealed[1]!).toBe(23);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, events: 23, unsealed: 0 });
  });

  it('leaves no event and no broken link when the writing transaction rolls back', async () => {
    await recordAuditEvent(db, anEvent());
    await expect(
      db.transaction(async (tx) => {
        await recordAuditEvents(tx, [anEvent(), anEvent(), anEvent()]);
        throw new Error('the record could not be shown');
      }),
    ).rejects.toThrow('the record could not be shown');
    const after = await recordAuditEvent(db, anEvent());
    await sealAuditEvents(db);

    const chain = await storedChain(db);
    expect(chain).toHaveLength(2);
    expect(after).toBeGreaterThan(chain[0]!.sequence + 1); // the rolled-back numbers are a gap
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, events: 2 });
  });

  it('bulk-loads events in order, each batch its own transaction, into one chain', async () => {
    const start = new Date('2026-06-01T09:00:00Z');
    const progress: number[] = [];
    await appendAuditEventsInBulk(db, 12, (n) => sampleAuditEvent(n, start), { batchSize: 5, onProgress: (p) => progress.push(p.events) });
    expect(progress).toEqual([5, 10, 12]);
    const chain = await storedChain(db);
    expect(chain).toHaveLength(12);
    expect(Buffer.from(chain[11]!.hash)).toEqual(chainHash(chain[10]!.hash, chain[11]!.sequence, sampleAuditEvent(11, start)));
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, events: 12 });
  });

  it('writes no events for an empty batch', async () => {
    expect(await recordAuditEvents(db, [])).toEqual([]);
    expect(await sealAuditEvents(db)).toBe(0);
    expect(await verifyAuditChain(db)).toEqual({ ok: true, events: 0, last: null, unsealed: 0 });
  });
});
