import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { apiTokenHeaders, createApiClient, createPractice, createStaff, signIn } from '../../../test/factories.js';
import { sealAuditEvents } from '../../platform/audit/seal.js';
import { verifyAuditChain } from '../../platform/audit/verify.js';
import { rowsOf, type Db } from '../../platform/db/client.js';

const NHS = 'https://fhir.nhs.uk/Id/nhs-number';
const ADMISSION_METHOD = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AdmissionMethod';

let t: TestApp;
let db: Db;
let importer: { authorization: string };

beforeAll(async () => {
  t = await buildTestApp();
  db = t.database.db;
  const { practiceId } = await createPractice(db);
  importer = await apiTokenHeaders(t.app, await createApiClient(db, { organisationId: practiceId, scopes: ['import:write'], name: 'Hospital feed' }));
});
afterAll(() => t.close());

function patient(id: string, nhsNumber: string | null, overrides: Record<string, unknown> = {}) {
  return {
    resourceType: 'Patient',
    id,
    identifier: nhsNumber ? [{ system: NHS, value: nhsNumber }] : [],
    name: [{ use: 'official', family: 'Okafor', given: ['Grace', 'Ada'] }],
    gender: 'female',
    birthDate: '1948-05-02',
    address: [{ use: 'home', line: ['12 Station Road'], city: 'Croydon', postalCode: 'cr0 2aa' }],
    ...overrides,
  };
}

const condition = (id: string, subject: object, code = '44054006') => ({
  resourceType: 'Condition',
  id,
  subject,
  code: { coding: [{ system: 'http://snomed.info/sct', code, display: 'Type 2 diabetes' }] },
  onsetDateTime: '2015-03-01T10:00:00Z',
});

const encounter = (id: string, subject: object, classCode: string, start: string, extra: Record<string, unknown> = {}) => ({
  resourceType: 'Encounter',
  id,
  subject,
  class: { system: 'http://terminology.hl7.org/CodeSystem/v3-ActCode', code: classCode },
  period: { start, end: start },
  ...extra,
});

const medication = (id: string, subject: object, status = 'active') => ({
  resourceType: 'MedicationStatement',
  id,
  status,
  subject,
  medicationCodeableConcept: { coding: [{ system: 'https://dmd.nhs.uk', code: '39732311000001104', display: 'Amoxicillin 250mg capsules' }] },
  effectivePeriod: { start: '2025-02-01' },
  dosage: [{ text: 'One capsule three times a day' }],
});

function bundle(type: string, resources: object[]) {
  return {
    resourceType: 'Bundle',
    type,
    entry: resources.map((resource, i) => ({ fullUrl: `urn:uuid:00000000-0000-4000-8000-${String(i).padStart(12, '0')}`, resource, request: { method: 'POST', url: (resource as { resourceType: string }).resourceType } })),
  };
}

