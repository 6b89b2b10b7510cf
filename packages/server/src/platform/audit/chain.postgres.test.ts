/**
 * The audit chain under many concurrent writers. Only a PostgreSQL server has several
 * connections, so this file runs in the PostgreSQL pass (TEST_DATABASE_URL; see vitest.config.ts).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/build-test-app.js';
import { openDatabase, rowsOf, type Database, type Db } from '../db/client.js';
import { AUDIT_CHAIN_LOCK } from './chain.js';
import { recordAuditEvent, recordAuditEvents } from './record.js';
import { anAuditEvent as anEvent } from './sample-events.js';
import { storedChain } from './stored-chain.js';
import { verifyAuditChain } from './verify.js';

describe('many writers on a PostgreSQL server', () => {
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
