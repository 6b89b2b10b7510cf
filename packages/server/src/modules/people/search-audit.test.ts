import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, giveConsent, insertPerson, staffWithSession, type StaffSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { createPractice } from '../../../test/factories.js';
import { rowsOf } from '../../platform/db/client.js';

const NOW = new Date('2026-06-01T09:00:00Z');
let t: TestApp;
let consenting: string;
let nurse: StaffSession;
let volunteer: StaffSession;
let admin: StaffSession;

beforeAll(async () => {
  t = await buildTestApp(NOW);
  const db = t.database.db;
  const { practiceId } = await createPractice(db);
  const trust = await createOrganisation(db, 'Croydon Health Services');
  const charity = await createOrganisation(db, 'Age UK Croydon', 'voluntary');
  consenting = await insertPerson(db, practiceId, 'Ada Marsh');
  await insertPerson(db, practiceId, 'Alan Marsh');
  await giveConsent(db, consenting, 'voluntary_sector_contact', NOW);
  nurse = await staffWithSession(db, 'nurse', trust, NOW);
  volunteer = await staffWithSession(db, 'volunteer', charity, NOW);
  admin = await staffWithSession(db, 'admin', trust, NOW);
});
afterAll(() => t?.close());

const search = (who: StaffSession) => t.app.inject({ method: 'GET', url: '/api/v1/people?name=marsh', headers: who.auth });
const eventsOf = (requestId: string) =>
  rowsOf<{ action: string; outcome: string; subject_person_id: string | null }>(
    t.database.db,
    sql`SELECT action, outcome, subject_person_id FROM audit_event WHERE request_id = ${requestId} ORDER BY sequence`,
  );

describe('searching people through the gate', () => {
  it('finds people without a relationship, and records one search event per person shown', async () => {
    const response = await search(nurse);
    expect(response.json().items).toHaveLength(2);
    const events = await eventsOf(String(response.headers['x-request-id']));
    expect(events).toHaveLength(2);
    expect(new Set(events.map((e) => e.subject_person_id))).toEqual(new Set(response.json().items.map((p: { id: string }) => p.id)));
    expect(events.every((e) => e.action === 'search' && e.outcome === 'allowed')).toBe(true);
  });

  it('records each person on the page in full, and not the row that only tells whether more follow', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/people?name=marsh&pageSize=1', headers: nurse.auth });
    expect(response.json()).toMatchObject({ hasMore: true, items: [{ familyName: 'Marsh' }] });
    const requestId = String(response.headers['x-request-id']);
    const events = await rowsOf<Record<string, unknown>>(
      t.database.db,
      sql`SELECT actor_kind, actor_staff_id, actor_role, resource_type, action, purpose, break_glass, outcome, reason, subject_person_id,
                 client_address IS NOT NULL AS has_address
          FROM audit_event WHERE request_id = ${requestId}`,
    );
    expect(events).toEqual([
      {
        actor_kind: 'staff',
        actor_staff_id: nurse.staffId,
        actor_role: 'nurse',
        resource_type: 'identity',
        action: 'search',
        purpose: 'direct_care',
        break_glass: false,
        outcome: 'allowed',
        reason: null,
        subject_person_id: response.json().items[0].id,
        has_address: true,
      },
    ]);
  });

  it('shows a volunteer only people who agreed to voluntary-sector contact', async () => {
    const response = await search(volunteer);
    expect(response.json().items.map((p: { id: string }) => p.id)).toEqual([consenting]);
    expect(await eventsOf(String(response.headers['x-request-id']))).toHaveLength(1);
  });

  it('refuses a role that may not search people, and records the refusal', async () => {
    const response = await search(admin);
    expect(response.statusCode).toBe(403);
    expect(await eventsOf(String(response.headers['x-request-id']))).toEqual([{ action: 'search', outcome: 'denied', subject_person_id: null }]);
  });
});
