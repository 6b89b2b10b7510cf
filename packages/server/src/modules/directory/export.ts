/**
 * The directory, or one feed of it, exported as Open Referral UK: a v3 page of fully nested
 * services (JSON), or the CSV set as `{ files: { "services.csv": "…" } }`, the same shape an
 * import takes, so an export imports elsewhere as it is. Services carry Kith's own ids.
 */
import { type DirectoryService, exportOrukCsv, orukServicePage } from '@kith/core';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db/client.js';

export async function exportDirectory(db: Db, options: { feedId?: string; format: 'json' | 'csv' }) {
  const feed = options.feedId ? sql`WHERE feed_id = ${options.feedId}` : sql``;
  const rows = await rowsOf<{ id: string; document: DirectoryService }>(db, sql`SELECT id, document FROM directory_service ${feed} ORDER BY name, id`);
  const services = rows.map((r) => ({ ...r.document, id: r.id }));
  if (options.format === 'csv') return { files: exportOrukCsv(services) };
  return { ...orukServicePage(services, { page: 1, perPage: Math.max(services.length, 1), totalItems: services.length, full: true }) };
}
