import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, insertPerson, sessionFor, staffWithSession, type StaffSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { createPractice } from '../../../test/factories.js';
import { rowsOf } from '../../platform/db/client.js';

const NOW = new Date('2026-06-01T09:00:00Z');
let t: TestApp;
let personId: string;
let nurse: StaffSession;
let volunteer: StaffSession;
let privacyOfficer: StaffSession;

beforeAll(async () => {
  t = await buildTestApp(NOW);
  const db = t.database.db;
  const { practiceId } = await createPractice(db);
  const trust = await createOrganisation(db, 'Croydon Health Services');
  const charity = await createOrganisation(db, 'Age UK Croydon', 'voluntary');
  personId = await insertPerson(db, practiceId, 'Edith Clarke');
  nurse = await staffWithSession(db, 'nurse', trust, NOW, 'Grace Mensah');
  volunteer = await staffWithSession(db, 'volunteer', charity, NOW);
  privacyOfficer = await staffWithSession(db, 'privacy_officer', trust, NOW);
});
afterAll(() => t?.close());

const get = (url: string, who: StaffSession) => t.app.inject({ method: 'GET', url, headers: who.auth });
const post = (url: string, who: StaffSession, payload: unknown) => t.app.inject({ method: 'POST', url, headers: who.auth, payload: payload as object });

async function eventsFor(requestId: string) {
  return rowsOf<{ action: string; outcome: string; break_glass: boolean; reason: string | null; purpose: string | null }>(
    t.database.db,
    sql`SELECT action, outcome, break_glass, reason, purpose FROM audit_event WHERE request_id = ${requestId}`,
  );
}

