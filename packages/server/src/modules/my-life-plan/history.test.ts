import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { careScene, type CareScene } from '../../../test/care-fixtures.js';
import { draftOf, firstDraft, moveClock, planRequests } from '../../../test/plan-fixtures.js';

const NOW = new Date('2026-06-01T09:00:00Z');
const day = (n: number) => new Date(NOW.getTime() + n * 86_400_000);
let t: TestApp;
let scene: CareScene;
let plan: ReturnType<typeof planRequests>;
let goalIds: string[];

beforeAll(async () => {
  t = await buildTestApp(NOW);
  scene = await careScene(t.database.db, NOW);
  plan = planRequests(t, scene);
  const first = (await plan.save(scene.coordinator, firstDraft('2026-09-30'))).json();
  goalIds = first.content.goals.map((g: { id: string }) => g.id);
  await moveClock(t, scene, day(2));
  const draft = draftOf(first);
  const [goal] = draft.goals;
  const second = { ...draft, reviewDate: '2026-08-31', goals: [{ ...goal!, actions: [] }, draft.goals[1]!], strengths: [{ text: 'I never give up', personsOwnWords: true }] };
  await plan.save(scene.nurse, second);
});
afterAll(() => t.close());

describe('the plan’s history and what changed', () => {
  it('lists every version, newest first: who saved it, from where, when, and whether it was agreed', async () => {
    const res = await plan.get(scene.coordinator, '/versions');
    expect(res.statusCode).toBe(200);
    expect(res.json().versions).toEqual([
      expect.objectContaining({ version: 2, basedOn: 1, savedBy: expect.objectContaining({ name: 'Nia Nurse' }), organisationName: 'Community Health for Ada Lovelace', agreed: false }),
      expect.objectContaining({ version: 1, basedOn: 0, savedBy: expect.objectContaining({ name: 'Pat Coordinator' }), savedAt: NOW.toISOString(), reviewDate: '2026-09-30' }),
    ]);
  });

  it('reads an old version as it was saved, and 404s a version never saved', async () => {
    const first = (await plan.get(scene.nurse, '/versions/1')).json();
    expect(first.content.strengths).toEqual([]);
    expect(first.content.goals[0].actions).toHaveLength(2);
    expect((await plan.get(scene.nurse, '/versions/9')).statusCode).toBe(404);
  });

  it('says in plain English what changed between two versions', async () => {
    const res = await plan.get(scene.nurse, '/diff?from=1&to=2');
    expect(res.statusCode).toBe(200);
    const changes = res.json().changes as { part: string; kind: string; subject: string; summary: string }[];
    expect(changes.map((c) => [c.part, c.kind, c.subject])).toEqual([
      ['strengths', 'added', 'statement'],
      ['goals', 'removed', 'action'],
      ['goals', 'removed', 'action'],
      ['reviewDate', 'changed', 'review_date'],
    ]);
    expect(changes.at(-1)!.summary).toBe('Review date moved from 30 September 2026 to 31 August 2026.');
  });

  it('names `from` or `to` when a version does not exist or they are the wrong way round', async () => {
    const backwards = await plan.get(scene.nurse, '/diff?from=2&to=1');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([{ field: 'to', reason: expect.any(String) }]);
    const unknown = await plan.get(scene.nurse, '/diff?from=1&to=7');
    expect(unknown.json().errors).toEqual([{ field: 'to', reason: 'The plan has no version 7' }]);
    const missing = await plan.get(scene.nurse, '/diff?to=2');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('from');
  });
});

describe('the person’s agreement', () => {
  it('is recorded once for a version, and shown with the plan and its history', async () => {
    const agreement = { version: 2, how: 'in_person', agreedOn: '2026-06-03', note: 'Read through together at home' };
    const res = await plan.post(scene.coordinator, '/agreements', agreement);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ ...agreement, recordedBy: { kind: 'staff', name: 'Pat Coordinator' } });

    const again = await plan.post(scene.nurse, '/agreements', { ...agreement, how: 'phone' });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('version');

    expect((await plan.read(scene.nurse)).json().agreement).toMatchObject({ version: 2, how: 'in_person', agreedOn: '2026-06-03' });
    const versions = (await plan.get(scene.nurse, '/versions')).json().versions as { version: number; agreed: boolean }[];
    expect(versions.map((v) => [v.version, v.agreed])).toEqual([[2, true], [1, false]]);
  });

  it('names what is wrong with an agreement: a future day, a version never saved, a way only the person can agree', async () => {
    const res = await plan.post(scene.coordinator, '/agreements', { version: 1, how: 'portal', agreedOn: '2026-07-01' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['how', 'agreedOn']);
    const unknown = await plan.post(scene.coordinator, '/agreements', { version: 5, how: 'phone', agreedOn: '2026-06-02' });
    expect(unknown.json().errors.map((e: { field: string }) => e.field)).toEqual(['version']);
  });
});

describe('progress on goals over time', () => {
  it('gives each goal its series of statuses, oldest first, and its current status', async () => {
    const [chess] = goalIds;
    await moveClock(t, scene, day(5));
    expect((await plan.post(scene.coordinator, `/goals/${chess}/progress`, { status: 'in_progress', note: 'Went once with Grace' })).statusCode).toBe(201);
    await moveClock(t, scene, day(40));
    const res = await plan.post(scene.nurse, `/goals/${chess}/progress`, { status: 'achieved' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      goalId: chess,
      goal: { domain: 'community_and_social_life', inMyWords: 'I want to get back to the chess club on Thursdays' },
      since: NOW.toISOString(),
      points: [
        { status: 'in_progress', at: day(5).toISOString(), note: 'Went once with Grace', recordedBy: { name: 'Pat Coordinator' } },
        { status: 'achieved', at: day(40).toISOString(), recordedBy: { name: 'Nia Nurse' } },
      ],
      current: 'achieved',
    });
    const series = (await plan.read(scene.coordinator)).json().goalProgress as { goalId: string; current: string }[];
    expect(series.map((s) => s.current)).toEqual(['achieved', 'not_started']);
  });

  it('refuses progress on a goal not in the plan, or a status it does not know, naming the field', async () => {
    const unknown = await plan.post(scene.nurse, `/goals/${randomUUID()}/progress`, { status: 'achieved' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ field: 'goalId', reason: 'No such goal in this plan' }]);
    const status = await plan.post(scene.nurse, `/goals/${goalIds[0]}/progress`, { status: 'nearly' });
    expect(status.json().errors.map((e: { field: string }) => e.field)).toEqual(['status']);
  });
});

describe('the review date', () => {
  it('is due soon in the fortnight before, and overdue once it has passed', async () => {
    await moveClock(t, scene, new Date('2026-08-20T09:00:00Z'));
    expect((await plan.read(scene.nurse)).json()).toMatchObject({ reviewDate: '2026-08-31', reviewState: 'due_soon' });
    await moveClock(t, scene, new Date('2026-09-01T09:00:00Z'));
    expect((await plan.read(scene.nurse)).json().reviewState).toBe('overdue');
  });
});
