/**
 * The feeds the directory is made from: a council's, a commissioner's, the voluntary sector's,
 * and Kith's own (listings written in Kith). Setting one up is idempotent: the same id again
 * renames it. Only those who look after the directory set feeds up and import them.
 */
import { DomainError } from '@kith/core';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { StaffRoleGrant } from '../../platform/auth/session.js';
import { type Db, rowsOf } from '../../platform/db/client.js';

/** Network leads and commissioners look after the directory; administrators set up what it is made from. */
export const DIRECTORY_KEEPERS = ['network_lead', 'commissioner', 'admin'] as const;

export function requireDirectoryKeeper(roles: readonly StaffRoleGrant[]): void {
  if (!roles.some((r) => (DIRECTORY_KEEPERS as readonly string[]).includes(r.role))) {
    throw new DomainError('forbidden', 'Only a network lead, a commissioner or an administrator can change what the directory is made from');
  }
}

export const FEED_KINDS = ['council', 'commissioner', 'voluntary', 'kith'] as const;

export const feedIdSchema = z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'Must be 2 to 63 lower-case letters, digits and hyphens, like croydon-council');
export const feedBodySchema = z.strictObject({
  name: z.string().trim().min(1, 'Give the feed a name').max(200, 'At most 200 characters'),
  kind: z.enum(FEED_KINDS, 'Must be council, commissioner, voluntary or kith'),
});
export type FeedBody = z.infer<typeof feedBodySchema>;

export interface FeedView {
  id: string;
  name: string;
  kind: (typeof FEED_KINDS)[number];
  services: number;
  lastImportAt: string | null;
}

export async function saveFeed(db: Db, id: string, body: FeedBody, now: Date): Promise<void> {
  await db.execute(sql`INSERT INTO directory_feed (id, name, kind, created_at) VALUES (${id}, ${body.name}, ${body.kind}, ${now.toISOString()}::timestamptz)
    ON CONFLICT (id) DO UPDATE SET name = excluded.name, kind = excluded.kind`);
}

export async function listFeeds(db: Db): Promise<FeedView[]> {
  return rowsOf<FeedView>(
    db,
    sql`SELECT f.id, f.name, f.kind,
          (SELECT count(*)::int FROM directory_service s WHERE s.feed_id = f.id) AS services,
          (SELECT to_char(max(i.received_at) AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') FROM directory_import i WHERE i.feed_id = f.id) AS "lastImportAt"
        FROM directory_feed f ORDER BY f.name`,
  );
}
