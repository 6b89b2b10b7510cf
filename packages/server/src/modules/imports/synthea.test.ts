/**
 * The 30 Synthea bundles (test/fixtures/synthea-r4, Apache-2.0), imported through the API as a
 * connected system would send them. They carry no NHS numbers: each patient is matched by its
 * Synthea identifier and, the first time, registered with a test-range NHS number.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_REFERRAL_RULE, conditionsOf, isValidNhsNumber } from '@kith/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { apiTokenHeaders, createApiClient, createPractice } from '../../../test/factories.js';
import { rowsOf } from '../../platform/db/client.js';
import { findPeople } from '../case-finding/find.js';

interface ManifestEntry {
  file: string;
  birthDate: string;
  encounter_class_counts: Record<string, number>;
  condition_count: number;
  snomed_condition_codes: string[];
}

// A path, not a URL: one file name holds backslashes, which a URL would read as slashes.
const fixtures = fileURLToPath(new URL('../../../test/fixtures/synthea-r4/', import.meta.url));
const CLASS_OF: Record<string, string> = { AMB: 'ambulatory', EMER: 'emergency', IMP: 'inpatient' };

let t: TestApp;
let manifest: ManifestEntry[];
let bundles: Map<string, string>;
let authorization: string;

beforeAll(async () => {
  t = await buildTestApp();
  const { practiceId } = await createPractice(t.database.db);
  ({ authorization } = await apiTokenHeaders(t.app, await createApiClient(t.database.db, { organisationId: practiceId, scopes: ['import:write'] })));
  manifest = JSON.parse(await readFile(join(fixtures, 'manifest.json'), 'utf8')) as ManifestEntry[];
  bundles = new Map(await Promise.all(manifest.map(async (m) => [m.file, await readFile(join(fixtures, 'bundles', m.file), 'utf8')] as const)));
});
afterAll(() => t.close());

const importAll = async () => {
  const outcomes = [];
  for (const m of manifest) {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/imports?source=synthea',
      headers: { authorization, 'content-type': 'application/fhir+json' },
      payload: bundles.get(m.file)!,
    });
    expect(res.statusCode, `${m.file}: ${res.body.slice(0, 500)}`).toBe(200);
    outcomes.push(res.json());
  }
  return outcomes;
};

/** Each person's conditions and encounters by class, found by their Synthea identifier (the patient's id is in the file name). */
async function stored() {
  return rowsOf<{ synthea_id: string; nhs_number: string; date_of_birth: string; conditions: number; classes: Record<string, number> | null }>(
    t.database.db,
    sql`SELECT i.value AS synthea_id, p.nhs_number, p.date_of_birth::text,
          (SELECT count(*)::int FROM condition c WHERE c.person_id = p.id) AS conditions,
          (SELECT jsonb_object_agg(class, n) FROM (SELECT class, count(*)::int AS n FROM encounter e WHERE e.person_id = p.id GROUP BY class) k) AS classes
        FROM person p JOIN person_source_identifier i ON i.person_id = p.id AND i.system = 'https://github.com/synthetichealth/synthea'`,
  );
}

