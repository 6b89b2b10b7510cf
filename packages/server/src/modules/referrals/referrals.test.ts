import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, insertPerson, joinNetworkTeam, sessionFor, staffWithSession, type StaffSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { createPractice } from '../../../test/factories.js';
import { rowsOf } from '../../platform/db/client.js';

/** A Friday: two working days on is the Tuesday. */
const NOW = new Date('2026-06-05T09:00:00Z');
let t: TestApp;
let networkId: string;
let practiceId: string;
let trust: string;
let gp: StaffSession;
let nurse: StaffSession;
let outsider: StaffSession;

beforeAll(async () => {
  t = await buildTestApp(NOW);
  const db = t.database.db;
  ({ networkId, practiceId } = await createPractice(db));
  trust = await createOrganisation(db, 'Croydon Health Services');
  gp = await staffWithSession(db, 'gp', practiceId, NOW, 'Dr Asha Patel');
  nurse = await staffWithSession(db, 'nurse', trust, NOW, 'Grace Mensah');
  await joinNetworkTeam(db, nurse.staffId, trust, networkId);
  outsider = await staffWithSession(db, 'nurse', trust, NOW, 'Olu Adeyemi');
});
afterAll(() => t?.close());

/** Moves the clock, signing everyone in afresh (a session lasts hours, the tests span months). */
async function at(when: Date) {
  t.setNow(when);
  for (const who of [gp, nurse, outsider]) who.auth = await sessionFor(t.database.db, who.staffId, when);
}

const send = (method: 'GET' | 'POST', url: string, who: StaffSession, payload?: object) =>
  t.app.inject({ method, url, headers: who.auth, payload });
const refer = (personId: string, who = gp, extra: object = {}) =>
  send('POST', '/api/v1/referrals', who, { personId, networkId, source: 'gp', reason: 'Two falls this month; lives alone', ...extra });
const move = (id: string, who: StaffSession, body: object) => send('POST', `/api/v1/referrals/${id}/moves`, who, body);
const inbox = (query = '') => send('GET', `/api/v1/referrals?networkId=${networkId}${query}`, nurse);

async function auditEvents(staffId: string, where = sql`true`) {
  return rowsOf<{ subject_person_id: string | null; resource_type: string; action: string; outcome: string; reason: string | null }>(
    t.database.db,
    sql`SELECT subject_person_id, resource_type, action, outcome, reason FROM audit_event WHERE actor_staff_id = ${staffId}::uuid AND ${where} ORDER BY sequence`,
  );
}

describe('a referral, from the GP to an outcome the GP sees', () => {
  it('is received, triaged, accepted, active and closed, each move recorded with who and when', async () => {
    const personId = await insertPerson(t.database.db, practiceId, 'Edna Walsh');
    const created = await refer(personId);
    expect(created.statusCode).toBe(201);
    const referral = created.json();
    expect(referral).toMatchObject({
      status: 'received',
      source: 'gp',
      version: 1,
      firstContactDue: '2026-06-09',
      overdue: false,
      referredBy: { staffId: gp.staffId, name: 'Dr Asha Patel', organisationId: practiceId },
      person: { name: 'Edna Walsh' },
      nextStates: ['triaged'],
    });

    const listed = await inbox('&state=received');
    expect(listed.statusCode).toBe(200);
    expect(listed.json().referrals.map((r: { id: string }) => r.id)).toContain(referral.id);
    expect(await auditEvents(nurse.staffId, sql`subject_person_id = ${personId}::uuid`)).toEqual([
      expect.objectContaining({ action: 'read', outcome: 'allowed', resource_type: 'summary' }),
    ]);

    await at(new Date('2026-06-05T10:00:00Z'));
    const triaged = await move(referral.id, nurse, { to: 'triaged', version: 1, note: 'Discuss at Tuesday huddle' });
    expect(triaged.statusCode).toBe(200);
    await at(new Date('2026-06-05T11:00:00Z'));
    const accepted = await move(referral.id, nurse, { to: 'accepted', version: 2 });
    expect(accepted.json()).toMatchObject({ status: 'accepted', version: 3 });
    await at(new Date('2026-06-08T09:30:00Z'));
    const contacted = await send('POST', `/api/v1/referrals/${referral.id}/first-contact`, nurse, { version: 3, note: 'Phoned her daughter' });
    expect(contacted.json()).toMatchObject({ firstContactAt: '2026-06-08T09:30:00.000Z', version: 4, overdue: false });
    const active = await move(referral.id, nurse, { to: 'active', version: 4 });
    expect(active.json().status).toBe('active');
    await at(new Date('2026-08-28T16:00:00Z'));
    const closed = await move(referral.id, nurse, { to: 'closed', version: 5, outcome: 'goals_met', note: 'Walking to the shops again' });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({ status: 'closed', outcome: 'goals_met', outcomeNote: 'Walking to the shops again', nextStates: [] });

    const read = (await send('GET', `/api/v1/referrals/${referral.id}`, gp)).json();
    expect(read.history).toEqual([
      { fromState: null, toState: 'received', staffId: gp.staffId, staffName: 'Dr Asha Patel', at: '2026-06-05T09:00:00.000Z', note: null },
      { fromState: 'received', toState: 'triaged', staffId: nurse.staffId, staffName: 'Grace Mensah', at: '2026-06-05T10:00:00.000Z', note: 'Discuss at Tuesday huddle' },
      { fromState: 'triaged', toState: 'accepted', staffId: nurse.staffId, staffName: 'Grace Mensah', at: '2026-06-05T11:00:00.000Z', note: null },
      { fromState: 'accepted', toState: 'accepted', staffId: nurse.staffId, staffName: 'Grace Mensah', at: '2026-06-08T09:30:00.000Z', note: 'First contact made: Phoned her daughter' },
      { fromState: 'accepted', toState: 'active', staffId: nurse.staffId, staffName: 'Grace Mensah', at: '2026-06-08T09:30:00.000Z', note: null },
      { fromState: 'active', toState: 'closed', staffId: nurse.staffId, staffName: 'Grace Mensah', at: '2026-08-28T16:00:00.000Z', note: 'Walking to the shops again' },
    ]);

    const sent = (await send('GET', '/api/v1/referrals/sent', gp)).json().referrals;
    expect(sent.find((r: { id: string }) => r.id === referral.id)).toMatchObject({ status: 'closed', outcome: 'goals_met', person: { name: 'Edna Walsh' } });
    const history = await send('GET', `/api/v1/people/${personId}/referrals`, gp);
    expect(history.json().referrals.map((r: { status: string }) => r.status)).toEqual(['closed']);
    await at(NOW);
  });
});

