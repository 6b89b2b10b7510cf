/**
 * The rows of an ORUK CSV set, each an object keyed by its header's column names and named by
 * its file and line (`services.csv[line 3]`), so a problem found while reading the service it
 * became part of still points at the spreadsheet row to fix. Parsing is core's RFC 4180 reader.
 */
import { readCsv } from '../../import/csv-reader.js';
import type { Origins, RawObject } from './fields.js';
import { type CsvTable, type CsvTableName, ORUK_CSV_TABLES } from './csv-tables.js';
import type { ProblemLog } from './problems.js';

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

export class CsvRows implements Origins {
  private readonly places = new WeakMap<RawObject, string>();
  private readonly problems = new WeakMap<RawObject, { reason: string }[]>();

  pathOf(object: RawObject, fallback: string): string {
    return this.places.get(object) ?? fallback;
  }

  rowProblems(object: RawObject): readonly { reason: string }[] {
    return this.problems.get(object) ?? [];
  }

  add(row: RawObject, path: string, problems: { reason: string }[]): RawObject {
    this.places.set(row, path);
    if (problems.length > 0) this.problems.set(row, problems);
    return row;
  }
}

export const rowPath = (file: string, line: number): string => `${file}[line ${line}]`;

const baseName = (name: string): string => (name.split(/[\\/]/).pop() ?? name).trim().toLowerCase();

/** The text given for a table, under the first of its names found; other names for the same table are reported and not read. */
function fileFor(table: CsvTable, files: ReadonlyMap<string, string>, log: ProblemLog): { name: string; text: string } | undefined {
  const present = table.files.filter((name) => files.has(name));
  const [used, ...others] = present;
  for (const other of others) log.warning(other, `Holds the same table as ${used}; Kith read ${used} and not this file`);
  return used === undefined ? undefined : { name: used, text: files.get(used) ?? '' };
}

/** One file's rows, read as the given table. */
export function rowsOf(file: { name: string; text: string }, table: CsvTable, rows: CsvRows): RawObject[] {
  const [header, ...records] = readCsv(file.text.replace(/^\uFEFF/, ''));
  if (!header) return [];
  const columns = header.fields.map((c) => c.trim().toLowerCase());
  const numbers = new Set<string>(table.numbers ?? []);
  return records.map((record) => {
    const row: RawObject = {};
    columns.forEach((column, i) => {
      const value = record.fields[i];
      if (value === undefined || value.trim() === '' || column === '' || column in row) return;
      row[column] = numbers.has(column) && NUMBER.test(value.trim()) ? Number(value) : value;
    });
    const extra = record.fields.length > columns.length ? [{ reason: `Has ${record.fields.length} fields; the header has ${columns.length}` }] : [];
    return rows.add(row, rowPath(file.name, record.line), extra);
  });
}

export type CsvTablesRead = Record<CsvTableName, RawObject[]> & { present: ReadonlySet<CsvTableName> };

/** Every table's rows (none for a table whose file is absent); files Kith does not model are not read. */
export function readCsvTables(files: Readonly<Record<string, string>>, log: ProblemLog, rows: CsvRows): CsvTablesRead {
  const byName = new Map(Object.entries(files).map(([name, text]) => [baseName(name), text]));
  const present = new Set<CsvTableName>();
  const tables = {} as Record<CsvTableName, RawObject[]>;
  for (const [name, table] of Object.entries(ORUK_CSV_TABLES) as [CsvTableName, CsvTable][]) {
    const file = fileFor(table, byName, log);
    if (file) present.add(name);
    tables[name] = file ? rowsOf(file, table, rows) : [];
  }
  return { ...tables, present };
}
