import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rowsOf } from '../../platform/db/client.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { careScene, type CareScene } from '../../../test/care-fixtures.js';

const NOW = new Date('2026-06-01T09:00:00Z');
let t: TestApp;
let scene: CareScene;

beforeAll(async () => {
  t = await buildTestApp(NOW);
  scene = await careScene(t.database.db, NOW);
});
afterAll(() => t.close());

const url = () => `/api/v1/people/${scene.personId}/instruments`;
const record = (payload: object, who = scene.coordinator) => t.app.inject({ method: 'POST', url: url(), headers: who.auth, payload });
const stored = async () => (await rowsOf<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM instrument_result`))[0]!.n;
const swemwbs = (each: number) => Object.fromEntries([1, 2, 3, 4, 5, 6, 7].map((i) => [`item${i}`, each]));

describe('standard instruments recorded with the person', () => {
  it('scores SWEMWBS as it is recorded: raw 21 is a metric score of 19.25', async () => {
    const res = await record({ instrument: 'swemwbs', answers: { ...swemwbs(3) } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ instrument: 'swemwbs', score: 19.25, recordedByName: 'Pat Coordinator', title: expect.stringContaining('Warwick-Edinburgh') });
  });

  it('lists what was recorded, newest first, for everyone caring for the person', async () => {
    t.setNow(new Date(NOW.getTime() + 60_000));
    await record({ instrument: 'ucla3', answers: { item1: 3, item2: 2, item3: 3 } }, scene.nurse);
    const list = (await t.app.inject({ method: 'GET', url: url(), headers: scene.coordinator.auth })).json();
    expect(list.results.map((r: { instrument: string; score: number }) => [r.instrument, r.score])).toEqual([
      ['ucla3', 8],
      ['swemwbs', 19.25],
    ]);
    const onlyUcla = (await t.app.inject({ method: 'GET', url: `${url()}?instrument=ucla3`, headers: scene.nurse.auth })).json();
    expect(onlyUcla.results).toHaveLength(1);
  });

  it('refuses an unknown instrument, an out-of-range answer and an episode not the person’s, writing nothing', async () => {
    const before = await stored();
    const unknown = await record({ instrument: 'horoscope', answers: {} });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('instrument');
    const outOfRange = await record({ instrument: 'phq9', answers: { item1: 4 } });
    expect(outOfRange.statusCode).toBe(400);
    expect(outOfRange.json().errors.map((e: { field: string }) => e.field)).toContain('answers.item1');
    const strangeEpisode = await record({ instrument: 'ucla3', answers: { item1: 1, item2: 1, item3: 1 }, episodeId: '00000000-0000-4000-8000-000000000001', moment: 'start' });
    expect(strangeEpisode.statusCode).toBe(400);
    expect(strangeEpisode.json().errors[0].field).toBe('episodeId');
    const momentAlone = await record({ instrument: 'ucla3', answers: { item1: 1, item2: 1, item3: 1 }, moment: 'end' });
    expect(momentAlone.json().errors[0].field).toBe('episodeId');
    expect(await stored()).toBe(before);
  });
});
