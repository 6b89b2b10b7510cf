/**
 * Importing a feed of services (Open Referral UK JSON, v1 or v3, or its CSV set) into the
 * directory. Each service is read whole or refused whole, with every problem named by its place
 * in what was sent; the good ones are kept. What is kept is written in one transaction, so an
 * import is all there or not at all, and importing the same feed again changes nothing: a record
 * is known by its feed and its id there. Imports of one feed take turns (the feed's row is
 * locked), so two at once cannot both create the same service.
 *
 * A service classified by a term Kith's vocabulary does not hold is refused, once a vocabulary is
 * loaded; where another feed describes the same service differently, the disagreement is
 * reported for a person to settle, and both records are kept.
 */
import { randomUUID } from 'node:crypto';
import {
  DomainError,
  type DirectoryConflict,
  type DirectoryServiceRecord,
  type DirectoryService,
  type OrukProblem,
  importOrukCsv,
  importOrukJson,
  planDirectoryMerge,
  taxonomyTermIndex,
  unknownTaxonomyTerms,
} from '@kith/core';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { writeServices } from './store.js';
import { vocabulary } from './taxonomy.js';

export type FeedFormat = 'oruk_json' | 'oruk_csv';

export interface Importer {
  staffId: string | null;
  apiClientId: string | null;
}

export interface ImportReport {
  importId: string;
  feedId: string;
  created: number;
  updated: number;
  unchanged: number;
  /** Services refused for an error, each error among the problems. */
  rejected: number;
  /** Held from this feed but not in this import: kept, since a feed may send part of itself. */
  absent: number;
  problems: OrukProblem[];
  conflicts: DirectoryConflict[];
}

/** The feed, locked for this import; 404 when nobody has set it up. */
async function lockFeed(tx: Db, feedId: string): Promise<void> {
  const [feed] = await rowsOf<{ id: string }>(tx, sql`SELECT id FROM directory_feed WHERE id = ${feedId} FOR UPDATE`);
  if (!feed) throw new DomainError('not_found', `No directory feed is called "${feedId}": set it up first`);
}

/** The records the merge compares with: this feed's, and other feeds' with the same ids. */
async function existingRecords(tx: Db, feedId: string, incoming: readonly DirectoryServiceRecord[]): Promise<DirectoryServiceRecord[]> {
  const ids = incoming.map((r) => r.source.sourceId);
  const rows = await rowsOf<{ feed_id: string; source_id: string; document: DirectoryService }>(
    tx,
    sql`SELECT feed_id, source_id, document FROM directory_service
        WHERE feed_id = ${feedId} OR (feed_id <> ${feedId} AND source_id = ANY(${sql.param(ids)}::text[]))`,
  );
  return rows.map((r) => ({ source: { feedId: r.feed_id, sourceId: r.source_id }, service: r.document }));
}

/** Services classified by terms the vocabulary does not hold are refused; none are checked before one is loaded. */
async function checkVocabulary(tx: Db, records: DirectoryServiceRecord[]): Promise<{ kept: DirectoryServiceRecord[]; problems: OrukProblem[] }> {
  const terms = await vocabulary(tx);
  if (terms.length === 0) return { kept: records, problems: [] };
  const index = taxonomyTermIndex(terms);
  const problems: OrukProblem[] = [];
  const kept = records.filter((record) => {
    const unknown = unknownTaxonomyTerms(record.service, index, { basePath: `service ${record.source.sourceId}`, severity: 'error' });
    problems.push(...unknown);
    return unknown.length === 0;
  });
  return { kept, problems };
}

function readFeed(feedId: string, format: FeedFormat, body: unknown) {
  if (format === 'oruk_csv') return importOrukCsv(body as Record<string, string>, { feedId });
  return importOrukJson(body, { feedId });
}

export async function importFeed(
  db: Db,
  options: { feedId: string; format: FeedFormat; body: unknown; importer: Importer; now: Date },
): Promise<ImportReport> {
  const { feedId, now } = options;
  const read = readFeed(feedId, options.format, options.body);
  const done = await db.transaction(async (tx) => {
    await lockFeed(tx, feedId);
    const checked = await checkVocabulary(tx, read.services);
    const problems = [...read.problems, ...checked.problems];
    const errors = problems.filter((p) => p.severity === 'error');
    if (checked.kept.length === 0 && errors.length > 0) {
      throw new DomainError('invalid', 'Nothing in this feed could be imported: every service has a problem', errors.map((p) => ({ field: p.path || 'body', reason: p.reason })));
    }
    const plan = planDirectoryMerge({ feedId, incoming: checked.kept, existing: await existingRecords(tx, feedId, checked.kept) });
    await writeServices(tx, feedId, [...plan.created, ...plan.updated.map((u) => u.after)], now);
    const report: ImportReport = {
      importId: randomUUID(),
      feedId,
      created: plan.created.length,
      updated: plan.updated.length,
      unchanged: plan.unchanged.length,
      rejected: read.refused + (read.services.length - checked.kept.length),
      absent: plan.absent.length,
      problems,
      conflicts: plan.conflicts,
    };
    await recordImport(tx, report, options);
    return report;
  });
  if (done.created + done.updated >= LARGE_IMPORT) await refreshStatistics(db);
  return done;
}

/** Past this many services written, the planner's picture of the directory is out of date. */
const LARGE_IMPORT = 500;

/**
 * After a large import, fresh statistics for the tables search reads: without them the planner
 * guesses at an empty directory and chooses plans that scan it, until autovacuum catches up.
 */
async function refreshStatistics(db: Db): Promise<void> {
  await db.execute(sql`ANALYZE directory_service, directory_place, directory_session`);
}

async function recordImport(tx: Db, report: ImportReport, options: { format: FeedFormat; importer: Importer; now: Date }): Promise<void> {
  await tx.execute(sql`INSERT INTO directory_import (id, feed_id, format, received_at, received_by, api_client_id, created, updated, unchanged, rejected, problems, conflicts)
    VALUES (${report.importId}, ${report.feedId}, ${options.format}, ${options.now.toISOString()}::timestamptz, ${options.importer.staffId}, ${options.importer.apiClientId},
      ${report.created}, ${report.updated}, ${report.unchanged}, ${report.rejected}, ${JSON.stringify(report.problems)}::jsonb, ${JSON.stringify(report.conflicts)}::jsonb)`);
}
