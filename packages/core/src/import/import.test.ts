import { describe, expect, it } from 'vitest';
import { isValidNhsNumber } from '../people/nhs-number.js';
import { bundleBatch, ndjsonBatches } from './batches.js';
import { readCsv } from './csv-reader.js';
import { csvBatch, csvHeader } from './csv.js';
import { readFhirResource } from './fhir.js';
import { syntheticImportNhsNumbers } from './synthetic-nhs-number.js';

const TODAY = '2026-06-01';
const place = { index: 3, path: 'Bundle.entry[3].resource' };

describe('reading FHIR resources', () => {
  it('reads a Patient: NHS number, official name, date of birth, sex, UK postcode only', () => {
    const entry = readFhirResource(
      {
        resourceType: 'Patient',
        id: 'p',
        identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '943 476 5919' }, { system: 'urn:mrn', value: '42' }],
        name: [{ use: 'maiden', family: 'Old', given: ['X'] }, { use: 'official', family: 'Ashworth', given: ['Robert', 'James'] }],
        gender: 'male',
        birthDate: '1941-03-12',
        address: [{ line: ['1 High St', 'Flat 2'], city: 'Croydon', postalCode: 'cr01ab' }],
        telecom: [{ system: 'phone', value: '01632 960001' }],
      },
      place,
      TODAY,
      'urn:uuid:abc',
    );
    expect(entry.issues).toEqual([]);
    expect(entry.record).toMatchObject({
      kind: 'patient',
      nhsNumber: '9434765919',
      identifiers: [{ system: 'urn:mrn', value: '42' }],
      localReferences: ['urn:uuid:abc', 'Patient/p'],
      synthetic: false,
      demographics: { givenName: 'Robert James', familyName: 'Ashworth', postcode: 'CR0 1AB', addressLine2: 'Flat 2', phone: '01632 960001' },
    });
    const us = readFhirResource({ resourceType: 'Patient', name: [{ family: 'A', given: ['B'] }], gender: 'female', birthDate: '1980-01-01', address: [{ postalCode: '01887' }] }, place, TODAY);
    expect(us.record).toMatchObject({ demographics: { postcode: null } });
  });

  it('names each problem of a Patient by its FHIRPath', () => {
    const entry = readFhirResource(
      { resourceType: 'Patient', identifier: [{ system: 'https://fhir.nhs.uk/Id/nhs-number', value: '9434765918' }], name: [{ given: ['A'] }], gender: 'woman', birthDate: '2027-01-01' },
      place,
      TODAY,
    );
    expect(entry.issues.map((i) => i.expression)).toEqual([
      'Bundle.entry[3].resource.identifier[0].value',
      'Bundle.entry[3].resource.name[0].family',
      'Bundle.entry[3].resource.birthDate',
      'Bundle.entry[3].resource.gender',
    ]);
    expect(entry.issues.every((i) => i.index === 3)).toBe(true);
  });

  it('reads a MedicationStatement: the dm+d medicine, its dose in words, status and dates', () => {
    const entry = readFhirResource(
      {
        resourceType: 'MedicationStatement',
        id: 'm1',
        status: 'active',
        subject: { reference: 'Patient/p' },
        medicationCodeableConcept: { coding: [{ system: 'https://dmd.nhs.uk', code: '39732311000001104', display: 'Amoxicillin 250mg capsules' }] },
        effectivePeriod: { start: '2025-02-01' },
        dosage: [{ text: 'One capsule three times a day' }],
      },
      place,
      TODAY,
    );
    expect(entry.issues).toEqual([]);
    expect(entry.record).toEqual({
      kind: 'medication',
      ...place,
      sourceId: 'm1',
      subject: { reference: 'Patient/p' },
      codeSystem: 'dmd',
      code: '39732311000001104',
      display: 'Amoxicillin 250mg capsules',
      dosage: 'One capsule three times a day',
      status: 'active',
      startDate: '2025-02-01',
      endDate: null,
    });
    const snomed = readFhirResource(
      { resourceType: 'MedicationStatement', id: 'm2', status: 'stopped', subject: { reference: 'Patient/p' }, medicationCodeableConcept: { text: 'Furosemide 40mg tablets', coding: [{ system: 'http://snomed.info/sct', code: '317972000' }] }, effectiveDateTime: '2024-01-05T10:00:00Z' },
      place,
      TODAY,
    );
    expect(snomed.record).toMatchObject({ codeSystem: 'snomed', display: 'Furosemide 40mg tablets', status: 'stopped', startDate: '2024-01-05', dosage: null });
  });

  it('names each problem of a MedicationStatement by its FHIRPath', () => {
    const problems = (resource: object) => readFhirResource({ resourceType: 'MedicationStatement', id: 'm', subject: { reference: 'Patient/p' }, ...resource }, place, TODAY).issues.map((i) => `${i.expression} ${i.code}`);
    expect(problems({ status: 'taking', medicationCodeableConcept: { coding: [{ system: 'http://example.org/drugs', code: 'x' }] } })).toEqual([
      'Bundle.entry[3].resource.medicationCodeableConcept.coding not-supported',
      'Bundle.entry[3].resource.status value',
    ]);
    expect(problems({ status: 'active', medicationReference: { reference: 'Medication/1' } })).toEqual(['Bundle.entry[3].resource.medicationReference not-supported']);
    expect(problems({ medicationCodeableConcept: { coding: [{ system: 'https://dmd.nhs.uk', code: '1' }] }, effectivePeriod: { start: '2025-02-01', end: '2025-01-01' } })).toEqual([
      'Bundle.entry[3].resource.status required',
      'Bundle.entry[3].resource.effectivePeriod.end value',
    ]);
  });

  it('reads Encounter class, UK Core admission method and period; refuses an unknown class and an end before the start', () => {
    const encounter = (extra: object) => readFhirResource({ resourceType: 'Encounter', id: 'e', subject: { reference: 'Patient/p' }, period: { start: '2026-03-04T23:30:00+01:00' }, ...extra }, place, TODAY);
    const admitted = encounter({
      class: { code: 'ACUTE' },
      extension: [{ url: 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AdmissionMethod', valueCodeableConcept: { coding: [{ code: '2A' }] } }],
    });
    expect(admitted.record).toMatchObject({ class: 'inpatient', admissionMethod: '2A', startDate: '2026-03-04', endDate: null });
    expect(encounter({ class: { code: 'XYZ' } }).issues[0]).toMatchObject({ expression: 'Bundle.entry[3].resource.class.code', code: 'not-supported' });
    expect(encounter({ class: { code: 'EMER' }, period: { start: '2026-03-04', end: '2026-03-03' } }).issues[0]).toMatchObject({ expression: 'Bundle.entry[3].resource.period.end' });
  });

  it('reads a Condition coded in SNOMED CT or ICD-10, and refuses other codes', () => {
    const condition = (system: string) =>
      readFhirResource({ resourceType: 'Condition', id: 'c', subject: { identifier: { system: 'urn:mrn', value: '42' } }, code: { coding: [{ system, code: 'X1' }] } }, place, TODAY);
    expect(condition('http://hl7.org/fhir/sid/icd-10-uk').record).toMatchObject({ codeSystem: 'icd10', code: 'X1', onsetDate: null });
    expect(condition('http://loinc.org').issues[0]).toMatchObject({ expression: 'Bundle.entry[3].resource.code.coding', code: 'not-supported' });
  });

  it('skips resource types it does not import', () => {
    expect(readFhirResource({ resourceType: 'Observation' }, place, TODAY)).toMatchObject({ skipped: 'Observation', issues: [] });
  });
});

