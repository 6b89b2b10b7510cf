/**
 * Clinical data import (docs/import.md): batches of FHIR or CSV records written one
 * transaction each, through the access gate. An API client needs the import:write scope; a
 * member of staff is refused, whatever their roles, since imports are feeds from other systems;
 * the command line imports as Kith itself (audit actor `system`). Each batch that changes a
 * person's record writes one `write` audit event for that person, in the batch's transaction.
 */
import { type AuditEvent, DomainError, type ImportBatch, type ImportIssue } from '@kith/core';
import { recomputeForPeople } from '../case-finding/service.js';
import { type AccessContext, type GateDecision, withAccess } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import { type BatchCounts, type BatchResult, noCounts, writeBatch } from './write-batch.js';

export type { BatchCounts } from './write-batch.js';

/** Who imports: the request's caller (an API client; staff are refused), or Kith itself from the command line. */
export type ImportActor = { kind: 'request'; context: AccessContext } | { kind: 'system'; now: Date; runId: string };

/** A batch that had refused entries, and whether the rest of it landed. */
export interface BatchReport {
  label: string;
  atomic: boolean;
  landed: boolean;
  issues: ImportIssue[];
}

export interface ImportReport {
  batches: number;
  batchesLanded: number;
  batchesRefused: number;
  entriesRefused: number;
  counts: BatchCounts;
  /** Only batches with refused entries: a large clean import does not keep one report per batch. */
  withIssues: BatchReport[];
}

/** The system name under which conditions, encounters and `Patient/<id>` are recognised again. */
export const SOURCE_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:/@-]{0,199}$/;

export async function importBatches(
  db: Db,
  actor: ImportActor,
  source: string,
  batches: Iterable<ImportBatch> | AsyncIterable<ImportBatch>,
  onBatch?: (batch: ImportBatch, result: BatchResult) => void,
): Promise<ImportReport> {
  if (!SOURCE_PATTERN.test(source)) throw DomainError.field('source', 'Letters, digits and . _ : / @ -, up to 200, starting with a letter or digit');
  const decision = actor.kind === 'request' ? await authorise(db, actor.context) : null;
  const context = actor.kind === 'request' ? actor.context : systemContext(actor);
  const report: ImportReport = { batches: 0, batchesLanded: 0, batchesRefused: 0, entriesRefused: 0, counts: noCounts(), withIssues: [] };
  const iterator = asyncIteratorOf(batches);
  const touched = new Set<string>();
  try {
    await writeEach(iterator, async (batch) => {
      const result = await withAccess(db, context, async (gate, tx) => {
        const written = await writeBatch(tx, batch, source, context.now);
        for (const personId of written.touched) gate.recordEvent(writeEvent(actor, decision, gate.event.bind(gate), personId, batch.label));
        return written;
      });
      for (const personId of result.touched) touched.add(personId);
      addToReport(report, batch, result);
      onBatch?.(batch, result);
    });
  } finally {
    await iterator.return?.();
  }
  // Case-finding stays current: every rule is recomputed for the people this import changed.
  await db.transaction((tx) => recomputeForPeople(tx, [...touched], context.now));
  return report;
}

/** Reads the next batch while the database writes this one; a reading error is raised when that batch is due. */
async function writeEach(iterator: AsyncIterator<ImportBatch>, write: (batch: ImportBatch) => Promise<void>): Promise<void> {
  let next = iterator.next();
  for (;;) {
    const { value: batch, done } = await next;
    if (done) break;
    const writing = write(batch);
    next = iterator.next();
    next.catch(() => undefined);
    await writing;
  }
}

function asyncIteratorOf<T>(items: Iterable<T> | AsyncIterable<T>): AsyncIterator<T> {
  if (Symbol.asyncIterator in items) return items[Symbol.asyncIterator]();
  const iterator = items[Symbol.iterator]();
  return { next: async () => iterator.next() };
}

function addToReport(report: ImportReport, batch: ImportBatch, result: BatchResult) {
  report.batches++;
  if (result.landed) report.batchesLanded++;
  else report.batchesRefused++;
  report.entriesRefused += new Set(result.issues.map((i) => i.index)).size;
  for (const [key, value] of Object.entries(result.counts) as [keyof BatchCounts, number][]) report.counts[key] += value;
  if (result.issues.length > 0) report.withIssues.push({ label: batch.label, atomic: batch.atomic, landed: result.landed, issues: result.issues });
}

/** The API client's import:write scope, decided once per request and recorded; staff are refused and recorded. */
function authorise(db: Db, context: AccessContext): Promise<GateDecision> {
  return withAccess(db, context, async (gate) => {
    if (!context.apiClient) {
      const reason = 'Clinical data is imported by connected systems (API clients with the import:write scope), not by staff sign-ins';
      gate.recordDenial({
        at: context.now,
        actor: { kind: 'staff', staffId: context.actor?.staffId ?? null },
        resourceType: 'summary',
        resourceId: 'import',
        action: 'write',
        outcome: 'denied',
        reason: 'staff may not import',
        requestId: context.requestId,
        clientAddress: context.clientAddress,
      });
      throw new DomainError('forbidden', reason);
    }
    return gate.requireRole('write', 'summary', { resourceId: 'import' });
  });
}

function systemContext(actor: { now: Date; runId: string }): AccessContext {
  return { actor: null, apiClient: null, now: actor.now, requestId: actor.runId, clientAddress: 'local' };
}

type EventOf = (decision: GateDecision, target: { personId: string; action: 'write'; resourceKind: 'summary'; resourceId: string }) => AuditEvent;

function writeEvent(actor: ImportActor, decision: GateDecision | null, eventOf: EventOf, personId: string, label: string): AuditEvent {
  const resourceId = `import ${label}`;
  if (decision) return eventOf(decision, { personId, action: 'write', resourceKind: 'summary', resourceId });
  const system = actor as { now: Date; runId: string };
  return {
    at: system.now,
    actor: { kind: 'system' },
    subjectPersonId: personId,
    resourceType: 'summary',
    resourceId,
    action: 'write',
    purpose: 'direct_care',
    outcome: 'allowed',
    requestId: system.runId,
    clientAddress: null,
  };
}