describe('moves that are refused', () => {
  let id: string;
  beforeAll(async () => {
    id = (await refer(await insertPerson(t.database.db, practiceId, 'Stan Ogden'))).json().id;
  });

  it('declining needs a reason, closing an outcome: 400 naming the field', async () => {
    await move(id, nurse, { to: 'triaged', version: 1 });
    const decline = await move(id, nurse, { to: 'declined', version: 2 });
    expect(decline.statusCode).toBe(400);
    expect(decline.json().errors).toEqual([expect.objectContaining({ field: 'declineReason' })]);
    const close = await move(id, nurse, { to: 'closed', version: 2 });
    expect(close.json().errors).toEqual([expect.objectContaining({ field: 'outcome' })]);
  });

  it('a move the states do not allow is a 409 in plain words', async () => {
    const skip = await move(id, nurse, { to: 'active', version: 2 });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().detail).toBe('A triaged referral can only become accepted or declined');
  });

  it('a stale version is a 409 naming the current one, and changes nothing', async () => {
    const stale = await move(id, nurse, { to: 'accepted', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ currentVersion: 2 });
    expect((await send('GET', `/api/v1/referrals/${id}`, nurse)).json()).toMatchObject({ status: 'triaged', version: 2 });
  });

  it('a declined referral keeps its reason and is finished', async () => {
    const declined = await move(id, nurse, { to: 'declined', version: 2, declineReason: 'Already under the frailty team' });
    expect(declined.json()).toMatchObject({ status: 'declined', declineReason: 'Already under the frailty team' });
    expect((await move(id, gp, { to: 'accepted', version: 3 })).json().detail).toBe('A declined referral is finished and cannot change');
  });

  it('only members of the network move its referrals', async () => {
    const other = (await refer(await insertPerson(t.database.db, practiceId, 'Hilda Baker'))).json();
    expect((await move(other.id, outsider, { to: 'triaged', version: 1 })).statusCode).toBe(403);
  });
});

describe('one open referral per person and network', () => {
  it('refuses a second open one with 409, and allows a new one once the first is finished', async () => {
    const personId = await insertPerson(t.database.db, practiceId, 'Vera Duckworth');
    const first = (await refer(personId)).json();
    const second = await refer(personId, gp, { source: 'family' });
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ existingId: first.id });
    await move(first.id, nurse, { to: 'triaged', version: 1 });
    await move(first.id, nurse, { to: 'accepted', version: 2 });
    await move(first.id, nurse, { to: 'active', version: 3 });
    await move(first.id, nurse, { to: 'closed', version: 4, outcome: 'moved_away' });
    expect((await refer(personId)).statusCode).toBe(201);
  });

  it('keeps one when two are made at once', async () => {
    const personId = await insertPerson(t.database.db, practiceId, 'Jack Duckworth');
    const answers = await Promise.all([refer(personId), refer(personId)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, 409]);
  });

  it('refers only to the network of the person’s practice, and only with a relationship', async () => {
    const personId = await insertPerson(t.database.db, practiceId, 'Ena Sharples');
    const elsewhere = await createPractice(t.database.db, 'Parkway Surgery', 'Y90002');
    const wrong = await send('POST', '/api/v1/referrals', gp, { personId, networkId: elsewhere.networkId, source: 'gp', reason: 'Falls' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('networkId');
    expect((await refer(personId, outsider)).statusCode).toBe(403);
    const noReason = await send('POST', '/api/v1/referrals', gp, { personId, networkId, source: 'gp', reason: ' ' });
    expect(noReason.json().errors[0].field).toBe('reason');
  });
});

