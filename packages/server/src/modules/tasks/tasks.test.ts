import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addToCareTeam,
  createOrganisation,
  insertPerson,
  joinNetworkTeam,
  openReferral,
  sessionFor,
  staffWithSession,
  type StaffSession,
} from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { createPractice } from '../../../test/factories.js';
import { rowsOf } from '../../platform/db/client.js';
import { huddleMeeting, huddleSeries } from '../../platform/db/schema.js';

/** A Tuesday, 10:00 in London. */
const NOW = new Date('2026-06-02T09:00:00Z');
let t: TestApp;
let networkId: string;
let practiceId: string;
let gp: StaffSession;
let nurse: StaffSession;
let officer: StaffSession;
let otherOfficer: StaffSession;
let volunteer: StaffSession;
let farPharmacist: StaffSession;
let edna: string;

beforeAll(async () => {
  t = await buildTestApp(NOW);
  const db = t.database.db;
  ({ networkId, practiceId } = await createPractice(db));
  const trust = await createOrganisation(db, 'Croydon Health Services');
  const council = await createOrganisation(db, 'Croydon Council', 'council');
  const charity = await createOrganisation(db, 'Age UK Croydon', 'voluntary');
  gp = await staffWithSession(db, 'gp', practiceId, NOW, 'Dr Asha Patel');
  nurse = await staffWithSession(db, 'nurse', trust, NOW, 'Grace Mensah');
  officer = await staffWithSession(db, 'independent_living', council, NOW, 'Femi Bello');
  otherOfficer = await staffWithSession(db, 'independent_living', council, NOW, 'Jo Hart');
  volunteer = await staffWithSession(db, 'volunteer', charity, NOW, 'Sam Green');
  for (const member of [nurse, officer, otherOfficer]) await joinNetworkTeam(db, member.staffId, trust, networkId);
  await joinNetworkTeam(db, volunteer.staffId, charity, networkId);
  const elsewhere = await createPractice(db, 'Parkway Surgery', 'Y90002');
  farPharmacist = await staffWithSession(db, 'pharmacist', elsewhere.practiceId, NOW, 'Rita Fairclough');
  edna = await insertPerson(db, practiceId, 'Edna Walsh');
  await openReferral(db, edna, networkId, NOW, 'accepted');
});
afterAll(() => t?.close());

async function at(when: Date) {
  t.setNow(when);
  for (const who of [gp, nurse, officer, otherOfficer, volunteer, farPharmacist]) who.auth = await sessionFor(t.database.db, who.staffId, when);
}

const send = (method: 'GET' | 'POST' | 'PATCH', url: string, who: StaffSession, payload?: object) =>
  t.app.inject({ method, url, headers: who.auth, payload });
const action = (extra: object = {}) => ({
  title: 'Review her medicines after the fall',
  owner: { kind: 'staff', staffId: nurse.staffId },
  dueOn: '2026-06-09',
  personId: edna,
  ...extra,
});
const create = (body: object, who = gp) => send('POST', '/api/v1/tasks', who, body);
const move = (id: string, who: StaffSession, body: object) => send('POST', `/api/v1/tasks/${id}/moves`, who, body);
const edit = (id: string, who: StaffSession, body: object) => send('PATCH', `/api/v1/tasks/${id}`, who, body);

async function counts() {
  const [row] = await rowsOf<{ tasks: number; events: number; audits: number }>(
    t.database.db,
    sql`SELECT (SELECT count(*)::int FROM task) AS tasks, (SELECT count(*)::int FROM task_event) AS events,
               (SELECT count(*)::int FROM audit_event) AS audits`,
  );
  return row!;
}

async function auditEvents(staffId: string, where = sql`true`) {
  return rowsOf<{ subject_person_id: string | null; resource_type: string; resource_id: string | null; action: string; outcome: string; reason: string | null }>(
    t.database.db,
    sql`SELECT subject_person_id, resource_type, resource_id, action, outcome, reason FROM audit_event
        WHERE actor_staff_id = ${staffId}::uuid AND ${where} ORDER BY sequence`,
  );
}