describe('emergency access', () => {
  it('refuses a record to staff with no relationship, and records the refusal', async () => {
    const refused = await get(`/api/v1/people/${personId}`, nurse);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail).toMatch(/emergency access/i);
    expect(await eventsFor(String(refused.headers['x-request-id']))).toMatchObject([{ action: 'read', outcome: 'denied', break_glass: false }]);
  });

  it('needs a reason: an empty one is a 400 naming the field, and grants nothing', async () => {
    const response = await post(`/api/v1/people/${personId}/break-glass`, nurse, { reason: '   ' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toContainEqual(expect.objectContaining({ field: 'reason' }));
    expect((await get(`/api/v1/people/${personId}`, nurse)).statusCode).toBe(403);
  });

  it('is refused to a role that cannot use it, and the attempt is recorded', async () => {
    const response = await post(`/api/v1/people/${personId}/break-glass`, volunteer, { reason: 'Worried about her' });
    expect(response.statusCode).toBe(403);
    expect(await eventsFor(String(response.headers['x-request-id']))).toMatchObject([{ action: 'break_glass', outcome: 'denied' }]);
  });

  it('opens the record with the reason for the configured time, every look flagged', async () => {
    const granted = await post(`/api/v1/people/${personId}/break-glass`, nurse, { reason: 'Found on the floor at home; needs her medicines list' });
    expect(granted.statusCode).toBe(201);
    expect(granted.json().expiresAt).toBe('2026-06-01T13:00:00.000Z');
    expect(await eventsFor(String(granted.headers['x-request-id']))).toMatchObject([
      { action: 'break_glass', outcome: 'allowed', break_glass: true, reason: 'Found on the floor at home; needs her medicines list', purpose: 'emergency' },
    ]);

    const record = await get(`/api/v1/people/${personId}`, nurse);
    expect(record.statusCode).toBe(200);
    expect(record.json().access).toEqual({
      basis: 'break_glass',
      breakGlass: { reason: 'Found on the floor at home; needs her medicines list', expiresAt: '2026-06-01T13:00:00.000Z' },
    });
    expect(await eventsFor(String(record.headers['x-request-id']))).toMatchObject([{ action: 'read', outcome: 'allowed', break_glass: true }]);

    const exported = await get(`/api/v1/people/${personId}/summary/export`, nurse);
    expect(exported.statusCode).toBe(403);
  });

  it('ends at its expiry', async () => {
    const expiry = new Date('2026-06-01T13:00:00Z');
    t.setNow(expiry);
    try {
      const later = { ...nurse, auth: await sessionFor(t.database.db, nurse.staffId, expiry) };
      expect((await get(`/api/v1/people/${personId}`, later)).statusCode).toBe(403);
    } finally {
      t.setNow(NOW);
    }
  });

  it('is on the privacy officer review list with its reason and uses, until an outcome is recorded', async () => {
    expect((await get('/api/v1/break-glass-reviews', nurse)).statusCode).toBe(403);
    const list = await get('/api/v1/break-glass-reviews', privacyOfficer);
    expect(list.statusCode).toBe(200);
    const [grant] = list.json().grants;
    expect(grant).toMatchObject({
      person: { id: personId, name: 'Edith Clarke' },
      staff: { name: 'Grace Mensah' },
      role: 'nurse',
      reason: 'Found on the floor at home; needs her medicines list',
      review: null,
    });
    expect(grant.uses).toBeGreaterThanOrEqual(2);

    const bad = await post(`/api/v1/break-glass-reviews/${grant.id}`, privacyOfficer, { outcome: 'fine' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toContainEqual(expect.objectContaining({ field: 'outcome' }));

    const reviewed = await post(`/api/v1/break-glass-reviews/${grant.id}`, privacyOfficer, { outcome: 'appropriate', note: 'Ambulance crew call confirmed' });
    expect(reviewed.statusCode).toBe(204);
    expect((await post(`/api/v1/break-glass-reviews/${grant.id}`, privacyOfficer, { outcome: 'appropriate' })).statusCode).toBe(409);
    expect((await get('/api/v1/break-glass-reviews', privacyOfficer)).json().grants).toEqual([]);
    const all = (await get('/api/v1/break-glass-reviews?status=reviewed', privacyOfficer)).json().grants;
    expect(all[0].review).toMatchObject({ outcome: 'appropriate', note: 'Ambulance crew call confirmed' });
    const one = await get(`/api/v1/break-glass-reviews/${grant.id}`, privacyOfficer);
    expect(one.json()).toMatchObject({ id: grant.id, review: { outcome: 'appropriate' } });
    expect((await get('/api/v1/break-glass-reviews/00000000-0000-4000-8000-000000000000', privacyOfficer)).statusCode).toBe(404);
    expect((await get(`/api/v1/break-glass-reviews/${grant.id}`, nurse)).statusCode).toBe(403);
  });

  it('shows in who has looked at the record, which the privacy officer can print', async () => {
    const looked = await get(`/api/v1/people/${personId}/who-looked`, privacyOfficer);
    expect(looked.statusCode).toBe(200);
    const sentences: string[] = looked.json().looks.map((l: { sentence: string }) => l.sentence);
    expect(sentences.some((s) => s.includes('Grace Mensah') && /emergency access/i.test(s))).toBe(true);
    const printed = await post(`/api/v1/people/${personId}/who-looked/print`, privacyOfficer, {});
    expect(printed.statusCode).toBe(200);
    expect(await eventsFor(String(printed.headers['x-request-id']))).toMatchObject([{ action: 'print', outcome: 'allowed' }]);
    expect((await get(`/api/v1/people/${personId}/who-looked`, nurse)).statusCode).toBe(403);
  });

  it('lets the privacy officer query the log by person and by member of staff', async () => {
    const byPerson = await get(`/api/v1/audit-events?personId=${personId}&limit=500`, privacyOfficer);
    expect(byPerson.statusCode).toBe(200);
    const events = byPerson.json().events as { action: string; actor: { staffId: string }; staffName: string; person: { name: string } }[];
    const emergency = events.find((e) => e.action === 'break_glass' && e.actor.staffId === nurse.staffId);
    expect(emergency).toMatchObject({ staffName: 'Grace Mensah', organisationName: 'Croydon Health Services', person: { name: 'Edith Clarke' } });
    const byStaff = await get(`/api/v1/audit-events?staffId=${nurse.staffId}&from=2026-06-01T00:00:00Z&to=2026-06-02T00:00:00Z`, privacyOfficer);
    expect(byStaff.json().events.every((e: { actor: { staffId: string } }) => e.actor.staffId === nurse.staffId)).toBe(true);
    expect((await get(`/api/v1/audit-events?from=yesterday`, privacyOfficer)).statusCode).toBe(400);
    expect((await get(`/api/v1/audit-events?personId=${personId}`, nurse)).statusCode).toBe(403);
  });
});
