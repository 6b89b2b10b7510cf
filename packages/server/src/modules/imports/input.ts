/**
 * What the import reads: a FHIR Bundle (JSON), FHIR NDJSON, or CSV, whole (a request body) or
 * as lines arriving from a file. NDJSON and CSV are cut into batches of `batchLines` lines.
 */
import { bundleBatch, csvBatch, csvHeader, type CsvColumn, CsvReader, type CsvRecord, type ImportBatch, ndjsonBatches, type NumberedLine } from '@kith/core';

export type ImportFormat = 'bundle' | 'ndjson' | 'csv';

/** Media types the import route takes, and what each is. */
export const IMPORT_MEDIA_TYPES: Readonly<Record<string, ImportFormat>> = {
  'application/fhir+json': 'bundle',
  'application/json': 'bundle',
  'application/fhir+ndjson': 'ndjson',
  'application/x-ndjson': 'ndjson',
  'application/ndjson': 'ndjson',
  'text/csv': 'csv',
};

export function* bundleBatches(body: unknown, today: string): Generator<ImportBatch> {
  yield bundleBatch(body, 'Bundle', today);
}

/** Lines of text, numbered from 1, from chunks that may split lines anywhere. */
export async function* numberedLines(chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<NumberedLine> {
  let rest = '';
  let line = 0;
  for await (const chunk of chunks) {
    const parts = (rest + chunk).split('\n');
    rest = parts.pop()!;
    for (const text of parts) yield { line: ++line, text: text.endsWith('\r') ? text.slice(0, -1) : text };
  }
  if (rest !== '') yield { line: ++line, text: rest };
}

export async function* ndjsonBatchesOf(chunks: AsyncIterable<string> | Iterable<string>, today: string, batchLines: number): AsyncGenerator<ImportBatch> {
  let pending: NumberedLine[] = [];
  for await (const line of numberedLines(chunks)) {
    pending.push(line);
    if (pending.length >= batchLines) {
      yield* ndjsonBatches(pending, today);
      pending = [];
    }
  }
  if (pending.length > 0) yield* ndjsonBatches(pending, today);
}

export async function* csvBatchesOf(chunks: AsyncIterable<string> | Iterable<string>, today: string, batchLines: number): AsyncGenerator<ImportBatch> {
  const reader = new CsvReader();
  let columns: (CsvColumn | null)[] | undefined;
  let pending: CsvRecord[] = [];
  for await (const records of csvRecords(reader, chunks)) {
    for (const record of records) {
      if (!columns) {
        const header = csvHeader(record);
        if ('issues' in header) {
          yield { label: 'header', atomic: true, entries: [], issues: header.issues };
          return;
        }
        columns = header.columns;
        continue;
      }
      pending.push(record);
      if (pending.length >= batchLines) {
        yield csvBatch(columns, pending, today);
        pending = [];
      }
    }
  }
  if (columns && pending.length > 0) yield csvBatch(columns, pending, today);
}

async function* csvRecords(reader: CsvReader, chunks: AsyncIterable<string> | Iterable<string>): AsyncGenerator<CsvRecord[]> {
  for await (const chunk of chunks) yield reader.push(chunk);
  yield reader.end();
}
