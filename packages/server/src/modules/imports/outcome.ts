/**
 * The answer to an import. FHIR input gets a FHIR OperationOutcome: an error issue for each
 * refused entry (its FHIRPath in `expression`, the batch and index in `diagnostics`), one for
 * each batch not written because of them, and an information issue with the totals, which also
 * ride in an extension as numbers. CSV input gets JSON: the totals, or a problem naming each
 * refused row's line and column. Any refused entry makes the status 422; the batches listed as
 * landed were written all the same.
 */
import type { ImportIssue } from '@kith/core';
import { problem, type Problem } from '../../platform/http/problem.js';
import type { BatchCounts, BatchReport, ImportReport } from './service.js';

export const IMPORT_SUMMARY_EXTENSION = 'https://kith.invalid/fhir/StructureDefinition/import-summary';

export function importStatus(report: ImportReport): 200 | 422 {
  return report.entriesRefused > 0 || report.batchesRefused > 0 ? 422 : 200;
}

const n = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString('en-GB')} ${count === 1 ? one : many}`;

export function summaryText(report: ImportReport): string {
  const c = report.counts;
  return [
    `${n(report.batchesLanded, 'batch', 'batches')} of ${report.batches} landed`,
    `people: ${c.peopleCreated} new, ${c.peopleUpdated} updated, ${c.peopleUnchanged} unchanged`,
    `conditions: ${c.conditionsCreated} new, ${c.conditionsUpdated} updated, ${c.conditionsUnchanged} unchanged`,
    `encounters: ${c.encountersCreated} new, ${c.encountersUpdated} updated, ${c.encountersUnchanged} unchanged`,
    `medicines: ${c.medicationsCreated} new, ${c.medicationsUpdated} updated, ${c.medicationsUnchanged} unchanged`,
    `${n(c.skipped, 'resource')} of other types skipped`,
    ...(report.entriesRefused > 0 ? [`${n(report.entriesRefused, 'entry', 'entries')} refused`] : []),
  ].join('; ');
}

function where(batch: BatchReport, issue: ImportIssue): string {
  if (batch.label === 'Bundle') return `entry ${issue.index}`;
  return batch.label.includes('Bundle') ? `${batch.label}, entry ${issue.index}` : `line ${issue.index}`;
}

export function operationOutcome(report: ImportReport) {
  const issues = report.withIssues.flatMap((batch) => [
    ...batch.issues.map((issue) => ({
      severity: 'error' as const,
      code: issue.code,
      diagnostics: `${where(batch, issue)}: ${issue.reason}`,
      ...(issue.expression ? { expression: [issue.expression] } : {}),
    })),
    ...(batch.landed
      ? []
      : [{ severity: 'error' as const, code: 'processing', diagnostics: `${batch.label}: nothing in this batch was written, because of the entries refused above` }]),
  ]);
  return {
    resourceType: 'OperationOutcome' as const,
    extension: [{ url: IMPORT_SUMMARY_EXTENSION, extension: summaryExtensions(report) }],
    issue: [...issues, { severity: 'information' as const, code: 'informational', diagnostics: summaryText(report) }],
  };
}

function summaryExtensions(report: ImportReport) {
  const numbers: Record<string, number> = {
    batches: report.batches,
    batchesLanded: report.batchesLanded,
    batchesRefused: report.batchesRefused,
    entriesRefused: report.entriesRefused,
    ...report.counts,
  };
  return Object.entries(numbers).map(([url, valueInteger]) => ({ url, valueInteger }));
}

export interface CsvSummary extends BatchCounts {
  batches: number;
  batchesLanded: number;
  batchesRefused: number;
  entriesRefused: number;
}

export function csvSummary(report: ImportReport): CsvSummary {
  return { batches: report.batches, batchesLanded: report.batchesLanded, batchesRefused: report.batchesRefused, entriesRefused: report.entriesRefused, ...report.counts };
}

/** The problem for CSV rows refused: each names its line and column. */
export function csvProblem(report: ImportReport): Problem {
  const errors = report.withIssues.flatMap((batch) =>
    batch.issues.map((issue) => ({ field: issue.expression, reason: issue.reason, line: issue.index })),
  );
  const notWritten = report.withIssues.filter((b) => !b.landed).map((b) => b.label);
  const detail = `${n(report.entriesRefused, 'row')} refused${notWritten.length ? `; not written: ${notWritten.join(', ')}` : ''}; ${summaryText(report)}`;
  return problem(422, detail, errors, { title: 'Some rows were refused', summary: csvSummary(report), notWritten });
}
