import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sessionFor } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { careScene, type CareScene } from '../../../test/care-fixtures.js';
import { days, referralReceived, writtenCounts } from '../../../test/episode-fixtures.js';

/** Monday 1 June 2026, 10:00 in London. */
const NOW = new Date('2026-06-01T09:00:00Z');
let t: TestApp;
let scene: CareScene;
let referralId: string;
let episodeId: string;

beforeAll(async () => {
  t = await buildTestApp(NOW);
  scene = await careScene(t.database.db, NOW);
  referralId = await referralReceived(t.database.db, scene.personId, scene.networkId, new Date('2026-05-28T10:00:00Z'));
});
afterAll(() => t?.close());

type Who = CareScene['coordinator'];
const url = (path = '') => `/api/v1/people/${scene.personId}/episodes${path}`;
const open = (who: Who, payload: object) => t.app.inject({ method: 'POST', url: url(), headers: who.auth, payload });
const change = (who: Who, payload: object) => t.app.inject({ method: 'POST', url: url(`/${episodeId}/changes`), headers: who.auth, payload });
const episodes = async (who: Who = scene.coordinator) => (await t.app.inject({ method: 'GET', url: url(), headers: who.auth })).json().episodes;
const theEpisode = async () => (await episodes()).find((e: { id: string }) => e.id === episodeId);
const fields = (res: { json(): { errors?: { field: string }[] } }) => res.json().errors?.map((e) => e.field);

/** Moves the clock; sessions end when idle, so everyone signs in again. */
async function clockAt(when: Date) {
  t.setNow(when);
  for (const who of [scene.coordinator, scene.nurse, scene.stranger]) who.auth = await sessionFor(t.database.db, who.staffId, when);
}

