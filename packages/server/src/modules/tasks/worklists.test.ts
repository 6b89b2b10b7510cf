import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, insertPerson, joinNetworkTeam, openReferral, sessionFor, staffWithSession, type StaffSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { createPractice } from '../../../test/factories.js';
import type { StaffRole } from '@kith/core';
import { rowsOf } from '../../platform/db/client.js';
import { openTasksForPeople } from './service.js';

/** A Tuesday, 10:00 in London. */
const NOW = new Date('2026-06-02T09:00:00Z');
let t: TestApp;
let networkId: string;
let practiceId: string;
let trust: string;
let gp: StaffSession;
let volunteer: StaffSession;
let farPharmacist: StaffSession;
let edna: string;
let stan: string;
let hilda: string;
const everyone: StaffSession[] = [];
let currentTime = NOW;

/** A member of staff; in the network (on one of its teams) unless told otherwise. */
async function staffMember(role: StaffRole, name: string, organisationId = trust, inNetwork = true): Promise<StaffSession> {
  const who = await staffWithSession(t.database.db, role, organisationId, currentTime, name);
  if (inNetwork) await joinNetworkTeam(t.database.db, who.staffId, organisationId, networkId);
  everyone.push(who);
  return who;
}

beforeAll(async () => {
  t = await buildTestApp(NOW);
  const db = t.database.db;
  ({ networkId, practiceId } = await createPractice(db));
  trust = await createOrganisation(db, 'Croydon Health Services');
  gp = await staffWithSession(db, 'gp', practiceId, NOW, 'Dr Asha Patel');
  everyone.push(gp);
  volunteer = await staffMember('volunteer', 'Sam Green', await createOrganisation(db, 'Age UK Croydon', 'voluntary'));
  const elsewhere = await createPractice(db, 'Parkway Surgery', 'Y90002');
  farPharmacist = await staffMember('pharmacist', 'Rita Fairclough', elsewhere.practiceId, false);
  edna = await insertPerson(db, practiceId, 'Edna Walsh');
  stan = await insertPerson(db, practiceId, 'Stan Ogden');
  hilda = await insertPerson(db, practiceId, 'Hilda Baker');
  for (const person of [edna, stan]) await openReferral(db, person, networkId, NOW, 'accepted');
});
afterAll(() => t?.close());

async function at(when: Date) {
  currentTime = when;
  t.setNow(when);
  for (const who of everyone) who.auth = await sessionFor(t.database.db, who.staffId, when);
}

const send = (method: 'GET' | 'POST', url: string, who: StaffSession, payload?: object) =>
  t.app.inject({ method, url, headers: who.auth, payload });
const staffOwner = (who: StaffSession) => ({ kind: 'staff', staffId: who.staffId });
async function create(personId: string, owner: object, dueOn: string, extra: object = {}): Promise<string> {
  const made = await send('POST', '/api/v1/tasks', gp, { title: 'Follow up', owner, dueOn, personId, ...extra });
  expect(made.statusCode).toBe(201);
  return made.json().id;
}
const list = async (name: string, who: StaffSession, query = '') => (await send('GET', `/api/v1/tasks/${name}${query}`, who)).json();
const ids = (body: { tasks: { id: string }[] }) => body.tasks.map((task) => task.id);

async function auditEvents(staffId: string, where = sql`true`) {
  return rowsOf<{ subject_person_id: string | null; resource_id: string | null; action: string; outcome: string }>(
    t.database.db,
    sql`SELECT subject_person_id, resource_id, action, outcome FROM audit_event WHERE actor_staff_id = ${staffId}::uuid AND ${where} ORDER BY sequence`,
  );
}

describe("a team's tasks", () => {
  it('show to every member in that role in the network, and to no one else', async () => {
    const priya = await staffMember('pharmacist', 'Priya Shah');
    const tom = await staffMember('pharmacist', 'Tom Reid', await createOrganisation(t.database.db, 'South London Pharmacy'));
    const nurse = await staffMember('nurse', 'Grace Mensah');
    const id = await create(edna, { kind: 'team', role: 'pharmacist' }, '2026-06-09', { title: 'Structured medication review' });
    for (const member of [priya, tom]) {
      const team = await list('team', member);
      expect(ids(team)).toEqual([id]);
      expect(team.tasks[0]).toMatchObject({ owner: { kind: 'team', role: 'pharmacist', name: 'Team: Pharmacist' }, person: { name: 'Edna Walsh' } });
      expect(ids(await list('mine', member))).toEqual([]);
    }
    for (const other of [farPharmacist, nurse, gp]) expect(ids(await list('team', other))).toEqual([]);
    const refused = await send('GET', `/api/v1/tasks/${id}`, farPharmacist);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toMatch(/Edna|medication/);
    expect((await send('POST', `/api/v1/tasks/${id}/moves`, farPharmacist, { to: 'done', version: 1 })).statusCode).toBe(403);
    expect((await send('POST', `/api/v1/tasks/${id}/moves`, tom, { to: 'done', version: 1 })).json()).toMatchObject({ state: 'done', version: 2 });
    expect(ids(await list('team', priya))).toEqual([]);
    expect(ids(await list('team', priya, '?state=done'))).toEqual([id]);
  });
});

