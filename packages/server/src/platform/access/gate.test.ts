/** withAccess's one-statement form: no BEGIN and COMMIT, so no events may be left for the gate to write. */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertPerson } from '../../../test/access-fixtures.js';
import { openTestDatabase } from '../../../test/build-test-app.js';
import { createPractice } from '../../../test/factories.js';
import type { Database, Db } from '../db/client.js';
import { unsealedCount } from '../audit/seal.js';
import { type AccessContext, withAccess } from './gate.js';

describe('one-statement work through the gate', () => {
  let database: Database;
  let drop: () => Promise<void>;
  let db: Db;
  let context: AccessContext;
  let personId: string;

  beforeAll(async () => {
    ({ database, drop } = await openTestDatabase());
    db = database.db;
    const { practiceId } = await createPractice(db);
    personId = await insertPerson(db, practiceId);
    const actor = { staffId: randomUUID(), name: 'Nina Nurse', email: 'nina@example.test', roles: [{ organisationId: practiceId, organisationName: 'Tollgate Surgery', role: 'nurse' as const }] };
    context = { actor, now: new Date('2026-06-01T09:00:00Z'), requestId: 'req-1', clientAddress: '192.0.2.1' };
  });
  afterAll(async () => {
    await database.close();
    await drop();
  });

  it('refuses work that leaves events for the gate to write, and writes none of them', async () => {
    const before = await unsealedCount(db);
    await expect(withAccess(db, context, (gate) => gate.searchHits([{ id: personId }]), { oneStatement: true })).rejects.toThrow(/queued audit events/);
    expect(await unsealedCount(db)).toBe(before);
  });

  it('gives the event a search page records in its own statement', async () => {
    const event = await withAccess(db, context, async (gate) => gate.uniformSearchEvent(), { oneStatement: true });
    expect(event).toMatchObject({ action: 'search', resourceType: 'identity', subjectPersonId: null, outcome: 'allowed', actor: { kind: 'staff', role: 'nurse' } });
  });
});
