import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { giveConsent, sessionFor } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { careScene, type CareScene } from '../../../test/care-fixtures.js';
import { rowsOf } from '../../platform/db/client.js';
import { deniedCount, referralReceived, writtenCounts } from '../../../test/episode-fixtures.js';

/** Monday 1 June 2026, 10:00 in London. */
const NOW = new Date('2026-06-01T09:00:00Z');
/** Wednesday 3 June, noon in London. */
const WEDNESDAY = new Date('2026-06-03T11:00:00Z');
let t: TestApp;
let scene: CareScene;
let episodeId: string;

beforeAll(async () => {
  t = await buildTestApp(NOW);
  scene = await careScene(t.database.db, NOW);
  const referralId = await referralReceived(t.database.db, scene.personId, scene.networkId, new Date('2026-05-28T10:00:00Z'));
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/v1/people/${scene.personId}/episodes`,
    headers: scene.coordinator.auth,
    payload: { type: 'pic_independence_support', referralId, startOn: '2026-06-01' },
  });
  episodeId = res.json().id;
});
afterAll(() => t?.close());

type Who = CareScene['coordinator'];
const person = () => `/api/v1/people/${scene.personId}`;
const record = (who: Who, payload: object) => t.app.inject({ method: 'POST', url: `${person()}/contacts`, headers: who.auth, payload });
const contacts = async (who: Who) => (await t.app.inject({ method: 'GET', url: `${person()}/contacts`, headers: who.auth })).json();
const book = (who: Who, payload: object) => t.app.inject({ method: 'PUT', url: `${person()}/episodes/${episodeId}/next-visit`, headers: who.auth, payload });
const episode = async () =>
  (await t.app.inject({ method: 'GET', url: `${person()}/episodes`, headers: scene.coordinator.auth })).json().episodes.find((e: { id: string }) => e.id === episodeId);
const fields = (res: { json(): { errors?: { field: string }[] } }) => res.json().errors?.map((e) => e.field);

async function clockAt(when: Date) {
  t.setNow(when);
  for (const who of [scene.coordinator, scene.nurse, scene.stranger]) who.auth = await sessionFor(t.database.db, who.staffId, when);
}

const visit = { kind: 'home_visit', minutes: 60, note: 'Met Ada at home; talked about the lunch club' };

describe('contacts and visits', () => {
  it('books the next home visit for a time still to come, an arrangement that leaves the episode version and history as they were', async () => {
    expect(fields(await book(scene.coordinator, { at: '2026-06-01T08:00:00Z', replaces: null }))).toEqual(['at']);
    expect(fields(await book(scene.coordinator, {}))).toEqual(['at', 'replaces']);
    const booked = await book(scene.coordinator, { at: '2026-06-03T10:00:00+01:00', replaces: null });
    expect(booked.statusCode).toBe(200);
    expect(booked.json()).toMatchObject({ nextVisitAt: '2026-06-03T09:00:00.000Z', version: 1 });
    expect(booked.json().history.map((h: { change: string }) => h.change)).toEqual(['created']);
    const [audited] = await rowsOf<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_event WHERE actor_staff_id = ${scene.coordinator.staffId} AND resource_id = ${episodeId} AND action = 'write'`,
    );
    // Opening the episode, then the booking; the two refused bookings wrote nothing.
    expect(audited!.n).toBe(2);
  });

  it('refuses a booking made on what was read before someone else booked it, keeping theirs', async () => {
    const stale = await book(scene.coordinator, { at: '2026-06-04T10:00:00+01:00', replaces: null });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().errors).toEqual([
      {
        field: 'replaces',
        reason: 'Someone changed the next home visit since you read it: it is now booked for 3 June 2026 at 10:00. Check with them before booking again',
      },
    ]);
    expect((await episode()).nextVisitAt).toBe('2026-06-03T09:00:00.000Z');
    // Asking for what is already booked changes nothing and is no conflict.
    expect((await book(scene.coordinator, { at: '2026-06-03T10:00:00+01:00', replaces: null })).statusCode).toBe(200);
  });

  it('a phone call does not stop the referral-to-first-visit clock', async () => {
    await clockAt(WEDNESDAY);
    const call = await record(scene.coordinator, { kind: 'phone', at: '2026-06-02T14:00:00+01:00', minutes: 15, note: 'Arranged the visit', episodeId });
    expect(call.statusCode).toBe(201);
    expect(call.json()).toMatchObject({ title: 'Phone call, 15 minutes', episodeId });
    expect(await episode()).toMatchObject({ firstVisit: { running: true, days: 6 }, nextVisitAt: '2026-06-03T09:00:00.000Z' });
  });

  it('records a home visit: listed with who recorded it, the clock stopped and the booked visit made', async () => {
    const res = await record(scene.coordinator, { ...visit, at: '2026-06-03T10:00:00+01:00', episodeId });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      kind: 'home_visit',
      kindLabel: 'Home visit',
      title: 'Home visit, 1 hour',
      at: '2026-06-03T09:00:00.000Z',
      recordedBy: { staffId: scene.coordinator.staffId, name: 'Pat Coordinator' },
      organisationName: 'Age Concern for Ada Lovelace',
    });
    const list = await contacts(scene.coordinator);
    expect(list.contacts.map((c: { title: string }) => c.title)).toEqual(['Home visit, 1 hour', 'Phone call, 15 minutes']);
    expect(await episode()).toMatchObject({ firstVisit: { days: 6, running: false, firstVisitAt: '2026-06-03T09:00:00.000Z' }, nextVisitAt: null });
  });

  it('keeps a booking that a call, or a visit before it, did not make', async () => {
    await book(scene.coordinator, { at: '2026-06-10T10:00:00+01:00', replaces: null });
    await record(scene.coordinator, { kind: 'video', at: '2026-06-03T11:30:00+01:00', minutes: 20, note: 'Checked in' });
    await record(scene.coordinator, { ...visit, at: '2026-06-03T11:45:00+01:00' });
    expect((await episode()).nextVisitAt).toBe('2026-06-10T09:00:00.000Z');
  });

  it('names each field at fault and writes nothing', async () => {
    const before = await writtenCounts(t.database.db);
    const tenMinutesAhead = new Date(WEDNESDAY.getTime() + 10 * 60_000).toISOString();
    const cases: [object, string[]][] = [
      [{ ...visit, at: '2026-06-03T10:00:00Z', minutes: 0 }, ['minutes']],
      [{ ...visit, at: tenMinutesAhead }, ['at']],
      [{ ...visit, at: '2026-06-03T10:00:00Z', note: '   ' }, ['note']],
      [{ ...visit, at: '2026-06-03T10:00:00Z', episodeId: randomUUID() }, ['episodeId']],
      [{ ...visit, kind: 'letter', at: 'yesterday' }, ['kind', 'at']],
    ];
    for (const [payload, named] of cases) {
      const res = await record(scene.coordinator, payload);
      expect(res.statusCode).toBe(400);
      expect(fields(res)).toEqual(named);
    }
    expect(await writtenCounts(t.database.db)).toEqual(before);
    const aFewMinutesFast = new Date(WEDNESDAY.getTime() + 3 * 60_000).toISOString();
    expect((await record(scene.coordinator, { ...visit, kind: 'phone', at: aFewMinutesFast })).statusCode).toBe(201);
  });

  it("shows another organisation's contacts only once the person agrees to sharing", async () => {
    const unshared = await contacts(scene.nurse);
    expect(unshared).toEqual({ contacts: [], notSharedCount: 5 });
    await giveConsent(t.database.db, scene.personId, 'alliance_sharing', WEDNESDAY);
    const shared = await contacts(scene.nurse);
    expect(shared.notSharedCount).toBe(0);
    expect(shared.contacts.map((c: { at: string }) => c.at)).toEqual([...shared.contacts.map((c: { at: string }) => c.at)].sort().reverse());
    expect(shared.contacts).toHaveLength(5);
  });

  it('refuses a visit booking once the episode has ended', async () => {
    const ended = await t.app.inject({
      method: 'POST',
      url: `${person()}/episodes/${episodeId}/changes`,
      headers: scene.coordinator.auth,
      payload: { kind: 'end', reason: 'moved_away', exitPlan: 'Handed over to the new area', version: 1 },
    });
    expect(ended.json()).toMatchObject({ status: 'ended', nextVisitAt: null });
    const res = await book(scene.coordinator, { at: '2026-06-20T10:00:00+01:00', replaces: null });
    expect(res.statusCode).toBe(409);
  });

  it('refuses staff with no relationship, records the refusals, and writes nothing', async () => {
    const before = await writtenCounts(t.database.db);
    const denied = await deniedCount(t.database.db, scene.stranger.staffId, 'record_entry');
    expect((await t.app.inject({ method: 'GET', url: `${person()}/contacts`, headers: scene.stranger.auth })).statusCode).toBe(403);
    expect((await record(scene.stranger, { ...visit, at: '2026-06-03T10:00:00Z' })).statusCode).toBe(403);
    expect(await deniedCount(t.database.db, scene.stranger.staffId, 'record_entry')).toBe(denied + 2);
    expect(await writtenCounts(t.database.db)).toEqual(before);
  });
});
