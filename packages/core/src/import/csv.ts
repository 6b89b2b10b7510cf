/**
 * The CSV import format (docs/import.md): one file, a header row, and a `kind` column saying
 * what each row is: `patient`, `condition` or `encounter`. Every row names its person by NHS
 * number; conditions and encounters carry the sending system's id for the record (`source_id`),
 * which a re-import recognises.
 */
import { isIsoDate } from '../people/dates.js';
import { NHS_NUMBER_PROBLEM_TEXT, nhsNumberProblem, normaliseNhsNumber } from '../people/nhs-number.js';
import { normalisePostcode } from '../people/postcode.js';
import { dateOfBirthProblem } from '../people/rules.js';
import { SEXES, type Sex } from '../registry/roles.js';
import type { EncounterClass } from '../synth/rows.js';
import type { CsvRecord } from './csv-reader.js';
import { IssueList } from './fhir-values.js';
import { type ImportBatch, type ImportEntry, type ImportIssue, type ImportRecord, NHS_NUMBER_SYSTEM } from './types.js';

export const CSV_COLUMNS = [
  'kind',
  'nhs_number',
  'source_id',
  'given_name',
  'family_name',
  'birth_date',
  'sex',
  'address_line1',
  'address_line2',
  'town',
  'postcode',
  'phone',
  'email',
  'code_system',
  'code',
  'display',
  'onset_date',
  'class',
  'admission_method',
  'start_date',
  'end_date',
] as const;
export type CsvColumn = (typeof CSV_COLUMNS)[number];
export const CSV_KINDS = ['patient', 'condition', 'encounter'] as const;
const ENCOUNTER_CLASSES: readonly EncounterClass[] = ['inpatient', 'emergency', 'ambulatory'];
const ADMISSION_METHOD = /^[0-9][0-9A-D]$/;

/** The header's columns by position, or the issues with it (unknown or repeated columns, no `kind`). */
export function csvHeader(record: CsvRecord): { columns: (CsvColumn | null)[] } | { issues: ImportIssue[] } {
  const issues: ImportIssue[] = [];
  const seen = new Set<string>();
  const columns = record.fields.map((raw) => {
    const name = raw.trim().toLowerCase();
    if (!(CSV_COLUMNS as readonly string[]).includes(name)) {
      issues.push({ index: record.line, expression: raw, code: 'structure', reason: `Unknown column; the columns are ${CSV_COLUMNS.join(', ')}` });
      return null;
    }
    if (seen.has(name)) issues.push({ index: record.line, expression: raw, code: 'duplicate', reason: 'Column given twice' });
    seen.add(name);
    return name as CsvColumn;
  });
  if (!seen.has('kind')) issues.push({ index: record.line, expression: 'kind', code: 'required', reason: 'The header needs a kind column' });
  return issues.length > 0 ? { issues } : { columns };
}

/** Rows of one chunk as one all-or-nothing batch. */
export function csvBatch(columns: readonly (CsvColumn | null)[], records: readonly CsvRecord[], today: string): ImportBatch {
  const entries = records.map((record) => csvEntry(columns, record, today));
  const first = records[0]?.line ?? 0;
  const last = records[records.length - 1]?.line ?? 0;
  return { label: first === last ? `line ${first}` : `lines ${first}-${last}`, atomic: true, entries, issues: [] };
}

type Row = Partial<Record<CsvColumn, string>>;

function csvEntry(columns: readonly (CsvColumn | null)[], record: CsvRecord, today: string): ImportEntry {
  const place = { index: record.line, path: '' };
  const issues = new IssueList(place);
  if (record.fields.length > columns.length) issues.add('row', 'structure', `Has ${record.fields.length} fields; the header has ${columns.length}`);
  const row: Row = {};
  columns.forEach((column, i) => {
    const value = record.fields[i]?.trim();
    if (column && value) row[column] = value;
  });
  const record_ = issues.issues.length ? null : csvRecord(row, place, issues, today);
  return issues.issues.length > 0 || !record_ ? { ...place, issues: issues.issues } : { ...place, record: record_, issues: [] };
}

function csvRecord(row: Row, place: { index: number; path: string }, issues: IssueList, today: string): ImportRecord | null {
  const kind = required(row, 'kind', issues);
  const nhsNumber = nhsNumberOf(row, issues);
  if (kind && !(CSV_KINDS as readonly string[]).includes(kind)) issues.add('kind', 'value', `Must be one of ${CSV_KINDS.join(', ')}`);
  if (kind === 'patient') return patientRow(row, place, issues, today, nhsNumber);
  if (kind === 'condition') return conditionRow(row, place, issues, nhsNumber);
  if (kind === 'encounter') return encounterRow(row, place, issues, nhsNumber);
  return null;
}