function post(body: string | object, contentType: string, query = '', headers: Record<string, string> = importer) {
  return t.app.inject({
    method: 'POST',
    url: `/api/v1/imports${query}`,
    headers: { ...headers, 'content-type': contentType },
    payload: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Every imported table's rows, in a fixed order, without the times they were written. */
async function snapshot() {
  const [row] = await rowsOf<{ digest: string }>(
    db,
    sql`SELECT md5(string_agg(r, '|' ORDER BY r)) AS digest FROM (
          SELECT (to_jsonb(p) - 'created_at' - 'updated_at')::text AS r FROM person p
          UNION ALL SELECT to_jsonb(c)::text FROM condition c
          UNION ALL SELECT to_jsonb(e)::text FROM encounter e
          UNION ALL SELECT to_jsonb(m)::text FROM medication m
          UNION ALL SELECT to_jsonb(i)::text FROM person_source_identifier i) rows`,
  );
  const counts = await rowsOf<{ people: number; conditions: number; encounters: number }>(
    db,
    sql`SELECT (SELECT count(*)::int FROM person) AS people, (SELECT count(*)::int FROM condition) AS conditions, (SELECT count(*)::int FROM encounter) AS encounters`,
  );
  return { digest: row!.digest, ...counts[0]! };
}

const personByNhs = async (nhsNumber: string) =>
  (await rowsOf<{ id: string; given_name: string; postcode: string | null; version: number }>(db, sql`SELECT id, given_name, postcode, version FROM person WHERE nhs_number = ${nhsNumber}`))[0];

interface Outcome {
  resourceType: string;
  issue: { severity: string; code: string; diagnostics: string; expression?: string[] }[];
  extension: { extension: { url: string; valueInteger: number }[] }[];
}
const summaryOf = (outcome: Outcome) => Object.fromEntries(outcome.extension[0]!.extension.map((e) => [e.url, e.valueInteger]));

describe('importing a FHIR transaction Bundle', () => {
  const first = bundle('transaction', [
    patient('p1', '9434765870'),
    condition('c1', { reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' }),
    encounter('e1', { reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' }, 'EMER', '2026-03-04T09:00:00Z'),
    encounter('e2', { reference: 'Patient/p1' }, 'IMP', '2026-03-04T13:00:00Z', {
      extension: [{ url: ADMISSION_METHOD, valueCodeableConcept: { coding: [{ code: '22' }] } }],
    }),
    encounter('e3', { identifier: { system: NHS, value: '943 476 5870' } }, 'AMB', '2026-04-01'),
    { resourceType: 'Observation', id: 'o1' },
    medication('m1', { reference: 'Patient/p1' }),
  ]);

  it('creates the person, their condition, encounters and medicine, and says so', async () => {
    const res = await post(first, 'application/fhir+json');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('application/fhir+json');
    const outcome = res.json() as Outcome;
    expect(outcome.resourceType).toBe('OperationOutcome');
    expect(summaryOf(outcome)).toMatchObject({ batchesLanded: 1, peopleCreated: 1, conditionsCreated: 1, encountersCreated: 3, medicationsCreated: 1, skipped: 1, entriesRefused: 0 });
    const person = await personByNhs('9434765870');
    expect(person).toMatchObject({ given_name: 'Grace Ada', postcode: 'CR0 2AA' });
    const encounters = await rowsOf<{ source_id: string; class: string; admission_method: string | null; start_date: string }>(
      db,
      sql`SELECT source_id, class, admission_method, start_date::text FROM encounter WHERE person_id = ${person!.id} ORDER BY source_id`,
    );
    expect(encounters).toEqual([
      { source_id: 'e1', class: 'emergency', admission_method: null, start_date: '2026-03-04' },
      { source_id: 'e2', class: 'inpatient', admission_method: '22', start_date: '2026-03-04' },
      { source_id: 'e3', class: 'ambulatory', admission_method: null, start_date: '2026-04-01' },
    ]);
    const medicines = await rowsOf(db, sql`SELECT code_system, code, display, dosage, status, start_date::text FROM medication WHERE person_id = ${person!.id}`);
    expect(medicines).toEqual([
      { code_system: 'dmd', code: '39732311000001104', display: 'Amoxicillin 250mg capsules', dosage: 'One capsule three times a day', status: 'active', start_date: '2025-02-01' },
    ]);
  });

  it('changes nothing when the same Bundle comes again, and records no write', async () => {
    const before = await snapshot();
    const events = await countEvents();
    const res = await post(first, 'application/fhir+json');
    expect(res.statusCode).toBe(200);
    expect(summaryOf(res.json())).toMatchObject({ peopleCreated: 0, peopleUpdated: 0, peopleUnchanged: 1, conditionsCreated: 0, conditionsUpdated: 0, conditionsUnchanged: 1, encountersUnchanged: 3, medicationsUnchanged: 1 });
    expect(await snapshot()).toEqual(before);
    expect(await countEvents()).toBe(events);
  });

  it('updates demographics and a changed record, and nothing else', async () => {
    const changed = structuredClone(first);
    (changed.entry[0]!.resource as { name: unknown }).name = [{ use: 'official', family: 'Okafor', given: ['Grace'] }];
    (changed.entry[1]!.resource as { onsetDateTime: string }).onsetDateTime = '2016-01-01';
    (changed.entry[6]!.resource as { status: string }).status = 'stopped';
    const before = await personByNhs('9434765870');
    const res = await post(changed, 'application/json');
    expect(summaryOf(res.json())).toMatchObject({ peopleUpdated: 1, conditionsUpdated: 1, conditionsCreated: 0, encountersUnchanged: 3, medicationsUpdated: 1 });
    expect(await personByNhs('9434765870')).toMatchObject({ given_name: 'Grace', version: before!.version + 1 });
  });
});

async function countEvents(where = "action = 'write' AND subject_person_id IS NOT NULL") {
  const [row] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM audit_event WHERE ${sql.raw(where)}`);
  return row!.n;
}

describe('a batch with a refused entry', () => {
  const good = bundle('transaction', [patient('p2', '9434765889'), condition('c2', { reference: 'Patient/p2' })]);
  const bad = bundle('transaction', [
    patient('p3', '9434765897'),
    condition('c3', { reference: 'Patient/p3' }),
    encounter('e4', { reference: 'Patient/p3' }, 'IMP', '2026-05-01'),
    patient('p4', '9434765900', { birthDate: '1950-02-30' }),
  ]);

  it('reports the entry by index, field and reason, writes none of its batch, and lands the good batch beside it', async () => {
    const ndjson = `${JSON.stringify(bad)}\n${JSON.stringify(good)}\n`;
    const res = await post(ndjson, 'application/fhir+ndjson');
    expect(res.statusCode).toBe(422);
    const outcome = res.json() as Outcome;
    const errors = outcome.issue.filter((i) => i.severity === 'error');
    expect(errors[0]).toMatchObject({ code: 'value', expression: ['Bundle.entry[3].resource.birthDate'] });
    expect(errors[0]!.diagnostics).toMatch(/^line 1 \(Bundle\), entry 3: Must be a whole date/);
    expect(errors[1]).toMatchObject({ code: 'processing' });
    expect(summaryOf(outcome)).toMatchObject({ batches: 2, batchesLanded: 1, batchesRefused: 1, entriesRefused: 1, peopleCreated: 1, conditionsCreated: 1 });
    expect(await personByNhs('9434765897')).toBeUndefined();
    expect(await personByNhs('9434765889')).toBeDefined();
    const [row] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM condition WHERE source_id IN ('c2', 'c3')`);
    expect(row!.n).toBe(1);
  });

  it('in a batch Bundle, refuses that entry and what depends on it, and lands the rest', async () => {
    const batch = bundle('batch', [
      patient('p5', '9434765919'),
      patient('p6', '1234567890'),
      condition('c6', { reference: 'urn:uuid:00000000-0000-4000-8000-000000000001' }),
      condition('c5', { reference: 'urn:uuid:00000000-0000-4000-8000-000000000000' }),
    ]);
    const res = await post(batch, 'application/fhir+json');
    expect(res.statusCode).toBe(422);
    const errors = (res.json() as Outcome).issue.filter((i) => i.severity === 'error');
    expect(errors.map((e) => e.expression?.[0])).toEqual(['Bundle.entry[1].resource.identifier[0].value', 'Bundle.entry[2].resource.subject.reference']);
    expect(await personByNhs('9434765919')).toBeDefined();
    const [row] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM condition WHERE source_id IN ('c5', 'c6')`);
    expect(row!.n).toBe(1);
  });

  it('refuses a new patient with no NHS number from a source that is not synthetic', async () => {
    const res = await post(bundle('transaction', [patient('p7', null)]), 'application/fhir+json');
    expect(res.statusCode).toBe(422);
    expect((res.json() as Outcome).issue[0]).toMatchObject({ code: 'required', expression: ['Bundle.entry[0].resource.identifier'] });
  });
});

describe('NDJSON of resources', () => {
  it('lands batch by batch, a later batch finding patients of an earlier one, and only the bad batch is refused', async () => {
    const lines = [
      patient('n1', '9434765927'),
      patient('n2', '9434765935'),
      condition('nc1', { reference: 'Patient/n1' }),
      encounter('ne1', { reference: 'Patient/n2' }, 'AMB', '2026-01-02'),
      condition('nc2', { reference: 'Patient/nobody' }),
    ].map((r) => JSON.stringify(r));
    // KITH_IMPORT_BATCH_LINES is 1000 by default: one batch of five lines, refused whole.
    const res = await post(lines.join('\n'), 'application/x-ndjson', '?source=ward-system');
    expect(res.statusCode).toBe(422);
    const outcome = res.json() as Outcome;
    expect(outcome.issue[0]).toMatchObject({ code: 'not-found', expression: ['Condition.subject.reference'] });
    expect(outcome.issue[0]!.diagnostics).toMatch(/^line 5: /);
    expect(await personByNhs('9434765927')).toBeUndefined();

    const again = await post(lines.slice(0, 4).join('\n'), 'application/fhir+ndjson', '?source=ward-system');
    expect(again.statusCode).toBe(200);
    expect(summaryOf(again.json())).toMatchObject({ peopleCreated: 2, conditionsCreated: 1, encountersCreated: 1 });
    const later = await post(JSON.stringify(condition('nc3', { reference: 'Patient/n2' })), 'application/fhir+ndjson', '?source=ward-system');
    expect(summaryOf(later.json())).toMatchObject({ conditionsCreated: 1 });
    const other = await post(JSON.stringify(condition('nc4', { reference: 'Patient/n2' })), 'application/fhir+ndjson', '?source=another-system');
    expect(other.statusCode).toBe(422);
  });
});

describe('emergency admissions from a source without admission methods', () => {
  const stay = (id: string, start: string) => encounter(id, { reference: 'Patient/x1' }, 'IMP', start);
  const attendance = (id: string, start: string) => encounter(id, { reference: 'Patient/x1' }, 'EMER', start);
  const send = (...resources: object[]) => post(resources.map((r) => JSON.stringify(r)).join('\n'), 'application/fhir+ndjson', '?source=no-methods');
  const methods = async () =>
    Object.fromEntries(
      (await rowsOf<{ source_id: string; admission_method: string | null }>(db, sql`SELECT source_id, admission_method FROM encounter WHERE source_system = 'no-methods' AND class = 'inpatient'`)).map(
        (r) => [r.source_id, r.admission_method],
      ),
    );

  it('takes a stay from the day of an A&E attendance, or the day after, as one via A&E (21), whichever arrives first', async () => {
    expect((await send(patient('x1', '9434761018'), stay('s-same', '2026-02-10T11:00:00Z'), stay('s-later', '2026-03-01'), stay('s-before', '2026-04-01'))).statusCode).toBe(200);
    expect(await methods()).toEqual({ 's-same': null, 's-later': null, 's-before': null });
    // The attendances arrive afterwards: on the stay's day, the day before it, and the day after the last stay.
    expect((await send(attendance('a-same', '2026-02-10T10:00:00Z'), attendance('a-later', '2026-02-28'), attendance('a-after', '2026-04-02'))).statusCode).toBe(200);
    expect(await methods()).toEqual({ 's-same': '21', 's-later': '21', 's-before': null });
    // A stay arriving after its attendance, and the same records again: nothing more changes.
    expect((await send(stay('s-new', '2026-04-02'))).statusCode).toBe(200);
    expect((await methods())['s-new']).toBe('21');
    const again = await send(stay('s-same', '2026-02-10'), attendance('a-same', '2026-02-10'));
    expect(summaryOf(again.json())).toMatchObject({ encountersUnchanged: 2, encountersUpdated: 0 });
  });
});

describe('CSV', () => {
  const header = 'kind,nhs_number,source_id,given_name,family_name,birth_date,sex,postcode,code_system,code,display,onset_date,class,admission_method,start_date,end_date';
  const rows = [
    'patient,943 476 5943,,Sam,"O\'Neil, Jr",1950-07-01,male,CR0 1AB,,,,,,,,',
    'condition,9434765943,gp-1,,,,,,snomed,13645005,"COPD, severe",2019-01-01,,,,',
    'encounter,9434765943,h-1,,,,,,,,,,inpatient,21,2026-02-01,2026-02-05',
  ];

  it('imports patients, conditions and encounters, and again changes nothing', async () => {
    const res = await post([header, ...rows].join('\r\n'), 'text/csv');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ batchesLanded: 1, peopleCreated: 1, conditionsCreated: 1, encountersCreated: 1 });
    const person = await personByNhs('9434765943');
    const [enc] = await rowsOf<{ admission_method: string; end_date: string }>(db, sql`SELECT admission_method, end_date::text FROM encounter WHERE person_id = ${person!.id}`);
    expect(enc).toEqual({ admission_method: '21', end_date: '2026-02-05' });
    const before = await snapshot();
    expect((await post([header, ...rows].join('\n'), 'text/csv')).json()).toMatchObject({ peopleUnchanged: 1, conditionsUnchanged: 1, encountersUnchanged: 1 });
    expect(await snapshot()).toEqual(before);
  });

  it('answers a problem naming the line and column of a refused row, and writes none of its batch', async () => {
    const bad = [header, 'patient,9434765951,,Ann,Lee,1960-01-01,female,,,,,,,,,', 'encounter,9434765951,h-2,,,,,,,,,,ward,,2026-02-01,'];
    const res = await post(bad.join('\n'), 'text/csv');
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 422, errors: [{ field: 'class', line: 3 }], notWritten: ['lines 2-3'] });
    expect(await personByNhs('9434765951')).toBeUndefined();
  });

  it('refuses an unknown column', async () => {
    const res = await post('kind,nhs_number,favourite_colour\npatient,9434765951,blue', 'text/csv');
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatchObject({ field: 'favourite_colour', line: 1 });
  });
});

describe('who may import', () => {
  it('refuses a token without the import scope (403)', async () => {
    const { practiceId } = await createPractice(db, 'Scope Surgery', 'Y90077');
    const alerts = await apiTokenHeaders(t.app, await createApiClient(db, { organisationId: practiceId, scopes: ['alerts:write'] }));
    const res = await post(bundle('transaction', [patient('s1', '9434765978')]), 'application/fhir+json', '', alerts);
    expect(res.statusCode).toBe(403);
    expect(await personByNhs('9434765978')).toBeUndefined();
  });

  it('refuses staff, an administrator among them, and records the refusal', async () => {
    const { practiceId } = await createPractice(db, 'Staff Surgery', 'Y90078');
    for (const role of ['admin', 'gp'] as const) {
      await createStaff(db, { email: `${role}-import@example.test`, role, organisationId: practiceId });
      const staff = await signIn(t.app, `${role}-import@example.test`);
      const res = await post(bundle('transaction', [patient('s2', '9434765978')]), 'application/fhir+json', '', staff);
      expect(res.statusCode, role).toBe(403);
      const [denied] = await rowsOf<{ outcome: string; actor_kind: string }>(
        db,
        sql`SELECT outcome, actor_kind FROM audit_event WHERE request_id = ${String(res.headers['x-request-id'])}`,
      );
      expect(denied).toEqual({ outcome: 'denied', actor_kind: 'staff' });
    }
    expect(await personByNhs('9434765978')).toBeUndefined();
  });

  it('refuses other media types (415)', async () => {
    for (const type of ['text/plain', 'application/xml', 'application/x-www-form-urlencoded']) {
      expect((await post('resourceType=Bundle', type)).statusCode, type).toBe(415);
    }
  });

  it('records one write event per person the batch changed, as the API client, and keeps the chain whole', async () => {
    const res = await post(bundle('transaction', [patient('a1', '9434765986'), patient('a2', '9434765994'), condition('ac1', { reference: 'Patient/a1' })]), 'application/fhir+json');
    expect(res.statusCode).toBe(200);
    const events = await rowsOf<{ action: string; actor_kind: string; subject_person_id: string | null; resource_type: string }>(
      db,
      sql`SELECT action, actor_kind, subject_person_id, resource_type FROM audit_event WHERE request_id = ${String(res.headers['x-request-id'])} ORDER BY sequence`,
    );
    const writes = events.filter((e) => e.subject_person_id);
    expect(writes).toHaveLength(2);
    expect(new Set(writes.map((e) => e.subject_person_id))).toEqual(new Set([(await personByNhs('9434765986'))!.id, (await personByNhs('9434765994'))!.id]));
    expect(writes.every((e) => e.action === 'write' && e.actor_kind === 'api_client')).toBe(true);
    expect(events.map((e) => e.resource_type)).toContain('api_call');
    expect(await sealAuditEvents(db)).toBeGreaterThan(0);
    expect((await verifyAuditChain(db)).ok).toBe(true);
  });
});
