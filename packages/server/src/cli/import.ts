/**
 * `kith import FILE`: clinical data from a file into the configured database (DATABASE_URL, or
 * the embedded PGlite in KITH_DATA_DIR), through the same service as POST /imports, as Kith
 * itself (audit actor `system`). NDJSON and CSV are read as a stream, a batch at a time, with a
 * progress bar for large files; a FHIR Bundle (.json) is read whole.
 *
 *   kith import hospital-activity.ndjson --source royal-infirmary-pas
 */
import { randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { parseArgs } from 'node:util';
import { isoDateOf } from '@kith/core';
import cliProgress from 'cli-progress';
import { loadConfig } from '../config.js';
import { bundleBatches, csvBatchesOf, type ImportFormat, ndjsonBatchesOf } from '../modules/imports/input.js';
import { summaryText } from '../modules/imports/outcome.js';
import { importBatches, type ImportReport, SOURCE_PATTERN } from '../modules/imports/service.js';
import { openDatabase } from '../platform/db/client.js';

const USAGE = `Usage: kith import FILE [--source SYSTEM] [--format bundle|ndjson|csv] [--batch-lines N]

  FILE           a FHIR R4 Bundle (.json), FHIR NDJSON (.ndjson, .jsonl) or CSV (.csv); see docs/import.md
  --source       the sending system, under which records are recognised when imported again (default ${'kith-import'})
  --format       when the file's extension does not say
  --batch-lines  NDJSON or CSV lines per all-or-nothing batch (default KITH_IMPORT_BATCH_LINES, 1000)`;

/** Files this big or bigger are worth a progress bar. */
const PROGRESS_BAR_FROM = 5 * 1024 * 1024;
/** Refused entries printed in full; the rest are counted. */
const ISSUES_SHOWN = 50;
const FORMATS: Record<string, ImportFormat> = { '.json': 'bundle', '.ndjson': 'ndjson', '.jsonl': 'ndjson', '.csv': 'csv' };

export interface ImportArguments {
  file: string;
  source: string;
  format: ImportFormat;
  batchLines?: number;
}

export function parseImportArguments(args: string[]): ImportArguments | string {
  let parsed: { values: Record<string, string | undefined>; positionals: string[] };
  try {
    parsed = parseArgs({
      args,
      options: { source: { type: 'string' }, format: { type: 'string' }, 'batch-lines': { type: 'string' } },
      strict: true,
      allowPositionals: true,
    });
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
  const [file, ...extra] = parsed.positionals;
  if (!file || extra.length > 0) return 'Name one file to import';
  const source = parsed.values.source ?? 'kith-import';
  if (!SOURCE_PATTERN.test(source)) return `--source must be letters, digits and . _ : / @ -, not "${source}"`;
  const format = (parsed.values.format as ImportFormat | undefined) ?? FORMATS[extname(file).toLowerCase()];
  if (!format || !['bundle', 'ndjson', 'csv'].includes(format)) return '--format must be bundle, ndjson or csv (the file extension does not say which)';
  const lines = parsed.values['batch-lines'];
  if (lines !== undefined && !/^[1-9]\d{0,4}$/.test(lines)) return `--batch-lines must be a whole number from 1 to 99999, not "${lines}"`;
  return { file, source, format, ...(lines ? { batchLines: Number(lines) } : {}) };
}

export async function runImportCommand(args: string[]): Promise<number> {
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    return 0;
  }
  const options = parseImportArguments(args);
  if (typeof options === 'string') {
    console.error(`${options}\n\n${USAGE}`);
    return 2;
  }
  const config = loadConfig();
  const size = (await stat(options.file)).size;
  const database = await openDatabase(config.database);
  try {
    await database.migrate();
    const now = new Date();
    const runId = `import-${randomUUID()}`;
    const report = await withProgressBar(size, async (onBytes) => {
      const batches = await batchesOf(options, isoDateOf(now), options.batchLines ?? config.imports.batchLines, onBytes);
      return importBatches(database.db, { kind: 'system', now, runId }, options.source, batches);
    });
    console.log(summaryText(report));
    printIssues(report);
    return report.entriesRefused > 0 || report.batchesRefused > 0 ? 1 : 0;
  } finally {
    await database.close();
  }
}

async function batchesOf(options: ImportArguments, today: string, batchLines: number, onBytes: (bytes: number) => void) {
  if (options.format === 'bundle') return bundleBatches(JSON.parse(await readFile(options.file, 'utf8')), today);
  const chunks = counted(createReadStream(options.file, { encoding: 'utf8', highWaterMark: 1024 * 1024 }), onBytes);
  return options.format === 'ndjson' ? ndjsonBatchesOf(chunks, today, batchLines) : csvBatchesOf(chunks, today, batchLines);
}

async function* counted(stream: AsyncIterable<string>, onBytes: (bytes: number) => void): AsyncGenerator<string> {
  let bytes = 0;
  for await (const chunk of stream) {
    bytes += Buffer.byteLength(chunk);
    onBytes(bytes);
    yield chunk;
  }
}

async function withProgressBar<T>(size: number, work: (onBytes: (bytes: number) => void) => Promise<T>): Promise<T> {
  if (size < PROGRESS_BAR_FROM) return work(() => undefined);
  const bar = new cliProgress.SingleBar(
    { format: '  {bar} {percentage}% | {value}/{total} MB | {duration_formatted}', hideCursor: true },
    cliProgress.Presets.shades_classic,
  );
  const mb = (bytes: number) => Math.round(bytes / 1024 / 1024);
  bar.start(mb(size), 0);
  try {
    return await work((bytes) => bar.update(mb(bytes)));
  } finally {
    bar.stop();
  }
}

function printIssues(report: ImportReport) {
  const lines = report.withIssues.flatMap((batch) => [
    ...batch.issues.map((i) => `  ${batch.label}: ${batch.label.startsWith('line') && !batch.label.includes('Bundle') ? `line ${i.index}` : `entry ${i.index}`}, ${i.expression || 'the whole line'}: ${i.reason}`),
    ...(batch.landed ? [] : [`  ${batch.label}: nothing in this batch was written`]),
  ]);
  for (const line of lines.slice(0, ISSUES_SHOWN)) console.error(line);
  if (lines.length > ISSUES_SHOWN) console.error(`  … and ${lines.length - ISSUES_SHOWN} more`);
}