describe('batches', () => {
  it('a transaction Bundle is one atomic batch; a batch Bundle is not; other types are refused', () => {
    expect(bundleBatch({ resourceType: 'Bundle', type: 'transaction', entry: [] }, 'Bundle', TODAY).atomic).toBe(true);
    expect(bundleBatch({ resourceType: 'Bundle', type: 'batch', entry: [] }, 'Bundle', TODAY).atomic).toBe(false);
    expect(bundleBatch({ resourceType: 'Bundle', type: 'searchset' }, 'Bundle', TODAY).issues[0]).toMatchObject({ expression: 'Bundle.type' });
  });

  it('NDJSON: runs of resource lines, a Bundle line on its own, bad JSON named by its line', () => {
    const batches = ndjsonBatches(
      [
        { line: 1, text: '{"resourceType":"Observation"}' },
        { line: 2, text: '' },
        { line: 3, text: '{"resourceType":"Bundle","type":"batch","entry":[]}' },
        { line: 4, text: '{oops' },
      ],
      TODAY,
    );
    expect(batches.map((b) => b.label)).toEqual(['line 1', 'line 3 (Bundle)', 'line 4']);
    expect(batches[2]!.entries[0]!.issues[0]).toMatchObject({ index: 4, reason: 'Not valid JSON' });
  });
});

describe('CSV', () => {
  it('reads quoted fields with commas, quotes and line breaks, CRLF or LF, numbering records by their first line', () => {
    expect(readCsv('a,b\r\n"x, ""y""","two\nlines"\n\nlast,')).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['x, "y"', 'two\nlines'] },
      { line: 5, fields: ['last', ''] },
    ]);
  });

  it('maps rows by kind and names a bad column with its line', () => {
    const [head, ...rows] = readCsv('kind,nhs_number,source_id,code_system,code\ncondition,9434765919,c1,snomed,44054006\ncondition,9434765919,c2,read,X\n');
    const header = csvHeader(head!);
    if (!('columns' in header)) throw new Error('header refused');
    const batch = csvBatch(header.columns, rows, TODAY);
    expect(batch.entries[0]!.record).toMatchObject({ kind: 'condition', codeSystem: 'snomed', subject: { identifier: { value: '9434765919' } } });
    expect(batch.entries[1]!.issues).toEqual([{ index: 3, expression: 'code_system', code: 'value', reason: 'Must be snomed or icd10' }]);
    expect(csvHeader({ line: 1, fields: ['nhs_number'] })).toMatchObject({ issues: [{ expression: 'kind', code: 'required' }] });
  });
});

describe('test-range NHS numbers for synthetic patients', () => {
  it('are valid, start 999, distinct, and the same for the same source identifier', () => {
    const numbers = syntheticImportNhsNumbers('https://github.com/synthetichealth/synthea\u0000abc', 40);
    expect(numbers).toHaveLength(40);
    expect(new Set(numbers).size).toBe(40);
    expect(numbers.every((n) => n.startsWith('999') && isValidNhsNumber(n))).toBe(true);
    expect(syntheticImportNhsNumbers('https://github.com/synthetichealth/synthea\u0000abc', 40)).toEqual(numbers);
    expect(syntheticImportNhsNumbers('https://github.com/synthetichealth/synthea\u0000abd', 1)[0]).not.toBe(numbers[0]);
  });
});