describe('my tasks', () => {
  it('are those I own, by due date then priority, active unless a state is asked for', async () => {
    const nurse = await staffMember('nurse', 'Kath Nolan');
    const a = await create(edna, staffOwner(nurse), '2026-06-10');
    const b = await create(stan, staffOwner(nurse), '2026-06-05', { priority: 'low' });
    const c = await create(edna, staffOwner(nurse), '2026-06-05', { priority: 'urgent' });
    const d = await create(edna, staffOwner(nurse), '2026-06-03');
    await send('POST', `/api/v1/tasks/${d}/moves`, nurse, { to: 'done', version: 1 });
    const mine = await list('mine', nurse);
    expect(ids(mine)).toEqual([c, b, a]);
    expect(mine.notShown).toBe(0);
    expect(ids(await list('mine', nurse, '?state=done'))).toEqual([d]);
    expect(ids(await list('mine', nurse, '?state=all'))).toEqual([d, c, b, a]);
    const bad = await send('GET', '/api/v1/tasks/mine?state=lost', nurse);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'state' })]);
  });

  it('name each person once the gate opens them, audited once per person however many tasks they have', async () => {
    const nurse = await staffMember('nurse', 'Betty Turpin');
    await create(edna, staffOwner(nurse), '2026-06-10');
    await create(edna, staffOwner(nurse), '2026-06-11');
    await create(stan, staffOwner(nurse), '2026-06-12');
    const mine = await list('mine', nurse);
    expect(mine.tasks.map((task: { person: { name: string } }) => task.person.name)).toEqual(['Edna Walsh', 'Edna Walsh', 'Stan Ogden']);
    const reads = await auditEvents(nurse.staffId, sql`action = 'read'`);
    expect(reads.map((e) => [e.subject_person_id, e.outcome])).toEqual([
      [edna, 'allowed'],
      [stan, 'allowed'],
    ]);
  });

  it('count, and do not name, tasks for people the reader may not open', async () => {
    const nurse = await staffMember('nurse', 'Ivy Tilsley');
    const hidden = await create(hilda, staffOwner(nurse), '2026-06-10', { title: 'Discuss Hilda’s memory clinic letter' });
    await create(edna, staffOwner(nurse), '2026-06-11');
    const response = await send('GET', '/api/v1/tasks/mine', nurse);
    expect(response.json()).toMatchObject({ notShown: 1, tasks: [expect.objectContaining({ personId: edna })] });
    expect(response.body).not.toMatch(/Hilda|memory clinic/);
    expect(response.body).not.toContain(hidden);
    const refused = await send('GET', `/api/v1/tasks/${hidden}`, nurse);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toMatch(/Hilda|memory clinic/);
    expect(await auditEvents(nurse.staffId, sql`resource_id = ${hidden}`)).toEqual([
      { subject_person_id: hilda, resource_id: hidden, action: 'read', outcome: 'denied' },
    ]);
  });
});

describe('overdue', () => {
  it('lists mine and my teams’ still to do after the due day has ended in England', async () => {
    const therapist = await staffMember('therapist', 'Alf Roberts');
    const colleague = await staffMember('therapist', 'Audrey Roberts');
    const mine = await create(edna, staffOwner(therapist), '2026-06-03');
    const teams = await create(stan, { kind: 'team', role: 'therapist' }, '2026-06-04');
    const later = await create(stan, staffOwner(therapist), '2026-06-30');
    expect(ids(await list('overdue', therapist))).toEqual([]);
    await at(new Date('2026-06-04T22:30:00Z')); // 23:30 on 4 June in London: the team's action is due today
    const first = await list('overdue', therapist);
    expect(ids(first)).toEqual([mine]);
    expect(first.tasks[0].overdue).toBe(true);
    expect(ids(await list('overdue', colleague))).toEqual([]);
    await at(new Date('2026-06-04T23:30:00Z')); // 00:30 on 5 June
    expect(ids(await list('overdue', therapist))).toEqual([mine, teams]);
    expect(ids(await list('overdue', colleague))).toEqual([teams]);
    expect((await list('mine', therapist)).tasks.find((task: { id: string }) => task.id === later).overdue).toBe(false);
    await send('POST', `/api/v1/tasks/${mine}/moves`, therapist, { to: 'done', version: 1 });
    expect(ids(await list('overdue', therapist))).toEqual([teams]);
    expect(ids(await list('overdue', therapist, '?state=in_progress'))).toEqual([]);
    await at(NOW);
  });
});

