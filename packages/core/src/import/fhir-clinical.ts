/**
 * FHIR Condition, Encounter and MedicationStatement read into import records: the coded
 * diagnosis with its onset, the contact's class, English admission method and dates, and the
 * medicine with its dose in words, status and dates.
 */
import type { EncounterClass } from '../synth/rows.js';
import { arrayOf, identifierOf, IssueList, isObject, type Json, optionalDate, requiredDate, resourceIdOf, text } from './fhir-values.js';
import {
  ADMISSION_METHOD_EXTENSION,
  type ConditionRecord,
  type EncounterRecord,
  type EntryPlace,
  MEDICATION_STATUSES,
  type MedicationRecord,
  type MedicationStatus,
  type SubjectReference,
} from './types.js';

/** Code systems Kith keeps diagnoses in, by their FHIR system URIs. */
export const FHIR_CONDITION_CODE_SYSTEMS: Readonly<Record<string, 'snomed' | 'icd10'>> = {
  'http://snomed.info/sct': 'snomed',
  'http://hl7.org/fhir/sid/icd-10': 'icd10',
  'http://hl7.org/fhir/sid/icd-10-uk': 'icd10',
  'http://hl7.org/fhir/sid/icd-10-cm': 'icd10',
};

/**
 * FHIR v3 ActCode encounter classes: inpatient stays, A&E attendances, and the contacts that are
 * neither (outpatients, short stays, home and virtual visits), which case-finding does not count.
 */
export const FHIR_ENCOUNTER_CLASSES: Readonly<Record<string, EncounterClass>> = {
  IMP: 'inpatient',
  ACUTE: 'inpatient',
  NONAC: 'inpatient',
  EMER: 'emergency',
  AMB: 'ambulatory',
  SS: 'ambulatory',
  OBSENC: 'ambulatory',
  PRENC: 'ambulatory',
  HH: 'ambulatory',
  FLD: 'ambulatory',
  VR: 'ambulatory',
};

/** English admission methods (NHS Data Dictionary): two characters, 1x elective, 2x emergency, 3x maternity, 8x other. */
const ADMISSION_METHOD = /^[0-9][0-9A-D]$/;

export function readCondition(resource: Json, place: EntryPlace, issues: IssueList, fullUrl?: string): ConditionRecord | null {
  const sourceId = sourceIdOf(resource, fullUrl, issues);
  const subject = subjectOf(resource.subject, issues);
  const coding = conditionCoding(resource, issues);
  const onsetDate = optionalDate(resource.onsetDateTime ?? (isObject(resource.onsetPeriod) ? resource.onsetPeriod.start : undefined) ?? resource.recordedDate, onsetField(resource), issues);
  if (!sourceId || !subject || !coding) return null;
  return { kind: 'condition', ...place, sourceId, subject, ...coding, onsetDate };
}

function onsetField(resource: Json): string {
  if (resource.onsetDateTime !== undefined) return 'onsetDateTime';
  if (isObject(resource.onsetPeriod)) return 'onsetPeriod.start';
  return 'recordedDate';
}

function conditionCoding(resource: Json, issues: IssueList): Pick<ConditionRecord, 'codeSystem' | 'code' | 'display'> | null {
  const code = isObject(resource.code) ? resource.code : undefined;
  const codings = arrayOf(code?.coding).filter(isObject);
  const known = codings.find((c) => typeof c.system === 'string' && FHIR_CONDITION_CODE_SYSTEMS[c.system] && text(c.code));
  if (!known) {
    issues.add(codings.length ? 'code.coding' : 'code', codings.length ? 'not-supported' : 'required', 'Needs a SNOMED CT or ICD-10 coding');
    return null;
  }
  return { codeSystem: FHIR_CONDITION_CODE_SYSTEMS[known.system as string]!, code: text(known.code)!, display: text(known.display) ?? text(code?.text) };
}

export function readEncounter(resource: Json, place: EntryPlace, issues: IssueList, fullUrl?: string): EncounterRecord | null {
  const sourceId = sourceIdOf(resource, fullUrl, issues);
  const subject = subjectOf(resource.subject, issues);
  const encounterClass = classOf(resource.class, issues);
  const admissionMethod = admissionMethodOf(resource, issues);
  const period = isObject(resource.period) ? resource.period : {};
  const startDate = requiredDate(period.start, 'period.start', issues);
  const endDate = optionalDate(period.end, 'period.end', issues);
  if (startDate && endDate && endDate < startDate) issues.add('period.end', 'value', 'Cannot be before period.start');
  if (!sourceId || !subject || !encounterClass || !startDate || (endDate && endDate < startDate)) return null;
  return { kind: 'encounter', ...place, sourceId, subject, class: encounterClass, admissionMethod, startDate, endDate };
}

function classOf(value: unknown, issues: IssueList): EncounterRecord['class'] | null {
  if (!isObject(value)) {
    issues.add('class', 'required', 'Required: a v3 ActCode such as IMP, EMER or AMB');
    return null;
  }
  const code = text(value.code);
  const mapped = code ? FHIR_ENCOUNTER_CLASSES[code] : undefined;
  if (!mapped) issues.add('class.code', 'not-supported', `Must be one of ${Object.keys(FHIR_ENCOUNTER_CLASSES).join(', ')}`);
  return mapped ?? null;
}

