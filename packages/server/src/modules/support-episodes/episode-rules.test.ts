import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCareTeam, insertPerson, staffWithSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { careScene, type CareScene } from '../../../test/care-fixtures.js';
import { deniedCount, referralReceived, wellbeingScore, writtenCounts } from '../../../test/episode-fixtures.js';

const NOW = new Date('2026-06-01T09:00:00Z');
let t: TestApp;
let scene: CareScene;
let episodeId: string;

beforeAll(async () => {
  t = await buildTestApp(NOW);
  scene = await careScene(t.database.db, NOW);
});
afterAll(() => t?.close());

type Who = CareScene['coordinator'];
const url = (path = '') => `/api/v1/people/${scene.personId}/episodes${path}`;
const open = (who: Who, payload: object) => t.app.inject({ method: 'POST', url: url(), headers: who.auth, payload });
const change = (who: Who, id: string, payload: object) => t.app.inject({ method: 'POST', url: url(`/${id}/changes`), headers: who.auth, payload });
const fields = (res: { json(): { errors?: { field: string }[] } }) => res.json().errors?.map((e) => e.field);
const counts = () => writtenCounts(t.database.db);

describe('the rules an episode keeps', () => {
  it('allows one open episode of each type per person: a second is 409 naming type, and writes nothing', async () => {
    const first = await open(scene.coordinator, { type: 'care_coordination', startOn: '2026-05-20', plannedWeeks: 8 });
    expect(first.statusCode).toBe(201);
    episodeId = first.json().id;
    expect(first.json().weekLabel).toBe('week 2 of 8');
    const before = await counts();
    const second = await open(scene.nurse, { type: 'care_coordination' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ errors: [{ field: 'type', reason: 'This person already has an open episode of this type' }], existingId: episodeId });
    expect(await counts()).toEqual(before);
  });

  it('answers two episodes opened at once as the check would: one is opened, the other is 409', async () => {
    const both = await Promise.all([0, 1].map(() => open(scene.coordinator, { type: 'pic_independence_support' })));
    expect(both.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(fields(both.find((r) => r.statusCode === 409)!)).toEqual(['type']);
  });

  it('names each field at fault and writes nothing', async () => {
    const before = await counts();
    const otherPerson = await insertPerson(t.database.db, scene.practiceId, 'Bea Hughes');
    const notTheirs = await referralReceived(t.database.db, otherPerson, scene.networkId, NOW);
    const cases: [object, string[]][] = [
      [{ type: 'care_coordination', referralId: notTheirs }, ['referralId']],
      [{ type: 'befriending' }, ['type']],
      [{ type: 'care_coordination', startOn: '2026-06-02' }, ['startOn']],
      [{ type: 'care_coordination', plannedWeeks: 0, colour: 'blue' }, ['plannedWeeks', 'colour']],
    ];
    for (const [payload, named] of cases) {
      const res = await open(scene.coordinator, payload);
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toEqual(named);
    }
    const badChanges: [object, string[]][] = [
      [{ kind: 'fly', version: 1 }, ['kind']],
      [{ kind: 'change_length', plannedWeeks: 99 }, ['plannedWeeks', 'version']],
      [{ kind: 'pause', reason: 'bored', version: 1 }, ['reason']],
    ];
    for (const [payload, named] of badChanges) expect(fields(await change(scene.coordinator, episodeId, payload))).toEqual(named);
    expect(await counts()).toEqual(before);
  });

  it('is 404 for an episode the person does not have', async () => {
    const res = await change(scene.coordinator, randomUUID(), { kind: 'resume', version: 1 });
    expect(res.statusCode).toBe(404);
  });

  it('answers two changes made at once from the same version: one lands, the other is 409', async () => {
    const both = await Promise.all([
      change(scene.coordinator, episodeId, { kind: 'pause', reason: 'away_from_home', version: 1 }),
      change(scene.nurse, episodeId, { kind: 'change_length', plannedWeeks: 10, version: 1 }),
    ]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    expect(fields(both.find((r) => r.statusCode === 409)!)).toEqual(['version']);
    const [episode] = (await t.app.inject({ method: 'GET', url: url(), headers: scene.nurse.auth })).json().episodes.filter((e: { id: string }) => e.id === episodeId);
    expect(episode.version).toBe(2);
    expect(episode.history).toHaveLength(2);
  });

  it('compares wellbeing at the start and at the end of the episode', async () => {
    const db = t.database.db;
    const score = (instrument: 'swemwbs' | 'ucla3', moment: 'start' | 'end', value: number) =>
      wellbeingScore(db, { personId: scene.personId, episodeId, instrument, moment, score: value, staffId: scene.coordinator.staffId, at: NOW });
    await score('swemwbs', 'start', 19.25);
    await score('ucla3', 'start', 7);
    await score('swemwbs', 'end', 23.21);
    await score('ucla3', 'end', 5);
    const [episode] = (await t.app.inject({ method: 'GET', url: url(), headers: scene.coordinator.auth })).json().episodes.filter((e: { id: string }) => e.id === episodeId);
    expect(episode.wellbeing).toEqual([
      expect.objectContaining({ measure: 'swemwbs', start: 19.25, end: 23.21, change: 3.96, direction: 'better' }),
      expect.objectContaining({ measure: 'ucla3', start: 7, end: 5, change: -2, direction: 'better' }),
    ]);

    // Scores are part of the assessment: a role that may read the summary but not the assessment sees the episode without them.
    const livingTeam = await staffWithSession(db, 'independent_living', scene.nurse.organisationId, NOW, 'Ivy Living');
    await addToCareTeam(db, scene.personId, livingTeam.staffId, scene.nurse.organisationId, NOW);
    const [seen] = (await t.app.inject({ method: 'GET', url: url(), headers: livingTeam.auth })).json().episodes.filter((e: { id: string }) => e.id === episodeId);
    expect(seen.status).toBeDefined();
    expect(seen.wellbeing).toEqual([]);
  });

  it('refuses staff with no relationship to the person, records each refusal, and writes nothing', async () => {
    const before = await counts();
    const denied = await deniedCount(t.database.db, scene.stranger.staffId, 'summary');
    const read = await t.app.inject({ method: 'GET', url: url(), headers: scene.stranger.auth });
    expect(read.statusCode).toBe(403);
    const write = await open(scene.stranger, { type: 'care_coordination' });
    expect(write.statusCode).toBe(403);
    const pause = await change(scene.stranger, episodeId, { kind: 'resume', version: 2 });
    expect(pause.statusCode).toBe(403);
    expect(await deniedCount(t.database.db, scene.stranger.staffId, 'summary')).toBe(denied + 3);
    expect(await counts()).toEqual(before);
  });
});