describe('an action becomes a task', () => {
  it('is written with its owner, due date, priority and person, a created event, and the write audited', async () => {
    const created = await create(action({ priority: 'high', detail: 'Two falls in May; on four blood pressure medicines' }));
    expect(created.statusCode).toBe(201);
    const task = created.json();
    expect(task).toMatchObject({
      title: 'Review her medicines after the fall',
      detail: 'Two falls in May; on four blood pressure medicines',
      personId: edna,
      person: { name: 'Edna Walsh' },
      networkId,
      meetingId: null,
      owner: { kind: 'staff', staffId: nurse.staffId, name: 'Grace Mensah' },
      dueOn: '2026-06-09',
      firstDueOn: '2026-06-09',
      priority: 'high',
      state: 'open',
      overdue: false,
      version: 1,
      createdBy: { staffId: gp.staffId, name: 'Dr Asha Patel' },
      createdAt: NOW.toISOString(),
      nextStates: ['in_progress', 'done', 'cancelled'],
    });
    const events = await rowsOf<{ kind: string; to_state: string; version: number }>(t.database.db, sql`SELECT kind, to_state, version FROM task_event WHERE task_id = ${task.id}::uuid`);
    expect(events).toEqual([{ kind: 'created', to_state: 'open', version: 1 }]);
    expect(await auditEvents(gp.staffId, sql`resource_id = ${task.id}`)).toEqual([
      expect.objectContaining({ subject_person_id: edna, resource_type: 'summary', action: 'write', outcome: 'allowed' }),
    ]);
  });

  it.each([
    ['without an owner', { owner: undefined }, 'owner', 'Choose who owns this action: a member of staff or a team'],
    ['without a due date', { dueOn: undefined }, 'dueOn', 'Give a due date'],
    ['due yesterday', { dueOn: '2026-06-01' }, 'dueOn', 'A due date cannot be in the past'],
    ['due on no real day', { dueOn: '2026-02-30' }, 'dueOn', 'Give a due date as a real date, written as YYYY-MM-DD'],
    ['owned by a member of staff with no id', { owner: { kind: 'staff', staffId: '' } }, 'owner.staffId', 'Choose a member of staff'],
    ['owned by a team that is not a care role', { owner: { kind: 'team', role: 'volunteer' } }, 'owner.role', 'Choose a team from the network’s care roles'],
    ['with a field Kith does not know', { colour: 'red' }, 'colour', 'Unknown field'],
    ['without a title', { title: '  ' }, 'title', 'Say what needs doing'],
  ])('refuses an action %s: 400 naming the field, nothing written', async (_case, change, field, reason) => {
    const before = await counts();
    const refused = await create(action(change));
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.json().errors).toEqual([{ field, reason }]);
    expect(await counts()).toEqual(before);
  });

  it('refuses owners the network does not have, naming the field, and writes nothing', async () => {
    const cases = [
      [{ kind: 'staff', staffId: farPharmacist.staffId }, 'owner.staffId', /not a member of the network/],
      [{ kind: 'staff', staffId: randomUUID() }, 'owner.staffId', /No member of staff has this id/],
      [{ kind: 'team', role: 'social_worker' }, 'owner.role', /No one in the network works in this role/],
    ] as const;
    for (const [owner, field, reason] of cases) {
      const before = await counts();
      const refused = await create(action({ owner }));
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toEqual([{ field, reason: expect.stringMatching(reason) }]);
      expect(await counts()).toEqual(before);
    }
  });

  it('takes "today" in England: due today is allowed just after midnight in London, yesterday is not', async () => {
    await at(new Date('2026-06-01T23:30:00Z')); // 00:30 on 2 June in London
    expect((await create(action({ dueOn: '2026-06-02' }))).statusCode).toBe(201);
    expect((await create(action({ dueOn: '2026-06-01' }))).json().errors[0]).toEqual({ field: 'dueOn', reason: 'A due date cannot be in the past' });
    await at(NOW);
  });

  it('refuses a person with no practice (no network) naming personId, and a writer with no relationship (403, audited)', async () => {
    const drifter = await insertPerson(t.database.db, null, 'Len Fairclough');
    await addToCareTeam(t.database.db, drifter, gp.staffId, practiceId, NOW);
    const before = await counts();
    const noNetwork = await create(action({ personId: drifter }));
    expect(noNetwork.json().errors).toEqual([{ field: 'personId', reason: 'The person has no registered practice, so belongs to no network' }]);
    expect(await counts()).toEqual(before);
    const stranger = await create(action(), farPharmacist);
    expect(stranger.statusCode).toBe(403);
    expect(stranger.body).not.toContain('Edna');
    expect(await auditEvents(farPharmacist.staffId)).toEqual([expect.objectContaining({ subject_person_id: edna, action: 'write', outcome: 'denied' })]);
    expect((await counts()).tasks).toBe(before.tasks);
  });

  it('links the meeting it came from, and refuses a meeting that is not there or is another network’s', async () => {
    const db = t.database.db;
    const meetingOf = async (network: string, practice: string) => {
      const seriesId = randomUUID();
      const meetingId = randomUUID();
      await db.insert(huddleSeries).values({
        id: seriesId, name: 'Practice MDT', scope: 'practice', practiceId: practice, networkId: network, weekday: 'tuesday', startTime: '10:00',
        durationMinutes: 60, place: 'The surgery', frequency: 'weekly', firstMeetingOn: '2026-06-02', chairStaffId: gp.staffId,
      });
      await db.insert(huddleMeeting).values({ id: meetingId, seriesId, meetsOn: '2026-06-02', startsAt: NOW, endsAt: new Date(NOW.getTime() + 3_600_000) });
      return meetingId;
    };
    const meetingId = await meetingOf(networkId, practiceId);
    const linked = await create(action({ meetingId }));
    expect(linked.json()).toMatchObject({ meetingId, agendaItemId: null, networkId });
    const elsewhere = await createPractice(db, 'Thornton Surgery', 'Y90003');
    const before = await counts();
    const unknown = await create(action({ meetingId: randomUUID() }));
    expect(unknown.json().errors).toEqual([{ field: 'meetingId', reason: 'No huddle meeting has this id' }]);
    const foreign = await create(action({ meetingId: await meetingOf(elsewhere.networkId, elsewhere.practiceId) }));
    expect(foreign.json().errors).toEqual([{ field: 'meetingId', reason: "This meeting is not one of the person's network" }]);
    expect(await counts()).toEqual(before);
  });
});

