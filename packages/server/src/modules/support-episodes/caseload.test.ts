import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCareTeam, insertPerson, staffWithSession, type StaffSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { careScene, type CareScene } from '../../../test/care-fixtures.js';
import { insertOpenTask } from '../../../test/meeting-fixtures.js';
import { rowsOf } from '../../platform/db/client.js';
import { deniedCount, planReviewOn } from '../../../test/episode-fixtures.js';

/** Monday 1 June 2026, 10:00 in London. */
const NOW = new Date('2026-06-01T09:00:00Z');
let t: TestApp;
let scene: CareScene;
const people: Record<string, string> = {};
const adaEpisode: { id?: string } = {};

beforeAll(async () => {
  t = await buildTestApp(NOW);
  scene = await careScene(t.database.db, NOW);
  people.Ada = scene.personId;
  await buildCaseload();
});
afterAll(() => t?.close());

const db = () => t.database.db;

async function personOf(name: string, named = true): Promise<string> {
  const id = await insertPerson(db(), scene.practiceId, name);
  await addToCareTeam(db(), id, scene.coordinator.staffId, scene.coordinator.organisationId, NOW, named);
  people[name.split(' ')[0]!] = id;
  return id;
}

async function episodeFor(personId: string, body: object, who: StaffSession = scene.coordinator, then: object[] = []): Promise<string> {
  const url = `/api/v1/people/${personId}/episodes`;
  const opened = await t.app.inject({ method: 'POST', url, headers: who.auth, payload: body });
  expect(opened.statusCode).toBe(201);
  const id = opened.json().id as string;
  for (const [i, change] of then.entries()) {
    const res = await t.app.inject({ method: 'POST', url: `${url}/${id}/changes`, headers: who.auth, payload: { ...change, version: i + 1 } });
    expect(res.statusCode).toBe(200);
  }
  return id;
}

const task = (personId: string, dueOn: string) =>
  insertOpenTask(db(), { personId, networkId: scene.networkId, ownerStaffId: scene.nurse.staffId, title: 'Fit a grab rail', dueOn, now: NOW });

/** Pat is named coordinator for Ada, Bea, Cal, Dot, Ivy and Fay; on Eve's team but not named. */
async function buildCaseload() {
  adaEpisode.id = await episodeFor(people.Ada!, { type: 'pic_independence_support', startOn: '2026-06-01' });
  await episodeFor(await personOf('Bea Hughes'), { type: 'pic_independence_support', startOn: '2026-02-01' });
  const cal = await personOf('Cal Moss');
  await episodeFor(cal, { type: 'care_coordination' });
  for (const dueOn of ['2026-05-20', '2026-05-31', '2026-06-01', '2026-06-10']) await task(cal, dueOn);
  const done = await task(cal, '2026-05-01');
  const started = await task(cal, '2026-05-25');
  await db().execute(sql`UPDATE task SET state = CASE WHEN id = ${done} THEN 'done' ELSE 'in_progress' END WHERE id IN (${done}, ${started})`);
  const dot = await personOf('Dot Price');
  await episodeFor(dot, { type: 'pic_independence_support', startOn: '2026-05-11' }, scene.coordinator, [{ kind: 'pause', reason: 'in_hospital' }]);
  await planReviewOn(db(), dot, '2026-05-15', NOW);
  const ivy = await personOf('Ivy Stone');
  await episodeFor(ivy, { type: 'pic_independence_support' });
  await planReviewOn(db(), ivy, '2026-06-10', NOW);
  const ended = [{ kind: 'end', reason: 'goals_met', exitPlan: 'Walking group' }];
  await episodeFor(await personOf('Fay Lund'), { type: 'pic_independence_support', startOn: '2026-03-02' }, scene.coordinator, ended);
  await episodeFor(await personOf('Eve Shaw', false), { type: 'pic_independence_support' });
}

const caseload = async (who: StaffSession) => {
  const res = await t.app.inject({ method: 'GET', url: '/api/v1/caseload', headers: who.auth });
  expect(res.statusCode).toBe(200);
  return res.json();
};

describe("a coordinator's caseload", () => {
  it('lists only the people they are named coordinator for with an open episode, most in need first', async () => {
    const res = await caseload(scene.coordinator);
    expect(res.today).toBe('2026-06-01');
    expect(res.rows.map((r: { personName: string }) => r.personName)).toEqual(['Cal Moss', 'Dot Price', 'Bea Hughes', 'Ada Lovelace', 'Ivy Stone']);
    const [cal, dot, bea, ada, ivy] = res.rows;
    expect(cal).toMatchObject({ need: 0, overdueActions: 3, flags: ['3 actions overdue'], weekLabel: 'Waiting to start', statusLabel: 'Waiting to start' });
    expect(dot).toMatchObject({ need: 0, status: 'paused', planReview: { state: 'overdue', on: '2026-05-15' }, flags: ['Plan review overdue'] });
    expect(bea).toMatchObject({ need: 1, week: { week: 18, of: 12, overrun: true }, flags: ['Past its planned length'] });
    expect(ada).toMatchObject({ need: 2, weekLabel: 'week 1 of 12', overdueActions: 0, planReview: { state: 'none', on: null } });
    expect(ivy).toMatchObject({ need: 2, planReview: { state: 'due_soon', on: '2026-06-10', label: 'Plan review due soon' } });
  });

  it('shows the next visit booked, and puts those with none booked first within the same need', async () => {
    const booked = await t.app.inject({
      method: 'PUT',
      url: `/api/v1/people/${people.Ada}/episodes/${adaEpisode.id}/next-visit`,
      headers: scene.coordinator.auth,
      payload: { at: '2026-06-05T10:30:00+01:00', replaces: null },
    });
    expect(booked.statusCode).toBe(200);
    const rows = (await caseload(scene.coordinator)).rows;
    expect(rows.map((r: { personName: string }) => r.personName).slice(-2)).toEqual(['Ivy Stone', 'Ada Lovelace']);
    expect(rows.at(-1)).toMatchObject({ personName: 'Ada Lovelace', nextVisitAt: '2026-06-05T09:30:00.000Z' });
  });

  it('records one read of each person listed', async () => {
    const before = await caseloadReads();
    await caseload(scene.coordinator);
    expect((await caseloadReads()) - before).toBe(5);
  });

  it('is empty for staff who coordinate no one', async () => {
    expect((await caseload(scene.stranger)).rows).toEqual([]);
  });

  it('leaves out, and records, a person the gate refuses, rather than failing', async () => {
    const volunteer = await staffWithSession(db(), 'volunteer', scene.coordinator.organisationId, NOW, 'Val Volunteer');
    const jon = await insertPerson(db(), scene.practiceId, 'Jon Rees');
    await addToCareTeam(db(), jon, volunteer.staffId, scene.coordinator.organisationId, NOW, true);
    await addToCareTeam(db(), jon, scene.coordinator.staffId, scene.coordinator.organisationId, NOW);
    await episodeFor(jon, { type: 'care_coordination' });
    expect((await caseload(volunteer)).rows).toEqual([]);
    expect(await deniedCount(db(), volunteer.staffId, 'summary')).toBe(1);
  });
});

async function caseloadReads(): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(
    db(),
    sql`SELECT count(*)::int AS n FROM audit_event
        WHERE actor_staff_id = ${scene.coordinator.staffId} AND resource_id = 'caseload' AND action = 'read' AND outcome = 'allowed'`,
  );
  return row!.n;
}
