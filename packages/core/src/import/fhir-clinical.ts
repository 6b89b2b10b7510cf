/**
 * FHIR Condition and Encounter read into import records: the coded diagnosis with its onset,
 * and the contact's class, English admission method and dates.
 */
import type { EncounterClass } from '../synth/rows.js';
import { arrayOf, identifierOf, IssueList, isObject, type Json, optionalDate, requiredDate, resourceIdOf, text } from './fhir-values.js';
import { ADMISSION_METHOD_EXTENSION, type ConditionRecord, type EncounterRecord, type EntryPlace, type SubjectReference } from './types.js';

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
