/**
 * Reading one object of a feed, field by field: each reader returns the value when it is usable
 * and logs a problem, named by the field's path, when it is not. Blank values (absent, null, "")
 * count as absent: ORUK asks publishers to leave empty fields out, and many write "" instead.
 */
import type { z } from 'zod';
import { orukDateSchema, orukDateTimeSchema, orukEmailSchema, orukTimeSchema, orukUriSchema } from './formats.js';
import { type ProblemLog, type ProblemSeverity, childPath, itemPath } from './problems.js';

export type RawObject = Record<string, unknown>;

export function isRawObject(value: unknown): value is RawObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function isBlank(value: unknown): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * Where an object came from. JSON objects are named by their path; an object the CSV reader
 * assembled from a row names its file and line, and brings along any problem the row itself had.
 */
export interface Origins {
  pathOf(object: RawObject, fallback: string): string;
  rowProblems(object: RawObject): readonly { reason: string }[];
}

export const jsonOrigins: Origins = { pathOf: (_object, fallback) => fallback, rowProblems: () => [] };

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'a list';
  if (value === null) return 'null';
  return typeof value === 'object' ? 'an object' : `${typeof value} ${JSON.stringify(value)}`;
}

const clip = (value: string): string => (value.length > 60 ? `${value.slice(0, 57)}...` : value);

interface NumberRange {
  min?: number;
  max?: number;
  integer?: boolean;
}

export class Fields {
  readonly path: string;

  constructor(
    readonly raw: RawObject,
    fallbackPath: string,
    readonly log: ProblemLog,
    readonly origins: Origins,
  ) {
    this.path = origins.pathOf(raw, fallbackPath);
    for (const problem of origins.rowProblems(raw)) log.error(this.path, problem.reason);
  }

  at(key: string): string {
    return childPath(this.path, key);
  }

  has(key: string): boolean {
    return !isBlank(this.raw[key]);
  }

  /** Text; `missing` is the severity of its absence (none: it is optional). */
  text(key: string, missing?: ProblemSeverity): string | undefined {
    const value = this.raw[key];
    if (isBlank(value)) {
      if (missing) this.log.add(missing, this.at(key), 'Required by ORUK');
      return undefined;
    }
    if (typeof value === 'string') return value;
    this.log.error(this.at(key), `Must be text, not ${describe(value)}`);
    return undefined;
  }

  /** Text in a declared format; a malformed value is dropped with a problem of `severity`. */
  formatted(key: string, schema: z.ZodType<string>, severity: ProblemSeverity = 'error'): string | undefined {
    const value = this.text(key)?.trim();
    if (value === undefined) return undefined;
    const parsed = schema.safeParse(value);
    if (parsed.success) return parsed.data;
    this.log.add(severity, this.at(key), `${parsed.error.issues[0]?.message ?? 'Malformed'}, not "${clip(value)}"`);
    return undefined;
  }

  email(key: string): string | undefined {
    return this.formatted(key, orukEmailSchema);
  }

  uri(key: string, severity: ProblemSeverity = 'error'): string | undefined {
    return this.formatted(key, orukUriSchema, severity);
  }

  time(key: string): string | undefined {
    return this.formatted(key, orukTimeSchema);
  }

  dateTime(key: string): string | undefined {
    return this.formatted(key, orukDateTimeSchema);
  }

  /** A date; a date and time (as older feeds write dates) keeps its date, with a warning. */
  date(key: string): string | undefined {
    const value = this.text(key)?.trim();
    if (value !== undefined && orukDateTimeSchema.safeParse(value).success) {
      this.log.warning(this.at(key), `A date and time where ORUK has a date; the date ${value.slice(0, 10)} was kept`);
      return value.slice(0, 10);
    }
    return this.formatted(key, orukDateSchema);
  }

  /** A number; one of the wrong type is an error, one outside `range` is dropped with a warning. */
  number(key: string, range: NumberRange = {}): number | undefined {
    const value = this.raw[key];
    if (isBlank(value)) return undefined;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      this.log.error(this.at(key), `Must be a number, not ${describe(value)}`);
      return undefined;
    }
    const outside = (range.min !== undefined && value < range.min) || (range.max !== undefined && value > range.max);
    if (outside || (range.integer && !Number.isInteger(value))) {
      this.log.warning(this.at(key), `${value} is not a usable value here${rangeWords(range)}; it was left out`);
      return undefined;
    }
    return value;
  }

  /** One of `values`; a different case is accepted with a warning, anything else is an error. */
  choice<T extends string>(key: string, values: readonly T[], missing?: ProblemSeverity): T | undefined {
    const value = this.text(key, missing)?.trim();
    if (value === undefined) return undefined;
    if ((values as readonly string[]).includes(value)) return value as T;
    const match = values.find((v) => v.toLowerCase() === value.toLowerCase());
    if (match) {
      this.log.warning(this.at(key), `Written "${value}"; ORUK writes "${match}"`);
      return match;
    }
    this.log.error(this.at(key), `Must be one of ${values.join(', ')}, not "${clip(value)}"`);
    return undefined;
  }

  /** The objects of a list field, each with its path; a field that is not a list is an error. */
  list(key: string): Fields[] {
    const value = this.raw[key];
    if (isBlank(value)) return [];
    if (!Array.isArray(value)) {
      this.log.error(this.at(key), `Must be a list, not ${describe(value)}`);
      return [];
    }
    return value.flatMap((item, i) => {
      const path = itemPath(this.at(key), i);
      if (isRawObject(item)) return [new Fields(item, path, this.log, this.origins)];
      this.log.error(path, `Must be an object, not ${describe(item)}`);
      return [];
    });
  }

  object(key: string): Fields | undefined {
    const value = this.raw[key];
    if (isBlank(value)) return undefined;
    if (isRawObject(value)) return new Fields(value, this.at(key), this.log, this.origins);
    this.log.error(this.at(key), `Must be an object, not ${describe(value)}`);
    return undefined;
  }

  /** The object's id; a missing one is given the stand-in `fallback`, with a warning. */
  id(fallback: string): string {
    const id = this.text('id');
    if (id !== undefined) return id;
    if (isBlank(this.raw.id)) {
      this.log.warning(this.at('id'), `Missing; ORUK requires one. Kith uses "${fallback}" until the feed gives one`);
    }
    return fallback;
  }
}

function rangeWords(range: NumberRange): string {
  const bounds = [range.min !== undefined ? `at least ${range.min}` : '', range.max !== undefined ? `at most ${range.max}` : ''];
  const words = [range.integer ? 'a whole number' : '', ...bounds].filter(Boolean).join(', ');
  return words ? ` (${words})` : '';
}

/** Keeps only the entries that have a value, so optional fields are left out rather than undefined. */
export function defined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
