/**
 * Writing the audit log: the database chains every event in sequence order, refuses to change
 * or remove one, and keeps one chain however many transactions write at once.
 */
import { canonicalAuditEvent } from '@kith/core';
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/build-test-app.js';
import { openDatabase, rowsOf, type Database, type Db } from '../db/client.js';
import { appendAuditEventsInBulk } from './bulk.js';
import { AUDIT_CHAIN_LOCK, chainHash, GENESIS_HASH } from './chain.js';
import { recordAuditEvent, recordAuditEvents } from './record.js';
import { anAuditEvent as anEvent, sampleAuditEvent } from './sample-events.js';
import { verifyAuditChain } from './verify.js';

const onPostgres = Boolean(process.env.TEST_DATABASE_URL);

interface StoredLink {
  sequence: number;
  prev_hash: Uint8Array;
  hash: Uint8Array;
}

async function storedChain(db: Db): Promise<StoredLink[]> {
  const rows = await rowsOf<StoredLink>(db, sql`SELECT sequence, prev_hash, hash FROM audit_event ORDER BY sequence`);
  return rows.map((row) => ({ ...row, sequence: Number(row.sequence) }));
}

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

  it('chains each event onto the one before, with the hash the canonical form gives', async () => {
    const events = [anEvent(), anEvent({ action: 'search', resourceType: 'identity' }), anEvent({ breakGlass: true, reason: 'A&E, out of hours' })];
    const first = await recordAuditEvent(db, events[0]!);
    const rest = await recordAuditEvents(db, events.slice(1));
    const chain = await storedChain(db);

    expect(chain.map((link) => link.sequence)).toEqual([first, ...rest]);
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
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, events: 60 });
  });

  it('refuses UPDATE, DELETE and TRUNCATE with a clear error', async () => {
    await recordAuditEvent(db, anEvent());
    expect(await refusal(db, sql`UPDATE audit_event SET reason = 'nothing to see'`)).toMatch(/audit_event is append-only: UPDATE is refused/);
    expect(await refusal(db, sql`DELETE FROM audit_event`)).toMatch(/audit_event is append-only: DELETE is refused/);
    expect(await refusal(db, sql`TRUNCATE audit_event`)).toMatch(/audit_event is append-only: TRUNCATE is refused/);
    expect(await storedChain(db)).toHaveLength(1);
  });

  it('sets sequence and hashes itself, whatever a writer tries to give', async () => {
    await recordAuditEvent(db, anEvent());
    await db.execute(sql`INSERT INTO audit_event (at, actor_kind, resource_type, action, outcome, prev_hash, hash)
      VALUES (now(), 'system', 'forged', 'write', 'allowed', '\\x01'::bytea, '\\x02'::bytea)`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, events: 2 });
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
    expect(await verifyAuditChain(db)).toEqual({ ok: true, events: 0, last: null });
  });
});

describe.runIf(onPostgres)('many writers on a PostgreSQL server', () => {
  let database: Database;
  let wide: Database;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase());
    // A second handle with room for every writer at once, as several server instances would be.
    const [{ name }] = await rowsOf<{ name: string }>(database.db, sql`SELECT current_database() AS name`) as [{ name: string }];
    const url = new URL(process.env.TEST_DATABASE_URL!);
    url.pathname = `/${name}`;
    wide = await openDatabase({ kind: 'postgres', url: url.toString(), poolSize: 24 });
  });
  afterAll(async () => {
    await wide.close();
    await database.close();
    await drop();
  });

  it('keeps one valid chain, in sequence order, when 20 transactions write at once', async () => {
    const writers = Array.from({ length: 20 }, (_, writer) =>
      wide.db.transaction(async (tx) => {
        await tx.execute(sql`SELECT pg_sleep(${(writer % 4) / 1000})`);
        const sequences = await recordAuditEvents(tx, Array.from({ length: 1 + (writer % 3) }, () => anEvent()));
        if (writer % 5 === 4) tx.rollback(); // some callers fail after writing: their events go
        return sequences;
      }).catch((): number[] => []),
    );
    const written = (await Promise.all(writers)).flat();
    await Promise.all(Array.from({ length: 40 }, () => recordAuditEvent(wide.db, anEvent())));

    const chain = await storedChain(wide.db);
    expect(written).toHaveLength(31); // 16 writers committed, 1 to 3 events each
    expect(chain).toHaveLength(31 + 40);
    expect(await verifyAuditChain(wide.db)).toMatchObject({ ok: true, events: chain.length });
  });

  it('draws a new sequence number when one drawn before the lock was granted would go backwards', async () => {
    const { waiting, holderSequence } = await wide.db.transaction(async (holder) => {
      await holder.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_CHAIN_LOCK})`);
      // This writer draws its number now, then waits for the lock...
      const waiting = wide.db.transaction((tx) => recordAuditEvent(tx, anEvent({ reason: 'drew first' })));
      await waitForLockWaiters(wide.db, 1);
      // ...while the holder draws a higher one and appends first.
      return { waiting, holderSequence: await recordAuditEvent(holder, anEvent({ reason: 'appended first' })) };
    });
    const waiterSequence = await waiting;
    const chain = await storedChain(wide.db);
    // The waiter drew holder - 1 first; it was drawn again after the holder's, and is a gap.
    expect(chain.slice(-3).map((link) => link.sequence)).toEqual([holderSequence - 2, holderSequence, waiterSequence]);
    expect(waiterSequence).toBe(holderSequence + 1);
    expect(await verifyAuditChain(wide.db)).toMatchObject({ ok: true });
  });

  it('refuses a fork: a writer whose snapshot missed the last event cannot chain onto an older one', async () => {
    await recordAuditEvent(wide.db, anEvent());
    const outcome = wide.db.transaction(
      async (tx) => {
        await tx.execute(sql`SELECT count(*) FROM audit_event`); // the snapshot is taken here
        await recordAuditEvent(wide.db, anEvent()); // another writer appends and commits
        await recordAuditEvent(tx, anEvent());
      },
      { isolationLevel: 'repeatable read' },
    );
    const error = await outcome.then(() => null, (e: { cause?: { code?: string; constraint?: string } }) => e.cause);
    expect(error).toMatchObject({ code: '23505', constraint: 'audit_event_prev_hash_key' });
    expect(await verifyAuditChain(wide.db)).toMatchObject({ ok: true });
  });
});

async function waitForLockWaiters(db: Db, count: number) {
  for (let attempt = 0; attempt < 200; attempt++) {
    const [row] = await rowsOf<{ waiting: number }>(db, sql`SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`);
    if (row!.waiting >= count) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('no writer waited for the audit lock');
}