describe('moving a task through its states', () => {
  it('starts, finishes, is reopened with a reason and cancelled with one; each move on the trail', async () => {
    const { id } = (await create(action())).json();
    const started = await move(id, nurse, { to: 'in_progress', version: 1 });
    expect(started.json()).toMatchObject({ state: 'in_progress', version: 2, nextStates: ['done', 'cancelled'] });
    await at(new Date('2026-06-04T15:00:00Z'));
    const done = await move(id, nurse, { to: 'done', version: 2 });
    expect(done.json()).toMatchObject({ state: 'done', completedOn: '2026-06-04', version: 3, nextStates: ['open'] });

    const before = await counts();
    const reopenedWithout = await move(id, nurse, { to: 'open', version: 3 });
    expect(reopenedWithout.statusCode).toBe(400);
    expect(reopenedWithout.json().errors).toEqual([{ field: 'reason', reason: 'Say why the action is reopened' }]);
    const illegal = await move(id, nurse, { to: 'in_progress', version: 3 });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json().detail).toBe('An action that is done can only become open');
    expect(await counts()).toEqual(before);

    const reopened = await move(id, gp, { to: 'open', version: 3, reason: 'The visit did not happen' });
    expect(reopened.json()).toMatchObject({ state: 'open', completedOn: null, version: 4 });
    const cancelWithout = await move(id, nurse, { to: 'cancelled', version: 4 });
    expect(cancelWithout.json().errors).toEqual([{ field: 'reason', reason: 'Say why the action is cancelled' }]);
    const cancelled = await move(id, nurse, { to: 'cancelled', version: 4, reason: 'She moved to her daughter’s in Leeds' });
    expect(cancelled.json()).toMatchObject({ state: 'cancelled', cancelledReason: 'She moved to her daughter’s in Leeds', version: 5 });
    expect(cancelled.json().events.map((e: { kind: string; fromState: string | null; toState: string | null; text: string | null; staffName: string }) => [e.kind, e.fromState, e.toState, e.text, e.staffName])).toEqual([
      ['created', null, 'open', null, 'Dr Asha Patel'],
      ['moved', 'open', 'in_progress', null, 'Grace Mensah'],
      ['moved', 'in_progress', 'done', null, 'Grace Mensah'],
      ['moved', 'done', 'open', 'The visit did not happen', 'Dr Asha Patel'],
      ['moved', 'open', 'cancelled', 'She moved to her daughter’s in Leeds', 'Grace Mensah'],
    ]);
    await at(NOW);
  });

  it('refuses a stale version with 409 naming the current one, and changes nothing', async () => {
    const { id } = (await create(action())).json();
    await move(id, nurse, { to: 'in_progress', version: 1 });
    const stale = await move(id, gp, { to: 'done', version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ currentVersion: 2, errors: [{ field: 'version', reason: 'Stale: the action is at version 2' }] });
    expect((await send('GET', `/api/v1/tasks/${id}`, gp)).json()).toMatchObject({ state: 'in_progress', version: 2 });
  });

  it('is answered 404 for a task that is not there', async () => {
    expect((await move(randomUUID(), nurse, { to: 'done', version: 1 })).statusCode).toBe(404);
  });
});

