/**
 * Clinical data import (FHIR R4 and CSV) as plain records: what a Patient, Condition or
 * Encounter says, checked, in the words of Kith's registry. Reading is pure; the server matches
 * people, writes each batch in one transaction and records the audit events.
 */
import type { Sex } from '../registry/roles.js';
import type { EncounterClass } from '../synth/rows.js';

/** The FHIR identifier system of NHS numbers. */
export const NHS_NUMBER_SYSTEM = 'https://fhir.nhs.uk/Id/nhs-number';
/** The identifier Synthea gives every Patient it writes: the mark of a synthetic source. */
export const SYNTHEA_IDENTIFIER_SYSTEM = 'https://github.com/synthetichealth/synthea';
/** The UK Core extension carrying the English admission method on an Encounter. */
export const ADMISSION_METHOD_EXTENSION = 'https://fhir.hl7.org.uk/StructureDefinition/Extension-UKCore-AdmissionMethod';
/** Admission method recorded when an inpatient stay follows an A&E attendance (HES ADMIMETH 21: via A&E). */
export const ADMITTED_VIA_AE = '21';

/** OperationOutcome issue types (FHIR IssueType) an import uses. */
export type ImportIssueCode = 'required' | 'value' | 'invalid' | 'not-found' | 'duplicate' | 'not-supported' | 'structure';

/** Why an entry, line or row was refused: where (its index and field) and why. */
export interface ImportIssue {
  /** The entry's index in its Bundle (from 0), or the line of an NDJSON or CSV file (from 1). */
  index: number;
  /** Where: a FHIRPath such as `Bundle.entry[3].resource.birthDate`, or a CSV column. */
  expression: string;
  code: ImportIssueCode;
  reason: string;
}

export interface PersonIdentifier {
  system: string;
  value: string;
}

export interface Demographics {
  givenName: string;
  familyName: string;
  dateOfBirth: string;
  sex: Sex;
  addressLine1: string | null;
  addressLine2: string | null;
  town: string | null;
  /** A well-formed UK postcode, or null: other countries' postal codes are not kept. */
  postcode: string | null;
  phone: string | null;
  email: string | null;
}

/** Where an entry sits in its input, for reporting. */
export interface EntryPlace {
  index: number;
  /** The FHIRPath of the resource (`Bundle.entry[3].resource`, `Patient` for an NDJSON line), or `row` for CSV. */
  path: string;
}

/** How a Condition or Encounter names its patient: a reference or an identifier. */
export type SubjectReference = { reference: string } | { identifier: PersonIdentifier };

export interface PatientRecord extends EntryPlace {
  kind: 'patient';
  /** The resource id, when the input gave one: `Patient/<id>` is kept under the source system. */
  resourceId: string | null;
  /** References that name this Patient inside its Bundle or batch: its fullUrl and `Patient/<id>`. */
  localReferences: string[];
  nhsNumber: string | null;
  /** Identifiers other than the NHS number. */
  identifiers: PersonIdentifier[];
  /** From a synthetic source (Synthea): may be given a test-range NHS number when it has none. */
  synthetic: boolean;
  demographics: Demographics;
}

export interface ConditionRecord extends EntryPlace {
  kind: 'condition';
  sourceId: string;
  subject: SubjectReference;
  codeSystem: 'snomed' | 'icd10';
  code: string;
  display: string | null;
  onsetDate: string | null;
}

export interface EncounterRecord extends EntryPlace {
  kind: 'encounter';
  sourceId: string;
  subject: SubjectReference;
  class: EncounterClass;
  admissionMethod: string | null;
  startDate: string;
  endDate: string | null;
}

/** FHIR MedicationStatement statuses (R4): what the person is taking, took, or was to take. */
export const MEDICATION_STATUSES = ['active', 'completed', 'entered-in-error', 'intended', 'stopped', 'on-hold', 'unknown', 'not-taken'] as const;
export type MedicationStatus = (typeof MEDICATION_STATUSES)[number];

/** A medicine the person takes or took, as their GP system records it (a MedicationStatement). */
export interface MedicationRecord extends EntryPlace {
  kind: 'medication';
  sourceId: string;
  subject: SubjectReference;
  /** dm+d (the NHS Dictionary of medicines and devices) or SNOMED CT, whose medicinal products dm+d codes are. */
  codeSystem: 'dmd' | 'snomed';
  code: string;
  display: string | null;
  /** How it is taken, in words ("One tablet twice a day"). */
  dosage: string | null;
  status: MedicationStatus;
  startDate: string | null;
  endDate: string | null;
}

export type ImportRecord = PatientRecord | ConditionRecord | EncounterRecord | MedicationRecord;

/** The clinical records an import places with a person (every kind but the Patient). */
export type ClinicalRecord = ConditionRecord | EncounterRecord | MedicationRecord;

/** One entry of a batch: a record to write, or the issues that refuse it, or a resource type Kith does not import. */
export interface ImportEntry extends EntryPlace {
  record?: ImportRecord;
  issues: ImportIssue[];
  /** The resource type of an entry that is not imported (an Observation, say): skipped, not refused. */
  skipped?: string;
}

/**
 * What lands together. An atomic batch (a transaction Bundle, N lines of NDJSON or CSV) lands
 * whole or not at all; in a batch Bundle each entry lands or is refused on its own.
 */
export interface ImportBatch {
  /** In words: "Bundle", "lines 1-1000", "line 7 (Bundle)". */
  label: string;
  atomic: boolean;
  entries: ImportEntry[];
  /** Problems with the batch as a whole (a Bundle of an unsupported type, say). */
  issues: ImportIssue[];
}
