/**
 * Searching the directory: by words, taxonomy, needs, age, cost, day and time, accessibility and
 * distance from a postcode or from a person's home. One statement finds the candidates
 * (search-query.ts); core measures each one's distance to its nearest place, drops those beyond
 * the radius, ranks and pages them; a second statement reads the page's listings.
 *
 * Searching near a person reads where they live, so it goes through the access gate like any
 * other look at their record: it needs a relationship (or, for a volunteer, the person's consent
 * to voluntary-sector contact) and is recorded in the audit log.
 */
import {
  type DirectorySearchQuery,
  type HsdsScheduleFields,
  type LatLong,
  type WhenFilter,
  DomainError,
  boundingBox,
  compareRankedListings,
  directoryRank,
  directoryWhenFilter,
  distanceMetres,
  englandDate,
  isOpenDuring,
  listingFreshness,
} from '@kith/core';
import { sql } from 'drizzle-orm';
import { type AccessContext, withAccess } from '../../platform/access/index.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { findCentroid } from './postcodes.js';
import { type CandidateRow, candidatesQuery } from './search-query.js';
import { type ListingSummary, listingSummaries } from './listing-view.js';

export interface DirectorySearchPage {
  items: (ListingSummary & { distanceMetres: number | null; score: number })[];
  total: number;
  page: number;
  perPage: number;
  /** The place distances are measured from, when one was asked for. */
  near: { postcode: string; radiusMetres: number } | null;
}

/** Where to measure from: the postcode typed in, or the person's home (read through the gate). */
async function centreOf(db: Db, context: AccessContext, query: DirectorySearchQuery): Promise<(LatLong & { postcode: string }) | undefined> {
  let postcode = query.postcode;
  if (query.personId) postcode = await homePostcodeOf(db, context, query.personId);
  if (!postcode) return undefined;
  const centre = await findCentroid(db, postcode);
  if (!centre) {
    const field = query.personId ? 'personId' : 'postcode';
    throw DomainError.field(field, query.personId ? `Kith does not know where the postcode ${postcode} of this person's home is` : `Kith does not know where ${postcode} is`);
  }
  return centre;
}

async function homePostcodeOf(db: Db, context: AccessContext, personId: string): Promise<string> {
  return withAccess(db, context, async (gate, tx) => {
    await gate.require(personId, 'read', { kind: 'contact_details' }, 'directory_search');
    const [row] = await rowsOf<{ postcode: string | null }>(tx, sql`SELECT postcode FROM person WHERE id = ${personId}`);
    if (!row?.postcode) throw DomainError.field('personId', 'This person has no postcode on their record');
    return row.postcode;
  });
}

interface Ranked {
  id: string;
  name: string;
  score: number;
  distanceMetres: number | null;
}

/** The candidate's nearest place in the radius, or undefined when none is inside it. */
function nearest(row: CandidateRow, centre: LatLong, radius: number): number | undefined {
  const distances = (row.places ?? []).map(([latitude, longitude]) => distanceMetres(centre, { latitude, longitude }));
  const inside = distances.filter((d) => d <= radius);
  return inside.length ? Math.min(...inside) : undefined;
}

/** On a date, a fortnightly or monthly session must fall on it. */
function fallsOnDate(row: CandidateRow, when: WhenFilter | undefined): boolean {
  if (!row.check_schedules || !when) return true;
  return ((row.schedules ?? []) as HsdsScheduleFields[]).some((schedule) => {
    try {
      return isOpenDuring(schedule, when);
    } catch {
      return false; // a schedule Kith cannot read was never indexed either
    }
  });
}

function rank(rows: CandidateRow[], query: DirectorySearchQuery, centre: LatLong | undefined, when: WhenFilter | undefined, today: string): Ranked[] {
  return rows.flatMap((row) => {
    const distance = centre ? nearest(row, centre, query.radius) : null;
    if (distance === undefined || !fallsOnDate(row, when)) return [];
    const freshness = listingFreshness(row.last_verified_on, today).state;
    const { score } = directoryRank({ textRank: row.text_rank, distanceMetres: distance, radiusMetres: query.radius, freshness });
    return [{ id: row.id, name: row.name, score, distanceMetres: distance }];
  });
}

export async function searchDirectory(db: Db, context: AccessContext, query: DirectorySearchQuery): Promise<DirectorySearchPage> {
  const today = englandDate(context.now);
  const centre = await centreOf(db, context, query);
  const when = directoryWhenFilter(query, context.now);
  const rows = await rowsOf<CandidateRow>(
    db,
    candidatesQuery({ ...query, when, today, box: centre ? boundingBox(centre, query.radius) : undefined }),
  );
  const ranked = rank(rows, query, centre, when, today).sort(compareRankedListings);
  const start = (query.page - 1) * query.perPage;
  const page = ranked.slice(start, start + query.perPage);
  const summaries = await listingSummaries(db, page.map((r) => r.id), today, centre);
  return {
    items: page.map((r) => ({ ...summaries.get(r.id)!, distanceMetres: r.distanceMetres === null ? null : Math.round(r.distanceMetres), score: Number(r.score.toFixed(4)) })),
    total: ranked.length,
    page: query.page,
    perPage: query.perPage,
    near: centre ? { postcode: centre.postcode, radiusMetres: query.radius } : null,
  };
}
