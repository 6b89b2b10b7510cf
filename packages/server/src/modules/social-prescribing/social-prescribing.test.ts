/**
 * Social prescribing's closed loop over HTTP: a coordinator refers a person (with consent) to a
 * walking group that takes referrals, the provider's acceptance and each session attended are
 * recorded, and the outcome closes it; signposting needs no consent; bad input and stale moves
 * are refused with nothing written; staff without a relationship are refused.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCareTeam, createOrganisation, insertPerson, staffWithSession, type StaffSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { orukPageOf, orukService } from '../../../test/directory-fixtures.js';
import { rowsOf } from '../../platform/db/client.js';

const NOW = new Date('2026-11-19T10:00:00Z');
let t: TestApp;
let coordinator: StaffSession;
let stranger: StaffSession;
let personId: string;
let walkId: string;
let lunchId: string;

const api = (method: 'GET' | 'POST' | 'PUT', url: string, who: StaffSession, payload?: object) => t.app.inject({ method, url: `/api/v1${url}`, headers: who.auth, payload });
const base = () => `/people/${personId}/social-prescriptions`;
const count = async (table: string) => (await rowsOf<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`))[0]!.n;

const referral = (serviceId: string, over: object = {}) => ({
  serviceId,
  kind: 'referral',
  whatMatters: 'Getting out of the house and seeing people again',
  needs: ['loneliness_isolation', 'physical_activity'],
  supportOffered: 'A weekly led walk with a volunteer to meet her at the start',
  consent: { given: true, how: 'verbal' },
  ...over,
});

beforeAll(async () => {
  t = await buildTestApp(NOW);
  const db = t.database.db;
  const charity = await createOrganisation(db, 'Croydon Later Life Trust', 'voluntary');
  const council = await createOrganisation(db, 'Croydon Council', 'council');
  coordinator = await staffWithSession(db, 'coordinator', charity, NOW, 'Chloe Coordinator');
  stranger = await staffWithSession(db, 'coordinator', council, NOW);
  const lead = await staffWithSession(db, 'network_lead', council, NOW);
  personId = await insertPerson(db, null, 'Edna Walker');
  await addToCareTeam(db, personId, coordinator.staffId, charity, NOW, true);
  await api('PUT', '/directory/feeds/council', lead, { name: 'Council directory', kind: 'council' });
  const walk = orukService({ name: 'Walking for Health', postcode: 'CR0 1NX', byday: 'TU', opens: '10:00', closes: '11:30', term: 'walking' });
  const lunch = orukService({ name: 'Thursday Lunch Club', postcode: 'CR0 1LF', byday: 'TH', opens: '12:00', closes: '14:00', term: 'lunchClub' });
  await api('POST', '/directory/feeds/council/imports', lead, orukPageOf([walk, lunch]));
  const rows = await rowsOf<{ id: string; name: string }>(db, sql`SELECT id, name FROM directory_service ORDER BY name`);
  lunchId = rows[0]!.id;
  walkId = rows[1]!.id;
  const taking = await api('PUT', `/directory/services/${walkId}/listing`, lead, { version: 1, referralMode: { mode: 'direct_referral', how: 'Email walks@example.org' } });
  expect(taking.statusCode, taking.body).toBe(200);
});
afterAll(() => t?.close());

describe('a referral, from sent to its outcome', () => {
  let id: string;

  it('is made with consent to a service that takes referrals', async () => {
    const res = await api('POST', base(), coordinator, referral(walkId));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ kind: 'referral', state: 'sent', version: 1, words: 'Referred to Walking for Health: waiting for the provider’s answer', consent: { given: true, how: 'verbal' } });
    expect(res.json().needs.map((n: { code: string }) => n.code)).toEqual(['loneliness_isolation', 'physical_activity']);
    id = res.json().id;
  });

  it('cannot record a session before the provider accepts', async () => {
    const res = await api('POST', `${base()}/${id}/attendance`, coordinator, { on: '2026-11-18', attended: true });
    expect(res.statusCode).toBe(409);
  });

  it('records the provider’s acceptance at the version read, and refuses a stale one', async () => {
    const accepted = await api('POST', `${base()}/${id}/moves`, coordinator, { to: 'accepted', version: 1, note: 'The walk leader phoned back' });
    expect(accepted.json()).toMatchObject({ state: 'accepted', version: 2 });
    const stale = await api('POST', `${base()}/${id}/moves`, coordinator, { to: 'withdrawn', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().errors).toEqual([{ field: 'version', reason: 'Now at version 2' }]);
  });

  it('moves to attending with the first session attended, and keeps each session', async () => {
    const first = await api('POST', `${base()}/${id}/attendance`, coordinator, { on: '2026-11-17', attended: true, note: 'Walked the short route' });
    expect(first.json()).toMatchObject({ state: 'attending', attendance: [{ on: '2026-11-17', attended: true }] });
    const missed = await api('POST', `${base()}/${id}/attendance`, coordinator, { on: '2026-11-18', attended: false });
    expect(missed.json().state).toBe('attending');
    expect(missed.json().attendance).toHaveLength(2);
    expect((await api('POST', `${base()}/${id}/attendance`, coordinator, { on: '2026-11-20', attended: true })).statusCode).toBe(400);
  });

  it('ends with its outcome, then takes no more moves or sessions', async () => {
    const version = (await api('GET', base(), coordinator)).json().prescriptions[0].version;
    expect((await api('POST', `${base()}/${id}/moves`, coordinator, { to: 'completed', version })).statusCode).toBe(400);
    const done = await api('POST', `${base()}/${id}/moves`, coordinator, { to: 'completed', version, outcome: 'needs_met' });
    expect(done.json()).toMatchObject({ state: 'completed', open: false, outcome: 'needs_met' });
    expect(done.json().words).toMatch(/^Referred to Walking for Health: completed/);
    expect(done.json().events.map((e: { to: string }) => e.to)).toEqual(['sent', 'accepted', 'attending', 'completed']);
    expect((await api('POST', `${base()}/${id}/moves`, coordinator, { to: 'attending', version: done.json().version })).statusCode).toBe(409);
    expect((await api('POST', `${base()}/${id}/attendance`, coordinator, { on: '2026-11-19', attended: true })).statusCode).toBe(409);
  });

  it('shows each move on the person’s shared timeline', async () => {
    const timeline = (await api('GET', `/people/${personId}/timeline?types=social_prescription`, coordinator)).json();
    expect(timeline.entries).toHaveLength(4);
    expect(timeline.entries).toContainEqual(expect.objectContaining({ type: 'social_prescription', title: 'Referred to Walking for Health: waiting for the provider’s answer', by: 'Chloe Coordinator' }));
  });
});

describe('what is refused', () => {
  it('a referral without the person’s consent, naming the field, writing nothing', async () => {
    const before = await count('social_prescription');
    const res = await api('POST', base(), coordinator, referral(walkId, { consent: { given: false } }));
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toContainEqual({ field: 'consent.given', reason: expect.stringContaining('consent') });
    expect(await count('social_prescription')).toBe(before);
  });

  it('a referral to a service that only takes people signposted', async () => {
    const res = await api('POST', base(), coordinator, referral(lunchId));
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([{ field: 'kind', reason: 'This service takes no direct referrals' }]);
  });

  it('a missing need or unknown service, each named', async () => {
    const res = await api('POST', base(), coordinator, referral(walkId, { needs: [], whatMatters: '' }));
    expect(res.json().errors.map((e: { field: string }) => e.field).sort()).toEqual(['needs', 'whatMatters']);
    const unknown = await api('POST', base(), coordinator, referral('00000000-0000-4000-8000-000000000000'));
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ field: 'serviceId', reason: 'No service in the directory has this id' }]);
  });

  it('anyone without a relationship to the person, and the refusal is recorded', async () => {
    expect((await api('GET', base(), stranger)).statusCode).toBe(403);
    expect((await api('POST', base(), stranger, referral(walkId))).statusCode).toBe(403);
    const [denied] = await rowsOf<{ n: number }>(t.database.db, sql`SELECT count(*)::int AS n FROM audit_event WHERE actor_staff_id = ${stranger.staffId} AND outcome = 'denied'`);
    expect(denied!.n).toBe(2);
  });

  it('changing the record of what happened, in the database itself', async () => {
    await expect(t.database.db.execute(sql`UPDATE social_prescription_event SET note = 'changed'`)).rejects.toThrow();
    await expect(t.database.db.execute(sql`DELETE FROM social_prescription_attendance`)).rejects.toThrow();
  });
});

describe('signposting', () => {
  it('needs no consent, and is attended or not taken up', async () => {
    t.setNow(new Date(NOW.getTime() + 600_000));
    const res = await api('POST', base(), coordinator, { ...referral(lunchId), kind: 'signpost', consent: { given: false } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ state: 'signposted', words: 'Signposted to Thursday Lunch Club' });
    const notTaken = await api('POST', `${base()}/${res.json().id}/moves`, coordinator, { to: 'not_taken_up', version: 1, outcome: 'needs_not_met', note: 'Did not feel up to it' });
    expect(notTaken.json()).toMatchObject({ state: 'not_taken_up', open: false });
    const list = (await api('GET', base(), coordinator)).json().prescriptions;
    expect(list.map((p: { service: { name: string } }) => p.service.name)).toEqual(['Thursday Lunch Club', 'Walking for Health']);
  });
});
