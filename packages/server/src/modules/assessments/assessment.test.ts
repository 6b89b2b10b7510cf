import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/client.js';
import { medication } from '../../platform/db/schema.js';
import { insertCondition } from '../../../test/meeting-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { careScene, type CareScene } from '../../../test/care-fixtures.js';

const NOW = new Date('2026-06-01T09:00:00Z');
let t: TestApp;
let scene: CareScene;

beforeAll(async () => {
  t = await buildTestApp(NOW);
  scene = await careScene(t.database.db, NOW);
  await insertCondition(t.database.db, scene.personId, '73211009', 'Diabetes mellitus', '2015-04-01');
});
afterAll(() => t.close());

const APPEND_ONLY = { cause: expect.objectContaining({ message: expect.stringMatching(/append-only/) }) };
const url = () => `/api/v1/people/${scene.personId}/assessment`;
const save = (who: CareScene['nurse'], section: string, payload: object) =>
  t.app.inject({ method: 'PUT', url: `${url()}/sections/${section}`, headers: who.auth, payload });
const auditCount = async () =>
  (await rowsOf<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM assessment_version WHERE person_id = ${scene.personId}`))[0]!.n;

describe('the one trusted assessment', () => {
  it('starts empty, showing what the record already holds instead of asking it', async () => {
    const res = await t.app.inject({ method: 'GET', url: url(), headers: scene.coordinator.auth });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ version: 0, lastSaved: null, content: {} });
    expect(res.json().held.conditions).toEqual([{ display: 'Diabetes mellitus', code: '73211009', onsetDate: '2015-04-01' }]);
  });

  it('shows the medicines the person takes now, not those stopped or ended', async () => {
    const medicine = (code: string, display: string, status: string, endDate: string | null = null) =>
      t.database.db.insert(medication).values({
        id: randomUUID(),
        personId: scene.personId,
        codeSystem: 'dmd',
        code,
        display,
        dosage: 'One a day',
        status,
        startDate: '2025-01-01',
        endDate,
        sourceSystem: 'gp',
        sourceId: `med-${code}`,
      });
    await medicine('1', 'Amlodipine 5mg tablets', 'active');
    await medicine('2', 'Metformin 500mg tablets', 'on-hold');
    await medicine('3', 'Amoxicillin 500mg capsules', 'active', '2026-05-20');
    await medicine('4', 'Ramipril 2.5mg capsules', 'stopped');
    await medicine('5', 'Paracetamol 500mg tablets', 'active', '2026-06-01');
    const res = await t.app.inject({ method: 'GET', url: url(), headers: scene.nurse.auth });
    expect(res.json().held.medicines.map((m: { display: string }) => m.display)).toEqual([
      'Amlodipine 5mg tablets',
      'Metformin 500mg tablets',
      'Paracetamol 500mg tablets',
    ]);
    expect(res.json().held.medicines[0]).toEqual({ display: 'Amlodipine 5mg tablets', code: '1', dosage: 'One a day', startDate: '2025-01-01' });
  });

  it('sections completed by different professionals are one assessment that every organisation with access sees', async () => {
    const first = await save(scene.coordinator, 'loneliness_and_connections', { basedOnVersion: 0, answers: { contact_with_others: 'monthly', groups: 'Church on Sundays' } });
    expect(first.statusCode).toBe(200);
    expect(first.json().version).toBe(1);
    const second = await save(scene.nurse, 'mobility_and_falls', { basedOnVersion: 1, answers: { walking: 'aid', falls_last_year: 2 } });
    expect(second.json().version).toBe(2);

    const seenByCoordinator = (await t.app.inject({ method: 'GET', url: url(), headers: scene.coordinator.auth })).json();
    const seenByNurse = (await t.app.inject({ method: 'GET', url: url(), headers: scene.nurse.auth })).json();
    expect(seenByCoordinator.content).toEqual(seenByNurse.content);
    expect(seenByNurse.content.loneliness_and_connections.groups.recordedBy).toMatchObject({ name: 'Pat Coordinator', role: 'coordinator' });
    expect(seenByNurse.content.mobility_and_falls.walking.recordedBy).toMatchObject({ name: 'Nia Nurse', role: 'nurse' });
    expect(seenByNurse.lastSaved).toMatchObject({ by: 'Nia Nurse' });
  });

  it('a save based on an older version is refused with what changed since, and writes nothing', async () => {
    const before = await auditCount();
    const stale = await save(scene.coordinator, 'memory', { basedOnVersion: 1, answers: { memory_concern: 'some' } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().errors).toEqual([{ field: 'basedOnVersion', reason: 'Stale: the assessment is at version 2' }]);
    expect(stale.json().changedSince).toEqual([expect.objectContaining({ version: 2, sections: ['mobility_and_falls'], by: 'Nia Nurse' })]);
    expect(await auditCount()).toBe(before);
  });

  it('names each bad answer and writes nothing', async () => {
    const before = await auditCount();
    const bad = await save(scene.nurse, 'mobility_and_falls', { basedOnVersion: 2, answers: { walking: 'running', falls_last_year: 500 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((e: { field: string }) => e.field)).toEqual(['answers.walking', 'answers.falls_last_year']);
    const unknown = await save(scene.nurse, 'horoscope', { basedOnVersion: 2, answers: {} });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('section');
    expect(await auditCount()).toBe(before);
  });

  it('keeps every version: the history says who saved which section, and an old version reads as it was', async () => {
    const history = (await t.app.inject({ method: 'GET', url: `${url()}/versions`, headers: scene.nurse.auth })).json();
    expect(history.versions.map((v: { version: number; sectionsChanged: string[] }) => [v.version, v.sectionsChanged])).toEqual([
      [2, ['mobility_and_falls']],
      [1, ['loneliness_and_connections']],
    ]);
    const first = (await t.app.inject({ method: 'GET', url: `${url()}/versions/1`, headers: scene.nurse.auth })).json();
    expect(first.content).not.toHaveProperty('mobility_and_falls');
    const missing = await t.app.inject({ method: 'GET', url: `${url()}/versions/9`, headers: scene.nurse.auth });
    expect(missing.statusCode).toBe(404);
  });

  it('the database refuses to change or remove a version', async () => {
    await expect(t.database.db.execute(sql`UPDATE assessment_version SET sections_changed = '{}' WHERE person_id = ${scene.personId}`)).rejects.toMatchObject(APPEND_ONLY);
    await expect(t.database.db.execute(sql`DELETE FROM assessment_version WHERE person_id = ${scene.personId}`)).rejects.toMatchObject(APPEND_ONLY);
  });

  it('is refused, and the refusal recorded, for staff with no relationship to the person', async () => {
    const res = await t.app.inject({ method: 'GET', url: url(), headers: scene.stranger.auth });
    expect(res.statusCode).toBe(403);
    const [denied] = await rowsOf<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_event WHERE actor_staff_id = ${scene.stranger.staffId} AND resource_type = 'assessment' AND outcome = 'denied'`,
    );
    expect(denied!.n).toBe(1);
  });
});