function admissionMethodOf(resource: Json, issues: IssueList): string | null {
  const extensions = arrayOf(resource.extension).filter(isObject);
  const at = extensions.findIndex((e) => e.url === ADMISSION_METHOD_EXTENSION);
  if (at < 0) return null;
  const value = extensions[at]!.valueCodeableConcept;
  const coding = isObject(value) ? arrayOf(value.coding).find(isObject) : undefined;
  const code = text(coding?.code);
  if (!code || !ADMISSION_METHOD.test(code)) {
    issues.add(`extension[${at}].valueCodeableConcept.coding[0].code`, 'value', 'Must be an English admission method code, such as 21');
    return null;
  }
  return code;
}

/** Code systems Kith keeps medicines in: dm+d, and SNOMED CT (dm+d's products are SNOMED concepts). */
export const FHIR_MEDICATION_CODE_SYSTEMS: Readonly<Record<string, 'dmd' | 'snomed'>> = {
  'https://dmd.nhs.uk': 'dmd',
  'http://snomed.info/sct': 'snomed',
};

export function readMedicationStatement(resource: Json, place: EntryPlace, issues: IssueList, fullUrl?: string): MedicationRecord | null {
  const sourceId = sourceIdOf(resource, fullUrl, issues);
  const subject = subjectOf(resource.subject, issues);
  const coding = medicationCoding(resource, issues);
  const status = medicationStatusOf(resource.status, issues);
  const period = isObject(resource.effectivePeriod) ? resource.effectivePeriod : {};
  const startField = resource.effectiveDateTime != null ? 'effectiveDateTime' : 'effectivePeriod.start';
  const startDate = optionalDate(resource.effectiveDateTime ?? period.start, startField, issues);
  const endDate = optionalDate(period.end, 'effectivePeriod.end', issues);
  if (startDate && endDate && endDate < startDate) issues.add('effectivePeriod.end', 'value', 'Cannot be before effectivePeriod.start');
  if (!sourceId || !subject || !coding || !status || (startDate && endDate && endDate < startDate)) return null;
  return { kind: 'medication', ...place, sourceId, subject, ...coding, dosage: dosageOf(resource), status, startDate, endDate };
}

function medicationCoding(resource: Json, issues: IssueList): Pick<MedicationRecord, 'codeSystem' | 'code' | 'display'> | null {
  if (resource.medicationReference !== undefined) {
    issues.add('medicationReference', 'not-supported', 'Give the medicine as medicationCodeableConcept, coded in dm+d or SNOMED CT');
    return null;
  }
  const concept = isObject(resource.medicationCodeableConcept) ? resource.medicationCodeableConcept : undefined;
  const codings = arrayOf(concept?.coding).filter(isObject);
  const known = codings.find((c) => typeof c.system === 'string' && FHIR_MEDICATION_CODE_SYSTEMS[c.system] && text(c.code));
  if (!known) {
    const field = codings.length ? 'medicationCodeableConcept.coding' : 'medicationCodeableConcept';
    issues.add(field, codings.length ? 'not-supported' : 'required', 'Needs a dm+d or SNOMED CT coding');
    return null;
  }
  return { codeSystem: FHIR_MEDICATION_CODE_SYSTEMS[known.system as string]!, code: text(known.code)!, display: text(known.display) ?? text(concept?.text) };
}

function medicationStatusOf(value: unknown, issues: IssueList): MedicationStatus | null {
  const status = text(value);
  if (!status) issues.add('status', 'required', `Required: one of ${MEDICATION_STATUSES.join(', ')}`);
  else if (!(MEDICATION_STATUSES as readonly string[]).includes(status)) issues.add('status', 'value', `Must be one of ${MEDICATION_STATUSES.join(', ')}`);
  else return status as MedicationStatus;
  return null;
}

/** The dose in words: the first dosage's text, as GP systems write it. */
function dosageOf(resource: Json): string | null {
  const first = arrayOf(resource.dosage).find(isObject);
  return text(first?.text) ?? text(first?.patientInstruction);
}

function sourceIdOf(resource: Json, fullUrl: string | undefined, issues: IssueList): string | null {
  const id = resourceIdOf(resource, fullUrl);
  if (!id) issues.add('id', 'required', 'Required (or a urn:uuid fullUrl): a re-import recognises the record by it');
  return id;
}

/** The patient: a reference (urn:uuid, Patient/<id>) or an identifier (an NHS number, say). */
export function subjectOf(value: unknown, issues: IssueList): SubjectReference | null {
  if (!isObject(value)) {
    issues.add('subject', 'required', 'Required: a reference to the Patient');
    return null;
  }
  const reference = text(value.reference);
  if (reference) return { reference };
  const identifier = identifierOf(value.identifier);
  if (identifier) return { identifier };
  issues.add('subject', 'required', 'Needs a reference or an identifier of the Patient');
  return null;
}
