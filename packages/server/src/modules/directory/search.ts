/**
 * Searching the directory: by words, taxonomy, needs, age, cost, day and time, accessibility and
 * distance from a postcode or from a person's home. One small statement asks the database what
 * the words typed mean (its English dictionary stems them and drops stop words), where the
 * postcode is, and whether the directory has changed since the search index was read; the index
 * (search-index.ts) then finds, ranks and pages the listings in memory (core's search engine).
 *
 * Searching near a person reads where they live, so it goes through the access gate like any
 * other look at their record: it needs a relationship (or, for a volunteer, the person's consent
 * to voluntary-sector contact) and is recorded in the audit log.
 */
import {
  type DirectorySearchQuery,
  type LatLong,
  DomainError,
  directoryWhenFilter,
  englandDate,
  normalisePostcode,
  parseWordQuery,
} from '@kith/core';
import { sql } from 'drizzle-orm';
import { type AccessContext, withAccess } from '../../platform/access/index.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import type { ListingSummary } from './listing-view.js';
import { type DirectorySearchIndex, changedSince } from './search-index.js';

export interface DirectorySearchPage {
  items: (ListingSummary & { distanceMetres: number | null; score: number })[];
  total: number;
  page: number;
  perPage: number;
  /** The place distances are measured from, when one was asked for. */
  near: { postcode: string; radiusMetres: number } | null;
}

async function homePostcodeOf(db: Db, context: AccessContext, personId: string): Promise<string> {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'read', { kind: 'contact_details' }, 'directory_search');
    const [row] = await rowsOf<{ postcode: string | null }>(tx, sql`SELECT postcode FROM person WHERE id = ${personId}`);
    if (!row?.postcode) throw DomainError.field('personId', 'This person has no postcode on their record');
    return row.postcode;
  });
}

interface Asked {
  changed: boolean;
  /** The words as a tsquery's text; null when no words were typed. */
  words: string | null;
  latitude: number | null;
  longitude: number | null;
}

/** What the words mean, where the postcode is and whether the index is out of date: one round trip. */
async function ask(db: Db, snapshot: string | undefined, text: string | undefined, postcode: string | undefined): Promise<Asked> {
  const [row] = await rowsOf<Asked>(
    db,
    sql`SELECT ${changedSince(snapshot)} AS changed,
          CASE WHEN ${text ?? null}::text IS NULL THEN NULL ELSE websearch_to_tsquery('english', ${text ?? null}::text)::text END AS words,
          c.latitude, c.longitude
        FROM (SELECT 1) one LEFT JOIN postcode_centroid c ON c.postcode = ${postcode ?? null}::text`,
  );
  return row!;
}

function centreOf(asked: Asked, postcode: string | undefined, query: DirectorySearchQuery): LatLong | undefined {
  if (!postcode) return undefined;
  if (asked.latitude === null || asked.longitude === null) {
    if (query.personId) throw DomainError.field('personId', `Kith does not know where the postcode ${postcode} of this person's home is`);
    throw DomainError.field('postcode', `Kith does not know where ${postcode} is`);
  }
  return { latitude: asked.latitude, longitude: asked.longitude };
}

export async function searchDirectory(index: DirectorySearchIndex, db: Db, context: AccessContext, query: DirectorySearchQuery): Promise<DirectorySearchPage> {
  const today = englandDate(context.now);
  const typed = query.personId ? await homePostcodeOf(db, context, query.personId) : query.postcode;
  const postcode = typed ? normalisePostcode(typed) || typed : undefined;
  const asked = await ask(db, index.snapshot, query.text, postcode);
  const centre = centreOf(asked, postcode, query);
  const { index: listings, summaryOf } = await index.current(asked.changed);
  const found = listings.find({
    words: asked.words === null ? undefined : (parseWordQuery(asked.words) ?? null),
    taxonomy: query.taxonomy,
    needs: query.needs,
    accessibility: query.accessibility,
    age: query.age,
    freeOnly: query.freeOnly,
    when: directoryWhenFilter(query, context.now),
    near: centre ? { centre, radiusMetres: query.radius } : undefined,
    today,
  });
  const start = (query.page - 1) * query.perPage;
  return {
    items: found.slice(start, start + query.perPage).map((r) => ({
      ...summaryOf(r.id, today, centre),
      distanceMetres: r.distanceMetres === null ? null : Math.round(r.distanceMetres),
      score: Number(r.score.toFixed(4)),
    })),
    total: found.length,
    page: query.page,
    perPage: query.perPage,
    near: centre ? { postcode: postcode!, radiusMetres: query.radius } : null,
  };
}
