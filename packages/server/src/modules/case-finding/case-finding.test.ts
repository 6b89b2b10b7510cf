import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOrganisation, insertPerson, openReferral, staffWithSession, type StaffSession } from '../../../test/access-fixtures.js';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { apiTokenHeaders, createApiClient, createPractice } from '../../../test/factories.js';
import { rowsOf } from '../../platform/db/client.js';
import { condition, encounter, organisation, practice } from '../../platform/db/schema.js';

const NOW = new Date('2026-07-19T09:00:00Z');
const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
let t: TestApp;
let gp: StaffSession;
let admin: StaffSession;
let practiceId: string;
let networkId: string;
const people: Record<'meets' | 'short' | 'elsewhere' | 'referred', string> = { meets: '', short: '', elsewhere: '', referred: '' };

async function record(personId: string, admissions: string[]) {
  const db = t.database.db;
  for (const code of ['13645005', '84114007']) {
    await db.insert(condition).values({ id: randomUUID(), personId, codeSystem: 'snomed', code, sourceSystem: 'gp', sourceId: randomUUID() });
  }
  for (const day of admissions) {
    await db
      .insert(encounter)
      .values({ id: randomUUID(), personId, class: 'inpatient', admissionMethod: '21', startDate: day, endDate: day, sourceSystem: 'pas', sourceId: randomUUID() });
  }
}

beforeAll(async () => {
  t = await buildTestApp(NOW);
  const db = t.database.db;
  ({ practiceId, networkId } = await createPractice(db));
  const otherPractice = randomUUID();
  await db.insert(organisation).values({ id: otherPractice, name: 'Parkside Surgery', type: 'gp_practice', odsCode: 'Y90002' });
  await db.insert(practice).values({ id: otherPractice, networkId, addressLine1: '2 Park Lane', town: 'Croydon', postcode: 'CR0 2AA' });
  gp = await staffWithSession(db, 'gp', practiceId, NOW, 'Dr Asha Patel');
  admin = await staffWithSession(db, 'admin', await createOrganisation(db, 'Croydon Health Services'), NOW);
  people.meets = await insertPerson(db, practiceId, 'Ada Marsh');
  people.short = await insertPerson(db, practiceId, 'Bea Marsh');
  people.elsewhere = await insertPerson(db, otherPractice, 'Cy Marsh');
  people.referred = await insertPerson(db, practiceId, 'Di Marsh');
  await record(people.meets, ['2026-03-04', '2026-07-01']);
  await record(people.short, ['2026-03-04']);
  await record(people.elsewhere, ['2026-01-10', '2026-02-11']);
  await record(people.referred, ['2026-05-05', '2026-06-06']);
  await openReferral(db, people.referred, networkId, NOW);
});
afterAll(() => t?.close());

const get = (url: string, who: StaffSession) => t.app.inject({ method: 'GET', url, headers: who.auth });

async function defaultRuleId() {
  const rules = (await get('/api/v1/case-finding/rules', gp)).json().rules as { id: string; name: string; version: number }[];
  return rules[0]!.id;
}

