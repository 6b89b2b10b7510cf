/**
 * One batch: match its people, check every reference, then write people, identifiers,
 * conditions, encounters and medicines with one statement each. An atomic batch with any refused entry
 * writes nothing; otherwise the refused entries are left out and the rest is written.
 */
import type { ClinicalRecord, ConditionRecord, EncounterRecord, ImportBatch, ImportIssue, MedicationRecord, PatientRecord, SubjectReference } from '@kith/core';
import { NHS_NUMBER_SYSTEM } from '@kith/core';
import type { Db } from '../../platform/db/client.js';
import { allocateSyntheticNhsNumbers, identifierKey, lookupKeys, matchPatients, patientIdOfReference, PeopleDirectory, type PatientMatch } from './people.js';
import * as statements from './statements.js';
import type { Placed, Written } from './statements.js';

export interface BatchCounts {
  peopleCreated: number;
  peopleUpdated: number;
  peopleUnchanged: number;
  conditionsCreated: number;
  conditionsUpdated: number;
  conditionsUnchanged: number;
  encountersCreated: number;
  encountersUpdated: number;
  encountersUnchanged: number;
  medicationsCreated: number;
  medicationsUpdated: number;
  medicationsUnchanged: number;
  /** Resources of types Kith does not import (Observation, Claim, ...). */
  skipped: number;
}

export const noCounts = (): BatchCounts => ({
  peopleCreated: 0,
  peopleUpdated: 0,
  peopleUnchanged: 0,
  conditionsCreated: 0,
  conditionsUpdated: 0,
  conditionsUnchanged: 0,
  encountersCreated: 0,
  encountersUpdated: 0,
  encountersUnchanged: 0,
  medicationsCreated: 0,
  medicationsUpdated: 0,
  medicationsUnchanged: 0,
  skipped: 0,
});

export interface BatchResult {
  /** Whether anything of the batch was written (all of it, for an atomic batch). */
  landed: boolean;
  issues: ImportIssue[];
  counts: BatchCounts;
  /** People whose record this batch changed: one audit event each. */
  touched: Set<string>;
}

/** The issues found before any lookup: each entry's own. */
export function entryIssues(batch: ImportBatch): ImportIssue[] {
  return [...batch.issues, ...batch.entries.flatMap((e) => e.issues)];
}

export async function writeBatch(db: Db, batch: ImportBatch, source: string, now: Date): Promise<BatchResult> {
  const counts = noCounts();
  counts.skipped = batch.entries.filter((e) => e.skipped).length;
  const issues = entryIssues(batch);
  const records = batch.entries.flatMap((e) => (e.record ? [e.record] : []));
  const patients = records.filter((r): r is PatientRecord => r.kind === 'patient');
  const clinical = records.filter((r): r is ClinicalRecord => r.kind !== 'patient');
  const directory = await PeopleDirectory.load(db, ...spread(lookupKeys(patients, clinical.map((r) => r.subject), source)));
  const matched = matchPatients(patients, directory, source);
  issues.push(...matched.issues, ...(await allocateSyntheticNhsNumbers(db, matched.matches, source)));
  const refusedPatients = new Set(issues.map((i) => i.index));
  const matches = matched.matches.filter((m) => !refusedPatients.has(m.patient.index));
  const placed = placeClinical(clinical, matches, directory, source, issues);
  if (batch.atomic && issues.length > 0) return { landed: false, issues, counts, touched: new Set() };
  // A batch Bundle: what was refused is left out, the rest lands.
  const refused = new Set(issues.map((i) => i.index));
  const keep = <T extends { record: { index: number } }>(rows: T[]) => rows.filter((r) => !refused.has(r.record.index));
  const touched = await writeRecords(db, source, now, matches, { conditions: keep(placed.conditions), encounters: keep(placed.encounters), medications: keep(placed.medications) }, counts);
  return { landed: true, issues, counts, touched };
}

const spread = (keys: ReturnType<typeof lookupKeys>) => [keys.nhsNumbers, keys.identifiers] as const;

