import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { careContact, episodeEvent, supportEpisode } from '../../platform/db/care-schema.js';
import { rowsOf } from '../../platform/db/client.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { careScene, type CareScene } from '../../../test/care-fixtures.js';
import { giveConsent, staffWithSession } from '../../../test/access-fixtures.js';

const NOW = new Date('2026-06-01T09:00:00Z');
let t: TestApp;
let scene: CareScene;

const at = (day: number, hour = 10) => new Date(Date.UTC(2026, 4, day, hour));

async function contact(recordedBy: string, organisationId: string, when: Date, note: string) {
  await t.database.db.insert(careContact).values({
    id: randomUUID(),
    personId: scene.personId,
    kind: 'home_visit',
    at: when,
    minutes: 45,
    note,
    recordedBy,
    organisationId,
    recordedAt: when,
  });
}

beforeAll(async () => {
  t = await buildTestApp(NOW);
  scene = await careScene(t.database.db, NOW);
  const db = t.database.db;
  const episodeId = randomUUID();
  await db.insert(supportEpisode).values({
    id: episodeId,
    personId: scene.personId,
    type: 'pic_independence_support',
    status: 'active',
    plannedWeeks: 12,
    startOn: '2026-05-04',
    organisationId: scene.coordinator.organisationId,
    createdBy: scene.coordinator.staffId,
    createdAt: at(4),
  });
  await db.insert(episodeEvent).values({ id: randomUUID(), episodeId, change: 'created', toStatus: 'active', on: '2026-05-04', by: scene.coordinator.staffId, at: at(4) });
  await contact(scene.coordinator.staffId, scene.coordinator.organisationId, at(6), 'First home visit: talked about the garden');
  await contact(scene.nurse.staffId, scene.nurse.organisationId, at(8), 'Dressing changed');
  const save = await t.app.inject({
    method: 'PUT',
    url: `/api/v1/people/${scene.personId}/assessment/sections/memory`,
    headers: scene.nurse.auth,
    payload: { basedOnVersion: 0, answers: { memory_concern: 'some' } },
  });
  expect(save.statusCode).toBe(200);
});
afterAll(() => t.close());

const timeline = (who: { auth: Record<string, string> }, query = '') =>
  t.app.inject({ method: 'GET', url: `/api/v1/people/${scene.personId}/timeline${query}`, headers: who.auth });

describe("the person's shared timeline", () => {
  it('without consent to share, each organisation sees its own contacts, and everything else, newest first', async () => {
    const res = await timeline(scene.coordinator);
    expect(res.statusCode).toBe(200);
    const titles = res.json().entries.map((e: { type: string; title: string }) => `${e.type}: ${e.title}`);
    expect(titles).toEqual([
      'assessment: Assessment updated: Memory',
      'contact: Home visit, 45 minutes',
      'episode: Independence support (Personal Independence Coordinator): episode opened',
    ]);
  });

  it('with consent to share, every organisation with access sees the same story', async () => {
    await giveConsent(t.database.db, scene.personId, 'alliance_sharing', NOW);
    const coordinator = (await timeline(scene.coordinator)).json().entries;
    const nurse = (await timeline(scene.nurse)).json().entries;
    expect(coordinator).toEqual(nurse);
    expect(coordinator.filter((e: { type: string }) => e.type === 'contact')).toHaveLength(2);
    expect(coordinator[1]).toMatchObject({ title: 'Home visit, 45 minutes', detail: 'Dressing changed', by: 'Nia Nurse', organisationId: scene.nurse.organisationId });
  });

  it('filters by type and by organisation, and pages with a cursor', async () => {
    const contacts = (await timeline(scene.nurse, '?types=contact')).json().entries;
    expect(contacts.map((e: { detail: string }) => e.detail)).toEqual(['Dressing changed', 'First home visit: talked about the garden']);
    const fromNurse = (await timeline(scene.nurse, `?organisationId=${scene.nurse.organisationId}`)).json().entries;
    expect(fromNurse.every((e: { organisationId: string }) => e.organisationId === scene.nurse.organisationId)).toBe(true);
    const first = (await timeline(scene.nurse, '?limit=2')).json();
    expect(first.entries).toHaveLength(2);
    const second = (await timeline(scene.nurse, `?limit=2&before=${encodeURIComponent(first.nextBefore)}`)).json();
    const all = (await timeline(scene.nurse)).json().entries;
    expect([...first.entries, ...second.entries]).toEqual(all.slice(0, 4));
  });

  it('records each part of the record it read, in the statement that read it', async () => {
    const res = await timeline(scene.nurse);
    const events = await rowsOf<{ resource_type: string; action: string }>(
      t.database.db,
      sql`SELECT resource_type, action FROM audit_event WHERE request_id = ${res.headers['x-request-id'] as string} ORDER BY resource_type`,
    );
    expect(events.map((e) => e.resource_type)).toEqual(expect.arrayContaining(['assessment', 'plan', 'record_entry', 'summary']));
    expect(new Set(events.map((e) => e.action))).toEqual(new Set(['read']));
  });

  it('names a bad filter', async () => {
    const res = await timeline(scene.nurse, '?types=contact,gossip&limit=0');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['limit', 'types']);
  });

  it('shows a role only the parts of the record it may read', async () => {
    const independentLiving = await staffWithSession(t.database.db, 'independent_living', scene.nurse.organisationId, NOW, 'Ivy Living');
    await t.app.inject({ method: 'POST', url: `/api/v1/people/${scene.personId}/care-team`, headers: scene.coordinator.auth, payload: { staffId: independentLiving.staffId, organisationId: scene.nurse.organisationId } });
    const res = await timeline(independentLiving);
    expect(res.statusCode).toBe(200);
    const types = new Set(res.json().entries.map((e: { type: string }) => e.type));
    expect(types).toEqual(new Set(['episode']));
  });

  it('refuses staff with no relationship', async () => {
    const stranger = await timeline(scene.stranger);
    expect(stranger.statusCode).toBe(403);
  });
});
