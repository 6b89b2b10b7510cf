import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, grantBreakGlass, staffWithSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { careScene, type CareScene } from '../../../test/care-fixtures.js';
import { firstDraft, planRequests } from '../../../test/plan-fixtures.js';

const NOW = new Date('2026-06-01T09:00:00Z');
const APPEND_ONLY = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };
let t: TestApp;
let scene: CareScene;
let plan: ReturnType<typeof planRequests>;

beforeAll(async () => {
  t = await buildTestApp(NOW);
  scene = await careScene(t.database.db, NOW);
  plan = planRequests(t, scene);
  await plan.save(scene.coordinator, firstDraft());
  await plan.post(scene.coordinator, '/agreements', { version: 1, how: 'in_person', agreedOn: '2026-06-01' });
});
afterAll(() => t.close());

describe('the plan leaving Kith', () => {
  it('prints as a large-print PDF to keep, recorded as a print', async () => {
    const res = await plan.get(scene.nurse, '/print');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="my-life-plan-version-1.pdf"');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(await plan.auditCount({ staffId: scene.nurse.staffId, action: 'print', outcome: 'allowed' })).toBe(1);
  });

  it('exports the current plan as JSON for another system, recorded as an export', async () => {
    const res = await plan.get(scene.coordinator, '/export');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="my-life-plan-version-1.json"');
    expect(res.json()).toMatchObject({ personId: scene.personId, version: 1, agreement: { version: 1 }, exportedAt: NOW.toISOString() });
    expect(res.json().content.goals).toHaveLength(2);
    expect(await plan.auditCount({ staffId: scene.coordinator.staffId, action: 'export', outcome: 'allowed' })).toBe(1);
  });

  it('cannot be printed or exported under emergency access, though it can be read', async () => {
    const hospital = await createOrganisation(t.database.db, 'Borough General Hospital');
    const emergency = await staffWithSession(t.database.db, 'nurse', hospital, NOW, 'Eve Emergency');
    await grantBreakGlass(t.database.db, scene.personId, emergency.staffId, hospital, 'nurse', NOW);
    expect((await plan.read(emergency)).statusCode).toBe(200);
    expect((await plan.get(emergency, '/print')).statusCode).toBe(403);
    expect((await plan.get(emergency, '/export')).statusCode).toBe(403);
    expect(await plan.auditCount({ staffId: emergency.staffId, action: 'print', outcome: 'denied' })).toBe(1);
  });

  it('answers 404 to print a plan never written', async () => {
    const other = await careScene(t.database.db, NOW, 'Mary Seacole');
    const res = await planRequests(t, other).get(other.nurse, '/print');
    expect(res.statusCode).toBe(404);
  });
});

describe('who may see the plan', () => {
  it('refuses staff with no relationship to the person, and records each refusal', async () => {
    expect((await plan.read(scene.stranger)).statusCode).toBe(403);
    expect((await plan.save(scene.stranger, firstDraft())).statusCode).toBe(403);
    expect((await plan.get(scene.stranger, '/print')).statusCode).toBe(403);
    for (const action of ['read', 'write', 'print']) {
      expect(await plan.auditCount({ staffId: scene.stranger.staffId, action, outcome: 'denied' })).toBe(1);
    }
    expect(await plan.versionCount()).toBe(1);
  });
});

describe('what is kept', () => {
  it('cannot be changed or removed in the database: versions, agreements and progress are append-only', async () => {
    const db = t.database.db;
    await expect(db.execute(sql`UPDATE my_life_plan_version SET based_on = 0 WHERE person_id = ${scene.personId}`)).rejects.toMatchObject(APPEND_ONLY);
    await expect(db.execute(sql`DELETE FROM my_life_plan_version WHERE person_id = ${scene.personId}`)).rejects.toMatchObject(APPEND_ONLY);
    await expect(db.execute(sql`UPDATE plan_agreement SET how = 'phone' WHERE person_id = ${scene.personId}`)).rejects.toMatchObject(APPEND_ONLY);
  });
});
