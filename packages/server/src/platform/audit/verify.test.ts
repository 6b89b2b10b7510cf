/**
 * Verifying the audit log finds the first event that was changed or removed, even though the
 * database refuses UPDATE and DELETE: these tests tamper as a malicious database superuser
 * would, by switching the append-only triggers off first.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/build-test-app.js';
import { rowsOf, type Database, type Db } from '../db/client.js';
import { recordAuditEvents } from './record.js';
import { sampleAuditEvent } from './sample-events.js';
import { sealAuditEvents } from './seal.js';
import { verifyAuditChain, type AuditChainProgress } from './verify.js';

const start = new Date('2026-06-01T09:00:00Z');

/** Runs statements with the append-only triggers disabled, as the table's owner could. */
async function asTableOwner(db: Db, ...statements: ReturnType<typeof sql>[]) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`ALTER TABLE audit_event DISABLE TRIGGER USER`);
    for (const statement of statements) await tx.execute(statement);
    await tx.execute(sql`ALTER TABLE audit_event ENABLE TRIGGER USER`);
  });
}

/** Runs a statement with every ordinary trigger off for the session, as a superuser could. */
async function asReplicationSuperuser(db: Db, statement: ReturnType<typeof sql>) {
  await db.transaction(async (tx) => {
    await tx.execute(sql`SET LOCAL session_replication_role = replica`);
    await tx.execute(statement);
  });
}

async function hashOf(db: Db, sequence: number): Promise<string> {
  const [row] = await rowsOf<{ hash: string }>(db, sql`SELECT encode(hash, 'hex') AS hash FROM audit_event WHERE sequence = ${sequence}`);
  return row!.hash;
}

describe('verifying the audit chain', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let db: Db;
  let sequences: number[];

  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase());
    db = database.db;
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  beforeEach(async () => {
    await asTableOwner(db, sql`TRUNCATE audit_event`);
    sequences = [];
    for (let batch = 0; batch < 5; batch++) {
      sequences.push(...(await recordAuditEvents(db, Array.from({ length: 10 }, (_, i) => sampleAuditEvent(batch * 10 + i, start)))));
      // A transaction that rolls back leaves a gap in the sequence numbers.
      await db.transaction(async (tx) => {
        await recordAuditEvents(tx, [sampleAuditEvent(999, start)]);
        tx.rollback();
      }).catch(() => undefined);
      await sealAuditEvents(db);
    }
  });

  it('finds an intact chain intact, across batches and gaps, and reports its last link', async () => {
    const progress: AuditChainProgress[] = [];
    const verdict = await verifyAuditChain(db, { batchSize: 7, onProgress: (p) => progress.push(p) });
    expect(verdict).toEqual({ ok: true, events: 50, last: { position: 50, hash: await hashOf(db, sequences.at(-1)!) }, unsealed: 0 });
    expect(progress.at(-1)).toEqual({ events: 50, position: 50 });
  });

  it('counts events written but not yet sealed, and verifies them once sealed', async () => {
    await recordAuditEvents(db, [sampleAuditEvent(50, start), sampleAuditEvent(51, start)]);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, events: 50, unsealed: 2, last: { position: 50 } });
    expect(await sealAuditEvents(db)).toBe(2);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, events: 52, unsealed: 0, last: { position: 52 } });
  });

  it('names a seal that is wrong, as a forged one would be', async () => {
    const [forged] = await recordAuditEvents(db, [sampleAuditEvent(50, start)]);
    // The database allows this update (an unsealed event, sealed once): verification must catch it.
    await db.execute(sql`UPDATE audit_event SET chain_position = 51, prev_hash = ${Buffer.from(await hashOf(db, sequences[49]!), 'hex')},
      hash = sha256('forged') WHERE sequence = ${forged}`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, position: 51, sequence: forged, problem: 'hash', after: 50 });
  });

  it('names an event whose fields were changed', async () => {
    const changed = sequences[23]!;
    await asTableOwner(db, sql`UPDATE audit_event SET actor_staff_id = gen_random_uuid() WHERE sequence = ${changed}`);
    const verdict = await verifyAuditChain(db, { batchSize: 7 });
    expect(verdict).toMatchObject({ ok: false, position: 24, sequence: changed, problem: 'hash', found: await hashOf(db, changed), after: 23, eventsChecked: 23 });
  });

  it('names the changed event even when the change is only to its time', async () => {
    const changed = sequences[0]!;
    await asReplicationSuperuser(db, sql`UPDATE audit_event SET at = at + interval '1 millisecond' WHERE sequence = ${changed}`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: false, position: 1, sequence: changed, problem: 'hash', after: null, eventsChecked: 0 });
  });

  it('catches a changed event given a fresh hash at the event after it', async () => {
    const changed = sequences[30]!;
    const original = await hashOf(db, changed);
    await asTableOwner(
      db,
      sql`UPDATE audit_event SET reason = 'nothing happened' WHERE sequence = ${changed}`,
      sql`UPDATE audit_event e SET hash = sha256(prev_hash || audit_event_canonical(e)) WHERE sequence = ${changed}`,
    );
    // The next event still names the original: the rewrite shows as a broken link there.
    expect(await verifyAuditChain(db)).toMatchObject({
      ok: false, position: 32, sequence: sequences[31], problem: 'prev_hash', expected: await hashOf(db, changed), found: original, after: 31,
    });
  });

  it('names the event after one that was deleted', async () => {
    const deleted = sequences[17]!;
    const deletedHash = await hashOf(db, deleted);
    await asReplicationSuperuser(db, sql`DELETE FROM audit_event WHERE sequence = ${deleted}`);
    const verdict = await verifyAuditChain(db, { batchSize: 7 });
    expect(verdict).toMatchObject({
      ok: false,
      position: 19,
      sequence: sequences[18],
      problem: 'prev_hash',
      expected: await hashOf(db, sequences[16]!),
      found: deletedHash,
      after: 17,
      eventsChecked: 17,
    });
  });

  it('checks a link kept outside the database, which catches events removed from the end', async () => {
    const kept = { position: 50, hash: await hashOf(db, sequences[49]!) };
    expect(await verifyAuditChain(db, { expect: kept })).toMatchObject({ ok: true, events: 50 });

    await asTableOwner(db, sql`DELETE FROM audit_event WHERE sequence >= ${sequences[45]}`);
    expect(await verifyAuditChain(db)).toMatchObject({ ok: true, events: 45 }); // the chain alone cannot tell
    expect(await verifyAuditChain(db, { expect: kept })).toMatchObject({
      ok: false, position: 50, sequence: null, problem: 'expected_link', found: 'no event at that position', eventsChecked: 45,
    });
  });

  it('refuses a kept link whose hash differs', async () => {
    const kept = { position: 11, hash: '00'.repeat(32) };
    expect(await verifyAuditChain(db, { expect: kept })).toMatchObject({ ok: false, position: 11, sequence: sequences[10], problem: 'expected_link', eventsChecked: 10 });
  });
});