describe('case-finding', () => {
  it('has the documents\' rule from the start, at version 1', async () => {
    const rules = (await get('/api/v1/case-finding/rules', gp)).json().rules;
    expect(rules).toEqual([expect.objectContaining({ name: 'Two long-term conditions and two emergency admissions', version: 1, networkId: null })]);
  });

  it('recomputes for everyone on demand, and lists the practice\'s people with their reasons, not those already referred', async () => {
    const run = await t.app.inject({ method: 'POST', url: `/api/v1/case-finding/rules/${await defaultRuleId()}/runs`, headers: gp.auth });
    expect(run.json()).toMatchObject({ version: 1, found: 3 });
    const list = await get(`/api/v1/case-finding?practiceId=${practiceId}`, gp);
    expect(list.statusCode).toBe(200);
    expect(list.json().people).toEqual([
      expect.objectContaining({
        personId: people.meets,
        name: 'Ada Marsh',
        reasons: '2 long-term conditions: COPD, heart failure; 2 emergency admissions: 2026-03-04, 2026-07-01',
      }),
    ]);
    const events = await rowsOf<{ subject_person_id: string; action: string }>(
      t.database.db,
      sql`SELECT subject_person_id, action FROM audit_event WHERE request_id = ${String(list.headers['x-request-id'])} AND subject_person_id IS NOT NULL`,
    );
    expect(events).toEqual([{ subject_person_id: people.meets, action: 'read' }]);
  });

  it('counts, without naming, people on the network\'s list whose records the reader may not open', async () => {
    const list = (await get(`/api/v1/case-finding?networkId=${networkId}`, gp)).json();
    expect(list.people.map((p: { personId: string }) => p.personId)).toEqual([people.meets]);
    expect(list.notShown).toBe(1);
    expect(JSON.stringify(list)).not.toContain('Cy Marsh');
  });

  it('exports the list as CSV, each person recorded as exported', async () => {
    const csv = await get(`/api/v1/case-finding/export?practiceId=${practiceId}`, gp);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.split('\r\n')[0]).toBe('NHS number,Name,Date of birth,GP practice,Score,Reasons');
    expect(csv.body).toContain('Ada Marsh');
    const [exported] = await rowsOf<{ n: number }>(
      t.database.db,
      sql`SELECT count(*)::int AS n FROM audit_event WHERE request_id = ${String(csv.headers['x-request-id'])} AND action = 'export'`,
    );
    expect(exported!.n).toBe(1);
  });

  it('refuses roles that do not read people\'s summaries, and bad parameters by name', async () => {
    expect((await get('/api/v1/case-finding', admin)).statusCode).toBe(403);
    const bad = await get('/api/v1/case-finding?practiceId=nope', gp);
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('practiceId');
  });

  it('lets administrators and network leads add and change rules, each change a new version, with problems named by place', async () => {
    const lead = await staffWithSession(t.database.db, 'network_lead', practiceId, NOW, 'Dr Ravi Sharma');
    const send = (method: 'POST' | 'PUT', url: string, who: StaffSession, payload: object) => t.app.inject({ method, url, headers: who.auth, payload });
    const criteria = { kind: 'and', clauses: [{ kind: 'long_term_conditions', atLeast: 3 }, { kind: 'age', from: 65 }] };
    expect((await send('POST', '/api/v1/case-finding/rules', gp, { name: 'Older, three conditions', criteria })).statusCode).toBe(403);
    const bad = await send('POST', '/api/v1/case-finding/rules', lead, {
      name: 'Older, three conditions',
      criteria: { kind: 'and', clauses: [{ kind: 'emergency_admissions', atLeast: 2, months: 0 }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'criteria.clauses.0.months' })]);
    const made = await send('POST', '/api/v1/case-finding/rules', lead, { name: 'Older, three conditions', criteria, networkId });
    expect(made.statusCode).toBe(201);
    expect(made.json()).toMatchObject({ version: 1, networkId });
    const duplicate = await send('POST', '/api/v1/case-finding/rules', lead, { name: 'Older, three conditions', criteria });
    expect(duplicate.json().errors).toEqual([{ field: 'name', reason: 'Another rule has this name' }]);

    const url = `/api/v1/case-finding/rules/${made.json().id}`;
    const changed = await send('PUT', url, lead, {
      name: 'Older, two conditions',
      criteria: { ...criteria, clauses: [{ kind: 'long_term_conditions', atLeast: 2 }] },
      networkId: null,
      version: 1,
    });
    expect(changed.json()).toMatchObject({ name: 'Older, two conditions', version: 2, networkId: null });
    const stale = await send('PUT', url, lead, { name: 'Older, two conditions', criteria, version: 1 });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().currentVersion).toBe(2);
    const versions = (await get(`${url}/versions`, lead)).json().versions;
    expect(versions.map((v: { version: number; createdBy: string }) => [v.version, v.createdBy])).toEqual([
      [2, 'Dr Ravi Sharma'],
      [1, 'Dr Ravi Sharma'],
    ]);
    expect(versions[0].description).toBe('2 or more long-term conditions');
  });

  it('keeps the list current as an import lands: only the people it touched are recomputed', async () => {
    const db = t.database.db;
    const [short] = await rowsOf<{ nhs_number: string }>(db, sql`SELECT nhs_number FROM person WHERE id = ${people.short}`);
    const feed = await apiTokenHeaders(t.app, await createApiClient(db, { organisationId: practiceId, scopes: ['import:write'], name: 'Hospital feed' }));
    const subject = { identifier: { system: NHS, value: short!.nhs_number } };
    const visit = (id: string, code: string) => ({
      resourceType: 'Encounter',
      id,
      subject,
      class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code },
      period: { start: '2026-06-20T10:00:00Z', end: '2026-06-20T18:00:00Z' },
    });
    const body = [visit('ae-1', 'EMER'), visit('stay-1', 'IMP')].map((r) => JSON.stringify(r)).join('\n');
    const imported = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports?source=hospital',
      headers: { ...feed, 'content-type': 'application/fhir+ndjson' },
      payload: body,
    });
    expect(imported.statusCode).toBe(200);
    const list = (await get(`/api/v1/case-finding?practiceId=${practiceId}`, gp)).json();
    expect(list.people.map((p: { name: string }) => p.name).sort()).toEqual(['Ada Marsh', 'Bea Marsh']);
  });
});