function required(row: Row, column: CsvColumn, issues: IssueList): string | null {
  const value = row[column];
  if (!value) issues.add(column, 'required', 'Required');
  return value ?? null;
}

function dateColumn(row: Row, column: CsvColumn, issues: IssueList, needed: boolean): string | null {
  const value = needed ? required(row, column, issues) : (row[column] ?? null);
  if (value && !isIsoDate(value)) {
    issues.add(column, 'value', 'Must be a date, YYYY-MM-DD');
    return null;
  }
  return value;
}

function nhsNumberOf(row: Row, issues: IssueList): string | null {
  const value = required(row, 'nhs_number', issues);
  if (!value) return null;
  const problem = nhsNumberProblem(value);
  if (problem) issues.add('nhs_number', 'value', NHS_NUMBER_PROBLEM_TEXT[problem]);
  return problem ? null : normaliseNhsNumber(value);
}

function patientRow(row: Row, place: { index: number; path: string }, issues: IssueList, today: string, nhsNumber: string | null): ImportRecord | null {
  const givenName = required(row, 'given_name', issues);
  const familyName = required(row, 'family_name', issues);
  const dateOfBirth = dateColumn(row, 'birth_date', issues, true);
  const problem = dateOfBirth ? dateOfBirthProblem(dateOfBirth, today) : undefined;
  if (problem) issues.add('birth_date', 'value', problem);
  const sex = required(row, 'sex', issues);
  if (sex && !(SEXES as readonly string[]).includes(sex)) issues.add('sex', 'value', `Must be one of ${SEXES.join(', ')}`);
  const postcode = row.postcode ? normalisePostcode(row.postcode) : null;
  if (postcode === undefined) issues.add('postcode', 'value', 'Not a UK postcode');
  if (issues.issues.length || !nhsNumber || !givenName || !familyName || !dateOfBirth) return null;
  const demographics = {
    givenName,
    familyName,
    dateOfBirth,
    sex: sex as Sex,
    addressLine1: row.address_line1 ?? null,
    addressLine2: row.address_line2 ?? null,
    town: row.town ?? null,
    postcode: postcode ?? null,
    phone: row.phone ?? null,
    email: row.email ?? null,
  };
  return { kind: 'patient', ...place, resourceId: null, localReferences: [], nhsNumber, identifiers: [], synthetic: false, demographics };
}

function conditionRow(row: Row, place: { index: number; path: string }, issues: IssueList, nhsNumber: string | null): ImportRecord | null {
  const sourceId = required(row, 'source_id', issues);
  const codeSystem = required(row, 'code_system', issues);
  if (codeSystem && codeSystem !== 'snomed' && codeSystem !== 'icd10') issues.add('code_system', 'value', 'Must be snomed or icd10');
  const code = required(row, 'code', issues);
  const onsetDate = dateColumn(row, 'onset_date', issues, false);
  if (issues.issues.length || !nhsNumber || !sourceId || !code) return null;
  const subject = { identifier: { system: NHS_NUMBER_SYSTEM, value: nhsNumber } };
  return { kind: 'condition', ...place, sourceId, subject, codeSystem: codeSystem as 'snomed' | 'icd10', code, display: row.display ?? null, onsetDate };
}

function encounterRow(row: Row, place: { index: number; path: string }, issues: IssueList, nhsNumber: string | null): ImportRecord | null {
  const sourceId = required(row, 'source_id', issues);
  const encounterClass = required(row, 'class', issues);
  if (encounterClass && !(ENCOUNTER_CLASSES as readonly string[]).includes(encounterClass)) issues.add('class', 'value', `Must be one of ${ENCOUNTER_CLASSES.join(', ')}`);
  const admissionMethod = row.admission_method ?? null;
  if (admissionMethod && !ADMISSION_METHOD.test(admissionMethod)) issues.add('admission_method', 'value', 'Must be an English admission method code, such as 21');
  const startDate = dateColumn(row, 'start_date', issues, true);
  const endDate = dateColumn(row, 'end_date', issues, false);
  if (startDate && endDate && endDate < startDate) issues.add('end_date', 'value', 'Cannot be before start_date');
  if (issues.issues.length || !nhsNumber || !sourceId || !startDate) return null;
  const subject = { identifier: { system: NHS_NUMBER_SYSTEM, value: nhsNumber } };
  return { kind: 'encounter', ...place, sourceId, subject, class: encounterClass as EncounterClass, admissionMethod, startDate, endDate };
}
