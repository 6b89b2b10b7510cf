/** Small readers of FHIR JSON values: each returns the value or records an issue where it was found. */
import { isIsoDate } from '../people/dates.js';
import type { EntryPlace, ImportIssue, ImportIssueCode, PersonIdentifier } from './types.js';

export type Json = Record<string, unknown>;

export function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Collects the issues of one entry, each at a path under the entry's resource. */
export class IssueList {
  readonly issues: ImportIssue[] = [];
  constructor(private readonly place: EntryPlace) {}

  add(field: string, code: ImportIssueCode, reason: string): void {
    const { index, path } = this.place;
    // A CSV row has no path: its issues are named by column alone.
    const expression = path && field ? `${path}.${field}` : path || field;
    this.issues.push({ index, expression, code, reason });
  }
}

const DATE_PREFIX = /^(\d{4}-\d{2}-\d{2})(T[0-9:.]+(Z|[+-]\d{2}:\d{2})?)?$/;

/** The calendar date of a FHIR date or dateTime with a full date ("2019-03-18T16:37:44+00:00" -> "2019-03-18"); null when it has none. */
export function dateOf(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const m = DATE_PREFIX.exec(value.trim());
  return m && isIsoDate(m[1]!) ? m[1]! : null;
}

/** A date that must be there and whole; an issue otherwise. */
export function requiredDate(value: unknown, field: string, issues: IssueList): string | null {
  if (value === undefined || value === null) {
    issues.add(field, 'required', 'Required');
    return null;
  }
  const date = dateOf(value);
  if (!date) issues.add(field, 'value', 'Must be a whole date, YYYY-MM-DD (a time may follow)');
  return date;
}

/** A date that may be missing, but must be whole when given. */
export function optionalDate(value: unknown, field: string, issues: IssueList): string | null {
  if (value === undefined || value === null) return null;
  const date = dateOf(value);
  if (!date) issues.add(field, 'value', 'Must be a whole date, YYYY-MM-DD (a time may follow)');
  return date;
}

export function identifierOf(value: unknown): PersonIdentifier | null {
  if (!isObject(value)) return null;
  const system = text(value.system);
  const id = text(value.value);
  return system && id ? { system, value: id } : null;
}

/** The id a re-import recognises a Condition or Encounter by: its id, or the uuid of its urn:uuid fullUrl. */
export function resourceIdOf(resource: Json, fullUrl: string | undefined): string | null {
  const id = text(resource.id);
  if (id) return id;
  return fullUrl?.startsWith('urn:uuid:') ? fullUrl.slice('urn:uuid:'.length) : null;
}
