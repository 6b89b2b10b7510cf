/**
 * Loading many audit events quickly, for the benchmark and for tests at size: batches of one
 * statement each, in order, each its own transaction, sealed as it goes, so a bulk-loaded log
 * is exactly what one written event by event and sealed would be.
 */
import type { AuditEvent } from '@kith/core';
import type { Db } from '../db/client.js';
import { recordAuditEvents } from './record.js';
import { sealAuditEvents } from './seal.js';

export interface BulkProgress {
  events: number;
}

/** Writes `count` events made by `eventOf(0..count-1)`, `batchSize` per transaction. */
export async function appendAuditEventsInBulk(
  db: Db,
  count: number,
  eventOf: (n: number) => AuditEvent,
  options: { batchSize?: number; onProgress?: (progress: BulkProgress) => void } = {},
): Promise<void> {
  const batchSize = options.batchSize ?? 5000;
  for (let first = 0; first < count; first += batchSize) {
    const batch: AuditEvent[] = [];
    for (let n = first; n < Math.min(count, first + batchSize); n++) batch.push(eventOf(n));
    await db.transaction((tx) => recordAuditEvents(tx, batch));
    await sealAuditEvents(db, { batchSize });
    options.onProgress?.({ events: first + batch.length });
  }
}