describe('the inbox', () => {
  it('is refused to staff outside the network, and the refusal is audited', async () => {
    const refused = await send('GET', `/api/v1/referrals?networkId=${networkId}`, outsider);
    expect(refused.statusCode).toBe(403);
    expect(await auditEvents(outsider.staffId, sql`resource_type = 'referral_inbox'`)).toEqual([
      { subject_person_id: null, resource_type: 'referral_inbox', action: 'read', outcome: 'denied', reason: 'not_network_member' },
    ]);
    const networks = (await send('GET', '/api/v1/referrals/networks', nurse)).json().networks;
    expect(networks.map((n: { id: string }) => n.id)).toEqual([networkId]);
    expect((await send('GET', '/api/v1/referrals/networks', outsider)).json().networks).toEqual([]);
  });

  it('filters by state and source, and lists finished referrals without the person once the record is closed to the reader', async () => {
    const open = (await inbox('&state=open')).json().referrals;
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((r: { status: string }) => ['received', 'triaged', 'accepted', 'active'].includes(r.status))).toBe(true);
    expect((await inbox('&source=family')).json().referrals).toEqual([]);
    const declined = (await inbox('&state=declined')).json().referrals;
    expect(declined).toEqual([expect.objectContaining({ status: 'declined', person: null, reason: null, declineReason: null })]);
    expect((await inbox('&state=lost')).statusCode).toBe(400);
  });
});

describe("the network's access to the person follows the open referral (security.md: network membership with an open referral)", () => {
  it('opens the record to a network nurse while the referral is open, and closes it when declined', async () => {
    const personId = await insertPerson(t.database.db, practiceId, 'Minnie Caldwell');
    expect((await send('GET', `/api/v1/people/${personId}`, nurse)).statusCode).toBe(403);
    const referral = (await refer(personId)).json();
    // Received already opens it: the network triages with the record in front of it.
    expect((await send('GET', `/api/v1/people/${personId}`, nurse)).json().access.basis).toBe('network');
    await move(referral.id, nurse, { to: 'triaged', version: 1 });
    await move(referral.id, nurse, { to: 'accepted', version: 2 });
    expect((await send('GET', `/api/v1/people/${personId}`, nurse)).statusCode).toBe(200);
    expect((await send('GET', `/api/v1/people/${personId}`, outsider)).statusCode).toBe(403);
    await move(referral.id, nurse, { to: 'active', version: 3 });
    await move(referral.id, nurse, { to: 'closed', version: 4, outcome: 'transferred' });
    expect((await send('GET', `/api/v1/people/${personId}`, nurse)).statusCode).toBe(403);
    expect((await send('GET', `/api/v1/referrals/${referral.id}`, nurse)).statusCode).toBe(403);
    expect((await send('GET', `/api/v1/people/${personId}/referrals`, outsider)).statusCode).toBe(403);
  });
});

describe('first contact targets', () => {
  it('counts working days over a bank holiday and surfaces overdue referrals', async () => {
    // Thursday before Easter 2026: Good Friday and Easter Monday do not count, so due Wednesday 8 April.
    await at(new Date('2026-04-02T15:00:00Z'));
    const personId = await insertPerson(t.database.db, practiceId, 'Albert Tatlock');
    const referral = (await refer(personId)).json();
    expect(referral.firstContactDue).toBe('2026-04-08');
    await at(new Date('2026-04-08T22:30:00Z')); // 23:30 in London: still the due day
    expect((await inbox('&overdue=true')).json().referrals.map((r: { id: string }) => r.id)).not.toContain(referral.id);
    await at(new Date('2026-04-08T23:30:00Z')); // 00:30 on Thursday in London
    const overdue = (await inbox('&overdue=true')).json().referrals;
    expect(overdue.map((r: { id: string }) => r.id)).toEqual([referral.id]);
    expect(overdue[0].overdue).toBe(true);
    expect((await inbox('&overdue=false')).json().referrals.map((r: { id: string }) => r.id)).not.toContain(referral.id);
    const contacted = await send('POST', `/api/v1/referrals/${referral.id}/first-contact`, nurse, { version: 1, at: '2026-04-08T23:00:00Z' });
    expect(contacted.json()).toMatchObject({ overdue: false, firstContactAt: '2026-04-08T23:00:00.000Z' });
    const again = await send('POST', `/api/v1/referrals/${referral.id}/first-contact`, nurse, { version: 2 });
    expect(again.statusCode).toBe(409);
    await at(NOW);
  });

  it('skips the weekend: received on a Friday evening, due on Tuesday', async () => {
    await at(new Date('2026-06-12T18:00:00Z'));
    const referral = (await refer(await insertPerson(t.database.db, practiceId, 'Martha Longhurst'))).json();
    expect(referral.firstContactDue).toBe('2026-06-16');
    await at(new Date('2026-06-17T08:00:00Z'));
    expect((await send('GET', `/api/v1/referrals/${referral.id}`, gp)).json().overdue).toBe(true);
    await at(NOW);
  });
});
