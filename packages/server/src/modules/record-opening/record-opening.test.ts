import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careContact } from '../../platform/db/care-schema.js';
import { rowsOf } from '../../platform/db/client.js';
import { giveConsent, staffWithSession, type StaffSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { careScene, type CareScene } from '../../../test/care-fixtures.js';
import { firstDraft, planRequests } from '../../../test/plan-fixtures.js';

const NOW = new Date('2026-06-01T09:00:00Z');
let t: TestApp;
let scene: CareScene;

beforeAll(async () => {
  t = await buildTestApp(NOW);
  scene = await careScene(t.database.db, NOW);
  await t.database.db.insert(careContact).values({
    id: randomUUID(),
    personId: scene.personId,
    kind: 'home_visit',
    at: new Date('2026-05-20T10:00:00Z'),
    minutes: 40,
    note: 'Talked about the chess club',
    recordedBy: scene.coordinator.staffId,
    organisationId: scene.coordinator.organisationId,
    recordedAt: new Date('2026-05-20T10:00:00Z'),
  });
  const saved = await planRequests(t, scene).save(scene.coordinator, firstDraft());
  expect(saved.statusCode).toBe(200);
});
afterAll(() => t.close());

const get = (who: StaffSession, path: string, id = scene.personId) =>
  t.app.inject({ method: 'GET', url: `/api/v1/people/${id}${path}`, headers: who.auth });

/** What each audit event of one request was about, sorted. */
async function looksOf(requestId: string) {
  const rows = await rowsOf<{ look: string }>(
    t.database.db,
    sql`SELECT action || ' ' || resource_type || ' ' || outcome AS look FROM audit_event WHERE request_id = ${requestId} ORDER BY 1`,
  );
  return rows.map((r) => r.look);
}

describe('opening a record in one request', () => {
  it('answers what the person, timeline and plan requests answer', async () => {
    const opening = await get(scene.coordinator, '/record');
    expect(opening.statusCode).toBe(200);
    const [person, timeline, plan] = await Promise.all(['', '/timeline', '/plan'].map((path) => get(scene.coordinator, path)));
    expect(opening.json()).toEqual({ person: person!.json(), timeline: timeline!.json(), plan: plan!.json() });
    expect(opening.json().plan.version).toBe(1);
    expect(opening.json().timeline.entries.map((e: { type: string }) => e.type)).toEqual(['plan_version', 'contact']);
  });

  it('records the same looks as the three requests, in the statement that reads them', async () => {
    const opening = await get(scene.nurse, '/record');
    const apart = await Promise.all(['', '/timeline', '/plan'].map((path) => get(scene.nurse, path)));
    const separately = (await Promise.all(apart.map((res) => looksOf(res.headers['x-request-id'] as string)))).flat().sort();
    expect(await looksOf(opening.headers['x-request-id'] as string)).toEqual(separately);
    expect(separately).toEqual(expect.arrayContaining(['read contact_details allowed', 'read plan allowed', 'read summary allowed']));
  });

  it('leaves out, unrecorded, the parts the reader may not see', async () => {
    const volunteer = await staffWithSession(t.database.db, 'volunteer', scene.coordinator.organisationId, NOW, 'Val Volunteer');
    await giveConsent(t.database.db, scene.personId, 'voluntary_sector_contact', NOW);
    const added = await t.app.inject({
      method: 'POST',
      url: `/api/v1/people/${scene.personId}/care-team`,
      headers: scene.coordinator.auth,
      payload: { staffId: volunteer.staffId, organisationId: scene.coordinator.organisationId },
    });
    expect(added.statusCode).toBe(200);
    expect((await get(volunteer, '/plan')).statusCode).toBe(403);
    expect((await get(volunteer, '/timeline')).statusCode).toBe(403);
    const opening = await get(volunteer, '/record');
    expect(opening.statusCode).toBe(200);
    expect(opening.json()).toMatchObject({ person: { id: scene.personId }, timeline: null, plan: null });
    expect(await looksOf(opening.headers['x-request-id'] as string)).toEqual(['read contact_details allowed']);
  });

  it('refuses staff with no relationship, recording the refusal and nothing read', async () => {
    const res = await get(scene.stranger, '/record');
    expect(res.statusCode).toBe(403);
    expect(await looksOf(res.headers['x-request-id'] as string)).toEqual(['read contact_details denied']);
  });

  it('answers 404 for no such person and 400 for a malformed id', async () => {
    expect((await get(scene.coordinator, '/record', randomUUID())).statusCode).toBe(404);
    const bad = await get(scene.coordinator, '/record', 'not-an-id');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('id');
  });
});