describe('editing a task', () => {
  it('changes the due date and hands it to a team, recording what changed; the first due date stays', async () => {
    const { id } = (await create(action())).json();
    const changed = await edit(id, nurse, { version: 1, dueOn: '2026-06-16', owner: { kind: 'team', role: 'independent_living' }, priority: 'urgent' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({
      dueOn: '2026-06-16',
      firstDueOn: '2026-06-09',
      priority: 'urgent',
      owner: { kind: 'team', role: 'independent_living', name: 'Team: Independent living team' },
      version: 2,
    });
    expect(changed.json().events.at(-1)).toMatchObject({
      kind: 'edited',
      staffName: 'Grace Mensah',
      version: 2,
      text: 'Owner Grace Mensah → Team: Independent living team; Due date 2026-06-09 → 2026-06-16; Priority normal → urgent',
    });
  });

  it('refuses a stale version, a past due date, an owner outside the network and an edit of a finished task; nothing changes', async () => {
    const { id } = (await create(action())).json();
    await edit(id, nurse, { version: 1, title: 'Medicines review at home' });
    const before = await counts();
    expect((await edit(id, nurse, { version: 1, priority: 'low' })).json()).toMatchObject({ status: 409, currentVersion: 2 });
    expect((await edit(id, nurse, { version: 2, dueOn: '2026-05-01' })).json().errors).toEqual([{ field: 'dueOn', reason: 'A due date cannot be in the past' }]);
    const outside = await edit(id, nurse, { version: 2, owner: { kind: 'staff', staffId: farPharmacist.staffId } });
    expect(outside.json().errors).toEqual([{ field: 'owner.staffId', reason: expect.stringContaining('not a member of the network') }]);
    expect((await edit(id, nurse, { version: 2 })).json().errors).toEqual([{ field: 'body', reason: 'Change at least one field' }]);
    expect(await counts()).toEqual(before);
    await move(id, nurse, { to: 'done', version: 2 });
    const finished = await edit(id, nurse, { version: 3, title: 'Something else' });
    expect(finished.statusCode).toBe(409);
    expect(finished.json().detail).toBe('This action is done: reopen it to change it');
  });
});

describe('comments and the trail', () => {
  it('adds comments without raising the version, each with who and when', async () => {
    const { id } = (await create(action())).json();
    await at(new Date('2026-06-03T08:00:00Z'));
    const commented = await send('POST', `/api/v1/tasks/${id}/comments`, nurse, { text: 'Phoned; visiting Friday' });
    expect(commented.statusCode).toBe(201);
    expect(commented.json().version).toBe(1);
    await at(new Date('2026-06-03T09:00:00Z'));
    await move(id, nurse, { to: 'in_progress', version: 1 });
    expect((await send('POST', `/api/v1/tasks/${id}/comments`, nurse, { text: ' ' })).json().errors).toEqual([{ field: 'text', reason: 'Write a comment' }]);
    const read = (await send('GET', `/api/v1/tasks/${id}`, gp)).json();
    expect(read.events).toEqual([
      { kind: 'created', fromState: null, toState: 'open', text: null, staffId: gp.staffId, staffName: 'Dr Asha Patel', at: NOW.toISOString(), version: 1 },
      { kind: 'commented', fromState: null, toState: null, text: 'Phoned; visiting Friday', staffId: nurse.staffId, staffName: 'Grace Mensah', at: '2026-06-03T08:00:00.000Z', version: 1 },
      { kind: 'moved', fromState: 'open', toState: 'in_progress', text: null, staffId: nurse.staffId, staffName: 'Grace Mensah', at: '2026-06-03T09:00:00.000Z', version: 2 },
    ]);
    await at(NOW);
  });
});

describe('who may change a task', () => {
  it('lets the owner who may read but not write the record finish their own action, audited as answerable for it', async () => {
    const { id } = (await create(action({ owner: { kind: 'staff', staffId: officer.staffId }, title: 'Fit a pendant alarm' }))).json();
    const done = await move(id, officer, { to: 'done', version: 1 });
    expect(done.statusCode).toBe(200);
    expect(await auditEvents(officer.staffId, sql`resource_id = ${id} AND action = 'write'`)).toEqual([
      expect.objectContaining({ subject_person_id: edna, outcome: 'allowed', reason: 'answerable_for_task' }),
    ]);
  });

  it('refuses a colleague in the same role who is not answerable for it, and a volunteer; the refusals are audited', async () => {
    const { id } = (await create(action({ owner: { kind: 'staff', staffId: officer.staffId } }))).json();
    const before = await counts();
    expect((await move(id, otherOfficer, { to: 'done', version: 1 })).statusCode).toBe(403);
    expect((await send('POST', `/api/v1/tasks/${id}/comments`, volunteer, { text: 'Done it' })).statusCode).toBe(403);
    const after = await counts();
    expect([after.tasks, after.events]).toEqual([before.tasks, before.events]);
    expect(await auditEvents(otherOfficer.staffId, sql`resource_id = ${id}`)).toEqual([expect.objectContaining({ action: 'write', outcome: 'denied' })]);
  });

  it('lets a team member take a team’s action', async () => {
    const { id } = (await create(action({ owner: { kind: 'team', role: 'independent_living' } }))).json();
    expect((await move(id, otherOfficer, { to: 'in_progress', version: 1 })).json()).toMatchObject({ state: 'in_progress' });
  });
});
