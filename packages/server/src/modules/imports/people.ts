/**
 * Who each record of a batch is about. A Patient is matched by NHS number, then by any of its
 * source identifiers (`Patient/<id>` under the sending system, and its other identifiers); one
 * matched by neither is a new person. A Condition or Encounter finds its patient in the same
 * batch (fullUrl, `Patient/<id>`, identifier) or among people already imported. Every lookup is
 * one statement for the whole batch.
 */
import { randomUUID } from 'node:crypto';
import {
  type ImportIssue,
  NHS_NUMBER_SYSTEM,
  type PatientRecord,
  type PersonIdentifier,
  type SubjectReference,
  syntheticImportNhsNumbers,
} from '@kith/core';
import { sql } from 'drizzle-orm';
import { rowsOf, type Db } from '../../platform/db/client.js';
import { pgArray } from './sql-arrays.js';

/** Test-range numbers offered to one synthetic patient before giving up (docs/import.md). */
const SYNTHETIC_CANDIDATES = 40;

export interface PatientMatch {
  patient: PatientRecord;
  personId: string;
  /** A new person, with the NHS number to register them under. */
  create: boolean;
  nhsNumber: string;
  /** The identifiers to link to the person. */
  identifiers: PersonIdentifier[];
}

/** Known people, found in one statement per kind of key. */
export class PeopleDirectory {
  readonly byNhsNumber = new Map<string, { id: string }>();
  readonly byIdentifier = new Map<string, string>();

  static async load(db: Db, nhsNumbers: Set<string>, identifiers: PersonIdentifier[]): Promise<PeopleDirectory> {
    const directory = new PeopleDirectory();
    if (nhsNumbers.size > 0) {
      const rows = await rowsOf<{ id: string; nhs_number: string }>(
        db,
        sql`SELECT id, nhs_number FROM person WHERE nhs_number = ANY(${pgArray('text', [...nhsNumbers])})`,
      );
      for (const row of rows) directory.byNhsNumber.set(row.nhs_number, { id: row.id });
    }
    if (identifiers.length > 0) {
      const rows = await rowsOf<{ system: string; value: string; person_id: string }>(
        db,
        sql`SELECT i.system, i.value, i.person_id FROM person_source_identifier i
            JOIN unnest(${pgArray('text', identifiers.map((i) => i.system))}, ${pgArray('text', identifiers.map((i) => i.value))}) AS k(system, value)
              ON i.system = k.system AND i.value = k.value`,
      );
      for (const row of rows) directory.byIdentifier.set(identifierKey(row), row.person_id);
    }
    return directory;
  }
}

export const identifierKey = (i: PersonIdentifier) => `${i.system}\u0000${i.value}`;

/** The identifiers a Patient is known by, besides its NHS number. */
export function identifiersOf(patient: PatientRecord, source: string): PersonIdentifier[] {
  const own = patient.resourceId ? [{ system: source, value: `Patient/${patient.resourceId}` }] : [];
  return [...own, ...patient.identifiers];
}

/** `Patient/<id>` at the end of a reference, which names a patient imported earlier from the same source. */
export function patientIdOfReference(reference: string): string | undefined {
  return /(?:^|\/)Patient\/([^/]+)$/.exec(reference)?.[1];
}

/** Every key a batch looks people up by. */
export function lookupKeys(patients: PatientRecord[], subjects: SubjectReference[], source: string) {
  const nhsNumbers = new Set<string>();
  const identifiers: PersonIdentifier[] = [];
  for (const patient of patients) {
    if (patient.nhsNumber) nhsNumbers.add(patient.nhsNumber);
    identifiers.push(...identifiersOf(patient, source));
  }
  for (const subject of subjects) {
    if ('identifier' in subject) {
      if (subject.identifier.system === NHS_NUMBER_SYSTEM) nhsNumbers.add(subject.identifier.value.replace(/[\s-]/g, ''));
      else identifiers.push(subject.identifier);
    } else {
      const id = patientIdOfReference(subject.reference);
      if (id) identifiers.push({ system: source, value: `Patient/${id}` });
    }
  }
  return { nhsNumbers, identifiers };
}

/**
 * Each Patient's person: found by NHS number, else by a source identifier, else new. A new
 * person without an NHS number is refused unless the source is synthetic (then `needsNumber`).
 */
export function matchPatients(patients: PatientRecord[], directory: PeopleDirectory, source: string) {
  const matches: PatientMatch[] = [];
  const issues: ImportIssue[] = [];
  const claimed = new Map<string, number>();
  for (const patient of patients) {
    const identifiers = identifiersOf(patient, source);
    const keys = [...(patient.nhsNumber ? [`nhs\u0000${patient.nhsNumber}`] : []), ...identifiers.map(identifierKey)];
    const earlier = keys.map((k) => claimed.get(k)).find((i) => i !== undefined);
    if (earlier !== undefined) {
      issues.push({ index: patient.index, expression: `${patient.path}.identifier`, code: 'duplicate', reason: `The same patient as entry ${earlier} of this batch` });
      continue;
    }
    const known = (patient.nhsNumber ? directory.byNhsNumber.get(patient.nhsNumber)?.id : undefined) ?? identifiers.map((i) => directory.byIdentifier.get(identifierKey(i))).find(Boolean);
    if (!known && !patient.nhsNumber && !patient.synthetic) {
      const reason = `Needs an NHS number (identifier system ${NHS_NUMBER_SYSTEM}): no person imported before has this patient's identifiers`;
      issues.push({ index: patient.index, expression: `${patient.path}.identifier`, code: 'required', reason });
      continue;
    }
    for (const key of keys) claimed.set(key, patient.index);
    matches.push({ patient, personId: known ?? randomUUID(), create: !known, nhsNumber: patient.nhsNumber ?? '', identifiers });
  }
  return { matches, issues };
}

/**
 * Test-range NHS numbers for new synthetic people without one: the first candidate of each that
 * no person holds and no other patient of the batch takes. Refused when all are taken.
 */
export async function allocateSyntheticNhsNumbers(db: Db, matches: PatientMatch[], source: string): Promise<ImportIssue[]> {
  const wanting = matches.filter((m) => m.create && !m.nhsNumber);
  if (wanting.length === 0) return [];
  const candidates = new Map(wanting.map((m) => [m, syntheticImportNhsNumbers(identifierKey(m.identifiers[0] ?? { system: source, value: m.patient.path }), SYNTHETIC_CANDIDATES)]));
  const all = [...new Set([...candidates.values()].flat())];
  const taken = new Set(
    (await rowsOf<{ nhs_number: string }>(db, sql`SELECT nhs_number FROM person WHERE nhs_number = ANY(${pgArray('text', all)})`)).map((r) => r.nhs_number),
  );
  for (const m of matches) if (m.nhsNumber) taken.add(m.nhsNumber);
  const issues: ImportIssue[] = [];
  for (const match of wanting) {
    const free = candidates.get(match)!.find((n) => !taken.has(n));
    if (!free) {
      issues.push({ index: match.patient.index, expression: `${match.patient.path}.identifier`, code: 'required', reason: 'Needs an NHS number: no free test-range number was found for this synthetic patient' });
      continue;
    }
    taken.add(free);
    match.nhsNumber = free;
  }
  return issues;
}