async function writeRecords(
  db: Db,
  source: string,
  now: Date,
  matches: PatientMatch[],
  { conditions, encounters, medications }: PlacedClinical,
  counts: BatchCounts,
): Promise<Set<string>> {
  const created = await statements.insertPeople(db, matches.filter((m) => m.create), now);
  const updated = await statements.updatePeople(db, matches.filter((m) => !m.create), now);
  const linked = await statements.linkIdentifiers(db, matches);
  const conditionRows = await statements.upsertConditions(db, source, conditions);
  const encounterRows = await statements.upsertEncounters(db, source, encounters);
  const medicationRows = await statements.upsertMedications(db, source, medications);
  const inferred = await statements.emergencyAdmissionsAfterAe(db, source, encounters);
  counts.peopleCreated = created.length;
  counts.peopleUpdated = updated.length;
  counts.peopleUnchanged = matches.length - created.length - updated.length;
  tally(conditionRows, conditions.length, counts, 'conditions');
  tally(encounterRows, encounters.length, counts, 'encounters');
  tally(medicationRows, medications.length, counts, 'medications');
  const written = [...conditionRows, ...encounterRows, ...medicationRows].map((r) => r.person_id);
  return new Set([...created, ...updated, ...linked, ...written, ...inferred]);
}

function tally(rows: Written[], received: number, counts: BatchCounts, kind: 'conditions' | 'encounters' | 'medications') {
  const inserted = rows.filter((r) => r.inserted).length;
  counts[`${kind}Created`] = inserted;
  counts[`${kind}Updated`] = rows.length - inserted;
  counts[`${kind}Unchanged`] = received - rows.length;
}

interface PlacedClinical {
  conditions: Placed<ConditionRecord>[];
  encounters: Placed<EncounterRecord>[];
  medications: Placed<MedicationRecord>[];
}

/** Each Condition, Encounter and MedicationStatement with its person; one whose patient cannot be found is refused. */
function placeClinical(
  records: ClinicalRecord[],
  matches: PatientMatch[],
  directory: PeopleDirectory,
  source: string,
  issues: ImportIssue[],
): PlacedClinical {
  const local = new Map<string, string>();
  for (const m of matches) {
    for (const reference of m.patient.localReferences) local.set(reference, m.personId);
    for (const identifier of m.identifiers) local.set(identifierKey(identifier), m.personId);
    if (m.nhsNumber) local.set(identifierKey({ system: NHS_NUMBER_SYSTEM, value: m.nhsNumber }), m.personId);
  }
  const placed: PlacedClinical = { conditions: [], encounters: [], medications: [] };
  const seen = new Map<string, number>();
  for (const record of records) {
    const personId = personOf(record.subject, local, directory, source);
    const key = `${record.kind}\u0000${record.sourceId}`;
    const earlier = seen.get(key);
    if (!personId) {
      const field = 'reference' in record.subject ? 'subject.reference' : 'subject.identifier';
      issues.push({ index: record.index, expression: `${record.path}.${field}`.replace(/^\./, ''), code: 'not-found', reason: 'No patient found: send the Patient in the same Bundle or batch, or import it first' });
    } else if (earlier !== undefined) {
      issues.push({ index: record.index, expression: `${record.path}.id`.replace(/^\./, ''), code: 'duplicate', reason: `The same ${record.kind} as entry ${earlier} of this batch` });
    } else if (record.kind === 'condition') placed.conditions.push({ record, personId });
    else if (record.kind === 'encounter') placed.encounters.push({ record, personId });
    else placed.medications.push({ record, personId });
    seen.set(key, seen.get(key) ?? record.index);
  }
  return placed;
}

function personOf(subject: SubjectReference, local: Map<string, string>, directory: PeopleDirectory, source: string): string | undefined {
  if ('identifier' in subject) {
    const { system } = subject.identifier;
    const value = system === NHS_NUMBER_SYSTEM ? subject.identifier.value.replace(/[\s-]/g, '') : subject.identifier.value;
    const key = identifierKey({ system, value });
    return local.get(key) ?? (system === NHS_NUMBER_SYSTEM ? directory.byNhsNumber.get(value)?.id : directory.byIdentifier.get(key));
  }
  const inBatch = local.get(subject.reference);
  if (inBatch) return inBatch;
  const id = patientIdOfReference(subject.reference);
  return id ? (local.get(`Patient/${id}`) ?? directory.byIdentifier.get(identifierKey({ system: source, value: `Patient/${id}` }))) : undefined;
}