describe('reading tasks', () => {
  it('is refused to a volunteer, with no person data in the answer, and the refusal audited', async () => {
    const nurse = await staffMember('nurse', 'Rita Sullivan');
    const id = await create(edna, staffOwner(nurse), '2026-06-10', { title: 'Arrange a carers’ assessment for Edna' });
    const refused = await send('GET', `/api/v1/tasks/${id}`, volunteer);
    expect(refused.statusCode).toBe(403);
    expect(refused.body).not.toMatch(/Edna|carers/);
    expect(await auditEvents(volunteer.staffId, sql`resource_id = ${id}`)).toEqual([{ subject_person_id: edna, resource_id: id, action: 'read', outcome: 'denied' }]);
    expect((await send('GET', `/api/v1/people/${edna}/tasks`, volunteer)).statusCode).toBe(403);
  });

  it('writes one read event for each look at a task', async () => {
    const nurse = await staffMember('nurse', 'Emily Bishop');
    const id = await create(stan, staffOwner(nurse), '2026-06-10');
    await send('GET', `/api/v1/tasks/${id}`, nurse);
    await send('GET', `/api/v1/tasks/${id}`, nurse);
    expect(await auditEvents(nurse.staffId, sql`resource_id = ${id}`)).toEqual([
      { subject_person_id: stan, resource_id: id, action: 'read', outcome: 'allowed' },
      { subject_person_id: stan, resource_id: id, action: 'read', outcome: 'allowed' },
    ]);
  });

  it("lists a person's tasks through the gate, every state unless asked", async () => {
    const nurse = await staffMember('nurse', 'Deirdre Barlow');
    const person = await insertPerson(t.database.db, practiceId, 'Mavis Riley');
    const open = await create(person, staffOwner(nurse), '2026-06-10');
    const cancelled = await create(person, staffOwner(nurse), '2026-06-08');
    await send('POST', `/api/v1/tasks/${cancelled}/moves`, gp, { to: 'cancelled', version: 1, reason: 'Duplicate of another action' });
    const all = await send('GET', `/api/v1/people/${person}/tasks`, gp);
    expect(ids(all.json())).toEqual([cancelled, open]);
    expect(ids((await send('GET', `/api/v1/people/${person}/tasks?state=active`, gp)).json())).toEqual([open]);
    expect(await auditEvents(gp.staffId, sql`resource_id = 'tasks' AND subject_person_id = ${person}::uuid`)).toHaveLength(2);
    expect((await send('GET', `/api/v1/people/${person}/tasks`, farPharmacist)).statusCode).toBe(403);
  });
});

describe('open tasks for the next agenda', () => {
  it('are grouped by person, open and in progress only, soonest first; everyone asked for has an entry', async () => {
    const nurse = await staffMember('nurse', 'Sally Webster');
    const person = await insertPerson(t.database.db, practiceId, 'Percy Sugden');
    const nobody = await insertPerson(t.database.db, practiceId, 'Phyllis Pearce');
    await openReferral(t.database.db, person, networkId, NOW, 'accepted');
    const later = await create(person, staffOwner(nurse), '2026-06-20', { title: 'Book a review' });
    const sooner = await create(person, { kind: 'team', role: 'nurse' }, '2026-06-06', { title: 'Dressing check' });
    const finished = await create(person, staffOwner(nurse), '2026-06-05');
    await send('POST', `/api/v1/tasks/${sooner}/moves`, nurse, { to: 'in_progress', version: 1 });
    await send('POST', `/api/v1/tasks/${finished}/moves`, nurse, { to: 'done', version: 1 });
    const open = await openTasksForPeople(t.database.db, [person, nobody]);
    expect(open.get(nobody)).toEqual([]);
    expect(open.get(person)).toEqual([
      expect.objectContaining({ id: sooner, title: 'Dressing check', state: 'in_progress', owner: { kind: 'team', role: 'nurse', name: 'Team: Community nurse' } }),
      expect.objectContaining({ id: later, state: 'open', dueOn: '2026-06-20', owner: { kind: 'staff', staffId: nurse.staffId, name: 'Sally Webster' } }),
    ]);
    expect(await openTasksForPeople(t.database.db, [])).toEqual(new Map());
  });
});
