/**
 * The audit chain under many concurrent writers and sealers. Only a PostgreSQL server has
 * several connections, so this file runs in the PostgreSQL pass (TEST_DATABASE_URL; see
 * vitest.config.ts).
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/build-test-app.js';
import { openDatabase, rowsOf, type Database } from '../db/client.js';
import { recordAuditEvent, recordAuditEvents } from './record.js';
import { anAuditEvent as anEvent } from './sample-events.js';
import { sealAuditEvents, startAuditSealer } from './seal.js';
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

  it('keeps one valid chain when 20 transactions write at once while two sealers run', async () => {
    const sealers = [startAuditSealer(wide.db, { intervalMs: 1, onError: fail }), startAuditSealer(wide.db, { intervalMs: 2, onError: fail })];
    const writers = Array.from({ length: 20 }, (_, writer) =>
      wide.db.transaction(async (tx) => {
        const sequences = await recordAuditEvents(tx, Array.from({ length: 1 + (writer % 3) }, () => anEvent()));
        await tx.execute(sql`SELECT pg_sleep(${(writer % 4) / 1000})`);
        if (writer % 5 === 4) tx.rollback(); // some callers fail after writing: their events go
        return sequences;
      }).catch((): number[] => []),
    );
    const written = (await Promise.all(writers)).flat();
    await Promise.all(Array.from({ length: 40 }, () => recordAuditEvent(wide.db, anEvent())));
    await Promise.all(sealers.map((sealer) => sealer.stop()));
    await sealAuditEvents(wide.db);

    const chain = await storedChain(wide.db);
    expect(written).toHaveLength(31); // 16 writers committed, 1 to 3 events each
    expect(chain).toHaveLength(31 + 40);
    expect(chain.map((link) => link.position)).toEqual(chain.map((_, i) => i + 1));
    expect(await verifyAuditChain(wide.db)).toMatchObject({ ok: true, events: chain.length, unsealed: 0 });
  });

  it('does not wait for other writers: a transaction holding an unsealed event blocks no one', async () => {
    const late = await wide.db.transaction(async (tx) => {
      const sequence = await recordAuditEvent(tx, anEvent({ reason: 'written first, committed last' }));
      // While this transaction is open, others write and commit, and the sealer seals theirs.
      const others = await Promise.all([1, 2, 3].map(() => recordAuditEvent(wide.db, anEvent())));
      expect(await sealAuditEvents(wide.db)).toBe(3);
      expect(Math.min(...others)).toBeGreaterThan(sequence);
      return sequence;
    });
    expect(await sealAuditEvents(wide.db)).toBe(1);
    // Sealed after events with higher sequence numbers: the chain is in sealing order.
    const [last] = (await storedChain(wide.db)).slice(-1);
    expect(last).toMatchObject({ sequence: late });
    expect(await verifyAuditChain(wide.db)).toMatchObject({ ok: true, unsealed: 0 });
  });
});

function fail(error: unknown): never {
  throw error instanceof Error ? error : new Error(String(error));
}
