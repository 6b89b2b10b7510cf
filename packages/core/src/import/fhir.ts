/**
 * FHIR R4 Patient, Condition, Encounter and MedicationStatement resources read into import records. Each reader
 * either returns the record or the issues that refuse it, each naming its FHIRPath. Resource
 * types Kith does not import (Observation, Claim, ...) are skipped, not refused.
 */
import { normaliseNhsNumber, NHS_NUMBER_PROBLEM_TEXT, nhsNumberProblem } from '../people/nhs-number.js';
import { SEXES, type Sex } from '../registry/roles.js';
import { dateOfBirthProblem } from '../people/rules.js';
import { normalisePostcode } from '../people/postcode.js';
import { readCondition, readEncounter, readMedicationStatement } from './fhir-clinical.js';
import { arrayOf, identifierOf, IssueList, isObject, type Json, requiredDate, text } from './fhir-values.js';
import {
  type EntryPlace,
  type ImportEntry,
  type ImportRecord,
  NHS_NUMBER_SYSTEM,
  type PatientRecord,
  type PersonIdentifier,
  SYNTHEA_IDENTIFIER_SYSTEM,
} from './types.js';

export const IMPORTED_RESOURCE_TYPES = ['Patient', 'Condition', 'Encounter', 'MedicationStatement'] as const;

/** One resource as an entry of a batch. `today` bounds dates of birth. */
export function readFhirResource(resource: unknown, place: EntryPlace, today: string, fullUrl?: string): ImportEntry {
  const issues = new IssueList(place);
  if (!isObject(resource) || typeof resource.resourceType !== 'string') {
    issues.add('resourceType', 'structure', 'Each entry must be a FHIR resource with a resourceType');
    return { ...place, issues: issues.issues };
  }
  const read = READERS[resource.resourceType];
  if (!read) return { ...place, issues: [], skipped: resource.resourceType };
  const record = read(resource, place, issues, today, fullUrl);
  return issues.issues.length > 0 || !record ? { ...place, issues: issues.issues } : { ...place, record, issues: [] };
}

type Reader = (resource: Json, place: EntryPlace, issues: IssueList, today: string, fullUrl?: string) => ImportRecord | null;

const READERS: Record<string, Reader> = {
  Patient: (resource, place, issues, today, fullUrl) => readPatient(resource, place, issues, today, fullUrl),
  Condition: (resource, place, issues, _today, fullUrl) => readCondition(resource, place, issues, fullUrl),
  Encounter: (resource, place, issues, _today, fullUrl) => readEncounter(resource, place, issues, fullUrl),
  MedicationStatement: (resource, place, issues, _today, fullUrl) => readMedicationStatement(resource, place, issues, fullUrl),
};

function readPatient(resource: Json, place: EntryPlace, issues: IssueList, today: string, fullUrl?: string): PatientRecord | null {
  const { nhsNumber, identifiers } = patientIdentifiers(resource, issues);
  const name = officialName(resource, issues);
  const dateOfBirth = requiredDate(resource.birthDate, 'birthDate', issues);
  if (dateOfBirth) {
    const problem = dateOfBirthProblem(dateOfBirth, today);
    if (problem) issues.add('birthDate', 'value', problem);
  }
  const sex = sexOf(resource.gender, issues);
  if (!name || !dateOfBirth || !sex) return null;
  const resourceId = text(resource.id);
  const localReferences = [fullUrl, resourceId ? `Patient/${resourceId}` : undefined].filter((r): r is string => !!r);
  return {
    kind: 'patient',
    ...place,
    resourceId,
    localReferences,
    nhsNumber,
    identifiers,
    synthetic: identifiers.some((i) => i.system === SYNTHEA_IDENTIFIER_SYSTEM),
    demographics: { ...name, dateOfBirth, sex, ...addressOf(resource), ...telecomOf(resource) },
  };
}

function patientIdentifiers(resource: Json, issues: IssueList): { nhsNumber: string | null; identifiers: PersonIdentifier[] } {
  let nhsNumber: string | null = null;
  const identifiers: PersonIdentifier[] = [];
  arrayOf(resource.identifier).forEach((raw, i) => {
    const identifier = identifierOf(raw);
    if (!identifier) return;
    if (identifier.system !== NHS_NUMBER_SYSTEM) {
      identifiers.push(identifier);
      return;
    }
    const problem = nhsNumberProblem(identifier.value);
    if (problem) issues.add(`identifier[${i}].value`, 'value', NHS_NUMBER_PROBLEM_TEXT[problem]);
    else nhsNumber = normaliseNhsNumber(identifier.value);
  });
  return { nhsNumber, identifiers };
}

function officialName(resource: Json, issues: IssueList): { givenName: string; familyName: string } | null {
  const names = arrayOf(resource.name).filter(isObject);
  const name = names.find((n) => n.use === 'official') ?? names.find((n) => n.use !== 'old' && n.use !== 'maiden') ?? names[0];
  if (!name) {
    issues.add('name', 'required', 'Required: a name with a family name and a given name');
    return null;
  }
  const at = `name[${names.indexOf(name)}]`;
  const familyName = text(name.family);
  const givenName = arrayOf(name.given).map(text).filter((g): g is string => g !== null).join(' ') || null;
  if (!familyName) issues.add(`${at}.family`, 'required', 'Required');
  if (!givenName) issues.add(`${at}.given`, 'required', 'Required');
  return familyName && givenName ? { familyName, givenName } : null;
}

function sexOf(value: unknown, issues: IssueList): Sex | null {
  if (value === undefined) {
    issues.add('gender', 'required', 'Required');
    return null;
  }
  if (typeof value === 'string' && (SEXES as readonly string[]).includes(value)) return value as Sex;
  issues.add('gender', 'value', `Must be one of ${SEXES.join(', ')}`);
  return null;
}

function addressOf(resource: Json) {
  const addresses = arrayOf(resource.address).filter(isObject);
  const address = addresses.find((a) => a.use === 'home') ?? addresses[0];
  const lines = arrayOf(address?.line).map(text).filter((l): l is string => l !== null);
  const postalCode = text(address?.postalCode);
  return {
    addressLine1: lines[0] ?? null,
    addressLine2: lines.slice(1).join(', ') || null,
    town: text(address?.city),
    postcode: postalCode ? (normalisePostcode(postalCode) ?? null) : null,
  };
}

function telecomOf(resource: Json) {
  const telecoms = arrayOf(resource.telecom).filter(isObject);
  const first = (system: string) => text(telecoms.find((t) => t.system === system && text(t.value))?.value);
  return { phone: first('phone'), email: first('email') };
}
