import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addToCareTeam, createOrganisation, insertPerson, staffWithSession, type StaffSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { createPractice } from '../../../test/factories.js';

const NOW = new Date('2026-06-01T09:00:00Z');
let t: TestApp;
let personId: string;
let gp: StaffSession;
let coordinator: StaffSession;
let nurse: StaffSession;
let charity: string;

beforeAll(async () => {
  t = await buildTestApp(NOW);
  const db = t.database.db;
  const { practiceId } = await createPractice(db);
  const trust = await createOrganisation(db, 'Croydon Health Services');
  charity = await createOrganisation(db, 'Age UK Croydon', 'voluntary');
  personId = await insertPerson(db, practiceId);
  gp = await staffWithSession(db, 'gp', practiceId, NOW, 'Dr Asha Patel');
  coordinator = await staffWithSession(db, 'coordinator', charity, NOW, 'Chloe Bennett');
  nurse = await staffWithSession(db, 'nurse', trust, NOW, 'Grace Mensah');
});
afterAll(() => t?.close());

const url = () => `/api/v1/people/${personId}/care-team`;
const send = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', path: string, who: StaffSession, payload?: object) =>
  t.app.inject({ method, url: path, headers: who.auth, payload });

describe('the care team', () => {
  it('is managed by someone with a relationship, and opens the record to those added', async () => {
    expect((await send('GET', `/api/v1/people/${personId}`, coordinator)).statusCode).toBe(403);
    const added = await send('POST', url(), gp, { staffId: coordinator.staffId, responsibility: 'Personal independence coordinator', isNamedCoordinator: true });
    expect(added.statusCode).toBe(200);
    expect(added.json().members).toEqual([
      expect.objectContaining({ staffId: coordinator.staffId, name: 'Chloe Bennett', organisationId: charity, roles: ['coordinator'], isNamedCoordinator: true }),
    ]);
    expect((await send('GET', `/api/v1/people/${personId}`, coordinator)).json().access.basis).toBe('named_coordinator');
  });

  it('names the coordinator on the record itself, with how to reach them', async () => {
    const record = (await send('GET', `/api/v1/people/${personId}`, gp)).json();
    expect(record.namedCoordinator).toEqual({
      staffId: coordinator.staffId,
      name: 'Chloe Bennett',
      email: expect.stringContaining('@example.test'),
      phone: null,
      organisationName: 'Age UK Croydon',
    });
  });

  it('refuses changes from staff with no relationship', async () => {
    const response = await send('POST', url(), nurse, { staffId: nurse.staffId });
    expect(response.statusCode).toBe(403);
    expect((await send('GET', url(), gp)).json().members).toHaveLength(1);
  });

  it('has one named coordinator: naming another moves the role', async () => {
    await send('POST', url(), gp, { staffId: nurse.staffId, responsibility: 'District nurse' });
    const moved = await send('PUT', `${url()}/named-coordinator`, gp, { staffId: nurse.staffId });
    expect(moved.statusCode).toBe(200);
    const named = moved.json().members.filter((m: { isNamedCoordinator: boolean }) => m.isNamedCoordinator);
    expect(named.map((m: { staffId: string }) => m.staffId)).toEqual([nurse.staffId]);
  });

  it('names the field for bad input and writes nothing', async () => {
    const unknown = await send('POST', url(), gp, { staffId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([{ field: 'staffId', reason: 'No member of staff has this id' }]);
    const wrongOrganisation = await send('POST', url(), gp, { staffId: nurse.staffId, organisationId: charity });
    expect(wrongOrganisation.json().errors).toEqual([{ field: 'organisationId', reason: 'This member of staff has no role at that organisation' }]);
    const notMember = await send('PUT', `${url()}/named-coordinator`, gp, { staffId: gp.staffId });
    expect(notMember.statusCode).toBe(400);
    expect(notMember.json().errors[0].field).toBe('staffId');
    expect((await send('GET', url(), gp)).json().members).toHaveLength(2);
  });

  it('removes a member, who then loses the record', async () => {
    const removed = await send('DELETE', `${url()}/${coordinator.staffId}`, gp);
    expect(removed.statusCode).toBe(200);
    expect((await send('GET', `/api/v1/people/${personId}`, coordinator)).statusCode).toBe(403);
    expect((await send('DELETE', `${url()}/${coordinator.staffId}`, gp)).statusCode).toBe(404);
  });

  it('keeps one named coordinator when two are named at once', async () => {
    const db = t.database.db;
    const other = await insertPerson(db, null);
    await addToCareTeam(db, other, gp.staffId, (await send('GET', '/api/v1/auth/me', gp)).json().staff.roles[0].organisationId, NOW);
    const path = `/api/v1/people/${other}/care-team`;
    await send('POST', path, gp, { staffId: nurse.staffId });
    await send('POST', path, gp, { staffId: coordinator.staffId });
    const answers = await Promise.all([
      send('PUT', `${path}/named-coordinator`, gp, { staffId: nurse.staffId }),
      send('PUT', `${path}/named-coordinator`, gp, { staffId: coordinator.staffId }),
    ]);
    expect(answers.map((a) => a.statusCode).every((s) => s === 200 || s === 409)).toBe(true);
    const named = (await send('GET', path, gp)).json().members.filter((m: { isNamedCoordinator: boolean }) => m.isNamedCoordinator);
    expect(named).toHaveLength(1);
  });
});
