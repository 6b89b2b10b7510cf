/** Reading the audit log back: pages newest first, and who has looked at a person's record. */
import { randomUUID } from 'node:crypto';
import { describeRecordLook, type AuditEvent } from '@kith/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/build-test-app.js';
import { createPractice, createStaff } from '../../../test/factories.js';
import type { Database, Db } from '../db/client.js';
import { queryAuditEvents, whoLookedAt } from './query.js';
import { recordAuditEvents } from './record.js';
import { anAuditEvent } from './sample-events.js';
import { sealAuditEvents } from './seal.js';

const person = randomUUID();
const otherPerson = randomUUID();
const at = (iso: string) => new Date(iso);

describe('reading the audit log', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let db: Db;
  let gp: { kind: 'staff'; staffId: string; role: string; organisationId: string };
  let nurse: typeof gp;
  let sequences: number[];

  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase());
    db = database.db;
    const { practiceId } = await createPractice(db, 'Tollgate Surgery');
    gp = { kind: 'staff', staffId: await createStaff(db, { email: 'asha.patel@example.org', role: 'gp', organisationId: practiceId }), role: 'gp', organisationId: practiceId };
    nurse = { kind: 'staff', staffId: await createStaff(db, { email: 'ben.cole@example.org', role: 'nurse', organisationId: practiceId }), role: 'nurse', organisationId: practiceId };
    const events: AuditEvent[] = [
      anAuditEvent({ at: at('2026-06-01T08:30:00Z'), actor: gp, subjectPersonId: person, action: 'search', resourceType: 'identity' }),
      anAuditEvent({ at: at('2026-06-01T08:31:00Z'), actor: gp, subjectPersonId: person }),
      anAuditEvent({ at: at('2026-06-01T15:00:00Z'), actor: gp, subjectPersonId: person, action: 'print' }),
      anAuditEvent({ at: at('2026-06-01T16:00:00Z'), actor: nurse, subjectPersonId: otherPerson }),
      anAuditEvent({ at: at('2026-06-01T23:30:00Z'), actor: nurse, subjectPersonId: person, breakGlass: true, purpose: 'emergency', reason: 'Fall at home, out of hours' }),
      anAuditEvent({ at: at('2026-06-02T10:00:00Z'), actor: nurse, subjectPersonId: person, outcome: 'denied', reason: 'No care relationship' }),
      anAuditEvent({ at: at('2026-06-02T11:00:00Z'), actor: nurse, subjectPersonId: person, action: 'write', resourceType: 'plan' }),
      anAuditEvent({ at: at('2026-06-03T09:00:00Z'), actor: { kind: 'carer', portalId: randomUUID() }, subjectPersonId: person, action: 'read', resourceType: 'plan', purpose: 'own_record' }),
    ];
    sequences = await recordAuditEvents(db, events);
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  it("pages through a person's events newest first, by sequence", async () => {
    const first = await queryAuditEvents(db, { personId: person, limit: 3 });
    expect(first.events.map((e) => e.sequence)).toEqual([sequences[7], sequences[6], sequences[5]]);
    expect(first.nextBefore).toBe(sequences[5]);
    const second = await queryAuditEvents(db, { personId: person, limit: 3, before: first.nextBefore! });
    expect(second.events.map((e) => e.sequence)).toEqual([sequences[4], sequences[2], sequences[1]]);
    const last = await queryAuditEvents(db, { personId: person, limit: 3, before: second.nextBefore! });
    expect(last).toMatchObject({ events: [{ sequence: sequences[0], action: 'search' }], nextBefore: null });
  });

  it('returns events whole, with their place in the chain once sealed', async () => {
    expect((await queryAuditEvents(db, { personId: person, limit: 1, before: sequences[5] })).events[0]).toMatchObject({
      chainPosition: null,
      prevHash: null,
      hash: null,
    });
    await sealAuditEvents(db);
    const { events } = await queryAuditEvents(db, { personId: person, limit: 1, before: sequences[5] });
    expect(events[0]).toMatchObject({
      sequence: sequences[4],
      at: at('2026-06-01T23:30:00Z'),
      actor: { kind: 'staff', staffId: nurse.staffId, role: 'nurse', organisationId: nurse.organisationId },
      breakGlass: true,
      reason: 'Fall at home, out of hours',
      outcome: 'allowed',
    });
    expect(events[0]!.chainPosition).toBeGreaterThan(0);
    expect(events[0]!.hash).toMatch(/^[0-9a-f]{64}$/);
    expect(events[0]!.prevHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('finds what one member of staff did, within a time window', async () => {
    const { events } = await queryAuditEvents(db, { staffId: nurse.staffId, from: at('2026-06-01T00:00:00Z'), to: at('2026-06-02T10:00:00Z'), limit: 10 });
    expect(events.map((e) => e.sequence)).toEqual([sequences[4], sequences[3]]);
  });

  it('answers who has looked at a record, by who, organisation and day, with break-glass flagged', async () => {
    const looks = await whoLookedAt(db, person);
    expect(looks.map((l) => [l.day, l.actorKind, l.staffName, l.looks, l.breakGlass])).toEqual([
      ['2026-06-03', 'carer', null, 1, false],
      // 23:30 UTC on 1 June is 00:30 on 2 June in London (summer time)
      ['2026-06-02', 'staff', 'ben.cole', 1, true],
      ['2026-06-01', 'staff', 'asha.patel', 3, false],
    ]);
    expect(looks[2]).toMatchObject({ organisationName: 'Tollgate Surgery', role: 'gp', firstAt: at('2026-06-01T08:30:00Z'), lastAt: at('2026-06-01T15:00:00Z') });
    expect([...looks[2]!.actions].sort()).toEqual(['print', 'read', 'search']);
    expect(looks.map(describeRecordLook)).toEqual([
      'A carer, in the portal, looked at this record once on 3 June 2026.',
      'ben.cole, Community nurse at Tollgate Surgery, looked at this record once on 2 June 2026, using emergency access (break-glass), which the privacy officer reviews.',
      'asha.patel, GP at Tollgate Surgery, looked at this record 3 times on 1 June 2026.',
    ]);
  });

  it('counts days in the time zone asked for', async () => {
    const looks = await whoLookedAt(db, person, { timeZone: 'UTC', from: at('2026-06-01T00:00:00Z'), to: at('2026-06-02T00:00:00Z') });
    expect(looks.map((l) => [l.day, l.staffName, l.looks])).toEqual([
      ['2026-06-01', 'ben.cole', 1],
      ['2026-06-01', 'asha.patel', 3],
    ]);
  });
});