describe('the 30 Synthea bundles', () => {
  it('import, and each person holds the conditions and encounters the manifest counts', async () => {
    await importAll();
    const people = await stored();
    expect(people).toHaveLength(manifest.length);
    for (const m of manifest) {
      const syntheaId = /_([0-9a-f-]{36})\.json$/.exec(m.file)![1]!;
      const person = people.find((p) => p.synthea_id === syntheaId);
      expect(person, m.file).toBeDefined();
      expect(person!.date_of_birth).toBe(m.birthDate);
      expect(person!.conditions, m.file).toBe(m.condition_count);
      const expected = Object.fromEntries(Object.entries(m.encounter_class_counts).map(([code, n]) => [CLASS_OF[code], n]));
      expect(person!.classes ?? {}, m.file).toEqual(expected);
    }
  });

  it('gives each person a distinct, valid NHS number from the 999 test range', async () => {
    const numbers = (await stored()).map((p) => p.nhs_number);
    expect(new Set(numbers).size).toBe(manifest.length);
    for (const n of numbers) {
      expect(n.startsWith('999')).toBe(true);
      expect(isValidNhsNumber(n)).toBe(true);
    }
  });

  it('takes an inpatient stay that starts on the day of an A&E attendance as an emergency admission (21), and no other', async () => {
    const rows = await rowsOf<{ emergency_admissions: number; inpatient: number; after_ae: number }>(
      t.database.db,
      sql`SELECT count(*) FILTER (WHERE admission_method = '21')::int AS emergency_admissions, count(*)::int AS inpatient,
            count(*) FILTER (WHERE EXISTS (SELECT 1 FROM encounter e WHERE e.person_id = i.person_id AND e.class = 'emergency'
              AND e.start_date BETWEEN i.start_date - 1 AND i.start_date))::int AS after_ae
          FROM encounter i WHERE class = 'inpatient'`,
    );
    const inpatientInManifest = manifest.reduce((sum, m) => sum + (m.encounter_class_counts.IMP ?? 0), 0);
    expect(rows[0]!.inpatient).toBe(inpatientInManifest);
    expect(rows[0]!.emergency_admissions).toBe(rows[0]!.after_ae);
    expect(rows[0]!.emergency_admissions).toBeGreaterThan(0);
    expect(rows[0]!.emergency_admissions).toBeLessThan(inpatientInManifest);
  });

  it('give case-finding the long-term conditions their manifest codes imply, and the rule finds only people those counts allow', async () => {
    const ids = new Map((await stored()).map((p) => [p.synthea_id, p] as const));
    const personOf = async (m: ManifestEntry) => {
      const syntheaId = /_([0-9a-f-]{36})\.json$/.exec(m.file)![1]!;
      const [row] = await rowsOf<{ id: string }>(t.database.db, sql`SELECT person_id AS id FROM person_source_identifier WHERE value = ${syntheaId}`);
      expect(ids.has(syntheaId)).toBe(true);
      return row!.id;
    };
    const implied = new Map<string, string[]>();
    for (const m of manifest) implied.set(await personOf(m), [...conditionsOf(m.snomed_condition_codes.map((code) => ({ system: 'snomed', code })))]);
    const withConditions = await findPeople(t.database.db, { name: 'Any long-term condition', criteria: { kind: 'long_term_conditions', atLeast: 1 } }, '2026-11-22');
    const found = new Map(withConditions.map((p) => [p.personId, p.evaluation.found.conditions as string[]]));
    for (const [personId, conditions] of implied) expect(found.get(personId) ?? [], personId).toEqual(conditions);
    expect(found.size).toBeGreaterThan(0);

    const inpatientStays = new Map<string, number>();
    for (const m of manifest) inpatientStays.set(await personOf(m), m.encounter_class_counts.IMP ?? 0);
    for (const asOf of ['2026-11-22', '2020-06-30', '2015-06-30']) {
      for (const { personId } of await findPeople(t.database.db, DEFAULT_REFERRAL_RULE, asOf)) {
        expect(implied.get(personId)!.length, personId).toBeGreaterThanOrEqual(2);
        expect(inpatientStays.get(personId), personId).toBeGreaterThanOrEqual(2);
      }
    }
  });

  it('again, changes nothing', async () => {
    const digest = async () =>
      (await rowsOf<{ d: string }>(
        t.database.db,
        sql`SELECT md5(string_agg(r, '|' ORDER BY r)) AS d FROM (
              SELECT (to_jsonb(p) - 'created_at' - 'updated_at')::text AS r FROM person p
              UNION ALL SELECT to_jsonb(c)::text FROM condition c UNION ALL SELECT to_jsonb(e)::text FROM encounter e
              UNION ALL SELECT to_jsonb(i)::text FROM person_source_identifier i) x`,
      ))[0]!.d;
    const before = await digest();
    const outcomes = await importAll();
    expect(await digest()).toBe(before);
    for (const outcome of outcomes) {
      const numbers = Object.fromEntries((outcome.extension[0].extension as { url: string; valueInteger: number }[]).map((e) => [e.url, e.valueInteger]));
      expect(numbers).toMatchObject({ peopleCreated: 0, peopleUpdated: 0, conditionsCreated: 0, conditionsUpdated: 0, encountersCreated: 0, encountersUpdated: 0 });
    }
  });
});