describe("a named coordinator's support episode", () => {
  it('starts a twelve-week episode from a referral in week 1 of 12, with the first-visit clock running', async () => {
    const res = await open(scene.coordinator, { type: 'pic_independence_support', referralId, startOn: '2026-06-01' });
    expect(res.statusCode).toBe(201);
    const episode = res.json();
    episodeId = episode.id;
    expect(episode).toMatchObject({
      status: 'active',
      statusLabel: 'Active',
      plannedWeeks: 12,
      weekLabel: 'week 1 of 12',
      week: { week: 1, of: 12, overrun: false },
      referralId,
      firstVisit: { days: 4, running: true, firstVisitAt: null },
      organisationName: 'Age Concern for Ada Lovelace',
      createdBy: 'Pat Coordinator',
      version: 1,
      nextVisitAt: null,
    });
    expect(episode.nextChanges).toEqual(['pause', 'end', 'change_length', 'write_exit_plan']);
    expect(episode.history).toEqual([expect.objectContaining({ change: 'created', toStatus: 'active', by: 'Pat Coordinator', on: '2026-06-01' })]);
  });

  it('counts the weeks as the days pass', async () => {
    await clockAt(days(NOW, 15));
    expect((await theEpisode()).weekLabel).toBe('week 3 of 12');
  });

  it('pauses today with a reason; the weeks stand still while paused', async () => {
    const other = await change(scene.coordinator, { kind: 'pause', reason: 'other', version: 1 });
    expect(other.statusCode).toBe(400);
    expect(fields(other)).toEqual(['note']);

    const paused = await change(scene.coordinator, { kind: 'pause', reason: 'in_hospital', version: 1 });
    expect(paused.statusCode).toBe(200);
    expect(paused.json()).toMatchObject({ status: 'paused', pausedOn: '2026-06-16', pauseReasonLabel: 'In hospital', version: 2 });
    await clockAt(days(NOW, 25));
    expect((await theEpisode()).weekLabel).toBe('week 3 of 12');
  });

  it('resumes today, and the paused days are not counted', async () => {
    const resumed = await change(scene.coordinator, { kind: 'resume', version: 2 });
    expect(resumed.json()).toMatchObject({ status: 'active', pausedDays: 10, resumedOn: '2026-06-26', pausedOn: null, version: 3 });
    await clockAt(days(NOW, 32));
    // 32 days since the start, 10 of them paused: day 22 of support, week 4 (not week 5).
    expect((await theEpisode()).weekLabel).toBe('week 4 of 12');
  });

  it('refuses a change based on an older version (409 naming version) and writes nothing', async () => {
    const before = await writtenCounts(t.database.db);
    const stale = await change(scene.nurse, { kind: 'change_length', plannedWeeks: 16, version: 2 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().errors).toEqual([{ field: 'version', reason: 'Stale: the episode is at version 3' }]);
    expect(stale.json().currentVersion).toBe(3);
    expect(await writtenCounts(t.database.db)).toEqual(before);

    const lengthened = await change(scene.nurse, { kind: 'change_length', plannedWeeks: 16, version: 3 });
    expect(lengthened.json()).toMatchObject({ plannedWeeks: 16, weekLabel: 'week 4 of 16', version: 4 });
  });

  it('will not end active support without an exit plan, nor on a day before the start or after today', async () => {
    const before = await writtenCounts(t.database.db);
    const noPlan = await change(scene.coordinator, { kind: 'end', reason: 'goals_met', version: 4 });
    expect(noPlan.statusCode).toBe(400);
    expect(fields(noPlan)).toEqual(['exitPlan']);
    const beforeStart = await change(scene.coordinator, { kind: 'end', reason: 'goals_met', endedOn: '2026-05-31', exitPlan: 'Lunch club on Tuesdays', version: 4 });
    expect(beforeStart.statusCode).toBe(400);
    expect(fields(beforeStart)).toEqual(['endedOn']);
    const future = await change(scene.coordinator, { kind: 'end', reason: 'goals_met', endedOn: '2026-08-01', exitPlan: 'Lunch club on Tuesdays', version: 4 });
    expect(fields(future)).toEqual(['endedOn']);
    expect(await writtenCounts(t.database.db)).toEqual(before);
  });

  it('ends with an exit plan, after which nothing more can change', async () => {
    const ended = await change(scene.coordinator, { kind: 'end', reason: 'goals_met', exitPlan: 'Lunch club on Tuesdays; a neighbour calls daily', version: 4 });
    expect(ended.statusCode).toBe(200);
    expect(ended.json()).toMatchObject({
      status: 'ended',
      endedOn: '2026-07-03',
      endReasonLabel: 'Goals met',
      exitPlan: 'Lunch club on Tuesdays; a neighbour calls daily',
      weekLabel: 'week 4 of 16',
      firstVisit: { days: 36, running: false },
      nextChanges: [],
      version: 5,
    });
    const afterEnd = await change(scene.coordinator, { kind: 'pause', reason: 'in_hospital', version: 5 });
    expect(afterEnd.statusCode).toBe(409);
    expect(fields(afterEnd)).toEqual(['kind']);
  });

  it('keeps a history of every change with who made it and when it took effect', async () => {
    const history = (await theEpisode()).history.map((h: Record<string, string>) => [h.change, h.by, h.on, h.toStatus]);
    expect(history).toEqual([
      ['created', 'Pat Coordinator', '2026-06-01', 'active'],
      ['pause', 'Pat Coordinator', '2026-06-16', 'paused'],
      ['resume', 'Pat Coordinator', '2026-06-26', 'active'],
      ['change_length', 'Nia Nurse', '2026-07-03', 'active'],
      ['end', 'Pat Coordinator', '2026-07-03', 'ended'],
    ]);
    const [, pause, , length, end] = (await theEpisode()).history;
    expect(pause).toMatchObject({ changeLabel: 'Paused', reason: 'in_hospital', reasonLabel: 'In hospital', fromStatus: 'active' });
    expect(length).toMatchObject({ changeLabel: 'Planned length changed', detail: 'From 12 to 16 weeks' });
    expect(end).toMatchObject({ changeLabel: 'Support ended', reasonLabel: 'Goals met' });
  });

  it('opens a new episode once the last has ended: waiting until started, listed first', async () => {
    const res = await open(scene.coordinator, { type: 'pic_independence_support' });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ status: 'waiting', week: null, weekLabel: 'Waiting to start', firstVisit: null, nextChanges: ['start', 'end', 'change_length'] });
    const list = await episodes(scene.nurse);
    expect(list.map((e: { id: string }) => e.id)).toEqual([res.json().id, episodeId]);
    episodeId = res.json().id;
    const started = await change(scene.coordinator, { kind: 'start', version: 1 });
    expect(started.json()).toMatchObject({ status: 'active', startOn: '2026-07-03', weekLabel: 'week 1 of 12' });
  });
});
