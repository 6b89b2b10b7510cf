/**
 * The stale-listing report: listings nobody has checked for six months, or ever, oldest first,
 * so the people who look after the directory know whom to phone. A directory people stop
 * trusting is one they stop using.
 */
import { LISTING_STALE_AFTER_MONTHS, englandDate, listingFreshness, listingFreshnessWords } from '@kith/core';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/session.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { requireDirectoryKeeper } from './feeds.js';

export interface StaleListing {
  id: string;
  name: string;
  organisation: string | null;
  feedId: string;
  lastVerifiedOn: string | null;
  verifiedBy: string | null;
  /** "Details last checked on 3 March 2026: they may be out of date". */
  words: string;
}

export async function staleListings(db: Db, actor: Actor, now: Date, page: number, perPage: number): Promise<{ items: StaleListing[]; total: number; page: number; perPage: number }> {
  requireDirectoryKeeper(actor.roles);
  const today = englandDate(now);
  const rows = await rowsOf<Omit<StaleListing, 'words'> & { total: number }>(
    db,
    sql`SELECT s.id, s.name, o.name AS organisation, s.feed_id AS "feedId", s.last_verified_on::text AS "lastVerifiedOn", s.verified_by AS "verifiedBy",
          count(*) OVER ()::int AS total
        FROM directory_service s LEFT JOIN directory_organization o ON o.id = s.organization_id
        WHERE s.status <> 'defunct'
          AND (s.last_verified_on IS NULL OR s.last_verified_on < ${today}::date - ${sql.raw(`interval '${LISTING_STALE_AFTER_MONTHS} months'`)})
        ORDER BY s.last_verified_on NULLS FIRST, s.name, s.id
        LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`,
  );
  const items = rows.map(({ total: _total, ...row }) => ({ ...row, words: listingFreshnessWords(listingFreshness(row.lastVerifiedOn, today)) }));
  return { items, total: rows[0]?.total ?? 0, page, perPage };
}
