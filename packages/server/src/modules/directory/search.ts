/**
 * Searching the directory: by words, taxonomy, needs, age, cost, day and time, accessibility and
 * distance from a postcode or from a person's home. The search index (search-index.ts) finds,
 * ranks and pages the listings in memory (core's search engine). The database is asked, in one
 * small statement and only when needed, what words never typed before mean (its English
 * dictionary stems them and drops stop words), where a postcode not looked up before is, and,
 * when the index cannot rely on hearing of changes, whether the directory changed since it was read.
 *
 * Searching near a person reads where they live, so it goes through the access gate like any
 * other look at their record: it needs a relationship (or, for a volunteer, the person's consent
 * to voluntary-sector contact) and is recorded in the audit log.
 */
import {
  type DirectorySearchQuery,
  type FoundListing,
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
import { type ListingSummary, nearestPlace } from './listing-view.js';
import type { RenderedSummary } from './directory-read.js';
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
  changed: boolean | null;
  /** The words as a tsquery's text; null when no words were asked about. */
  words: string | null;
  latitude: number | null;
  longitude: number | null;
}

/**
 * What the index cannot answer itself, in one round trip: whether the directory changed (when it
 * must ask), what words never typed before mean, where a postcode not looked up before is.
 */
async function ask(db: Db, question: { snapshot?: string | undefined; text?: string; postcode?: string }): Promise<Asked> {
  const { text = null, postcode = null } = question;
  const [row] = await rowsOf<Asked>(
    db,
    sql`SELECT ${'snapshot' in question ? changedSince(question.snapshot) : sql`NULL::boolean`} AS changed,
          CASE WHEN ${text}::text IS NULL THEN NULL ELSE websearch_to_tsquery('english', ${text}::text)::text END AS words,
          c.latitude, c.longitude
        FROM (SELECT 1) one LEFT JOIN postcode_centroid c ON c.postcode = ${postcode}::text`,
  );
  return row!;
}

interface Understood {
  /** The words as a tsquery's text, when words were typed. */
  words?: string;
  centre?: LatLong;
}

/** The words and the postcode's centre, from what the index remembers or else from the database; and whether the index is current. */
async function understand(index: DirectorySearchIndex, db: Db, text: string | undefined, postcode: string | undefined): Promise<Understood> {
  const words = text === undefined ? undefined : index.wordsTyped.get(text);
  const centre = postcode === undefined ? undefined : index.postcodeCentres.get(postcode);
  const check = index.mustAskDatabase();
  const wordsNeeded = text !== undefined && words === undefined;
  const centreNeeded = postcode !== undefined && centre === undefined;
  if (!check && !wordsNeeded && !centreNeeded) return { words, centre };
  const asked = await ask(db, {
    ...(check ? { snapshot: index.snapshot } : {}),
    ...(wordsNeeded ? { text } : {}),
    ...(centreNeeded ? { postcode } : {}),
  });
  if (check) index.answered(asked.changed === true);
  if (wordsNeeded) index.wordsTyped.set(text, asked.words ?? '');
  const found = asked.latitude === null || asked.longitude === null ? undefined : { latitude: asked.latitude, longitude: asked.longitude };
  if (centreNeeded && found) index.postcodeCentres.set(postcode, found);
  return { words: wordsNeeded ? (asked.words ?? '') : words, centre: centreNeeded ? found : centre };
}

function missingCentre(postcode: string, query: DirectorySearchQuery): DomainError {
  if (query.personId) return DomainError.field('personId', `Kith does not know where the postcode ${postcode} of this person's home is`);
  return DomainError.field('postcode', `Kith does not know where ${postcode} is`);
}

/** One listing of the answer: its summary as written today, with the place nearest the centre, the distance and the score. */
function itemJson(rendered: RenderedSummary, found: FoundListing, centre: LatLong | undefined): string {
  const place = centre ? nearestPlace(rendered.places, centre) : (rendered.places[0] ?? null);
  const distance = found.distanceMetres === null ? null : Math.round(found.distanceMetres);
  return `${rendered.head},"place":${JSON.stringify(place)},"distanceMetres":${distance},"score":${Number(found.score.toFixed(4))}}`;
}

/**
 * A page of results as JSON text, in the shape of DirectorySearchPage: joined from summaries
 * written once a day, since writing twenty listings out afresh for every search cost more than
 * finding them.
 */
export async function searchDirectory(index: DirectorySearchIndex, db: Db, context: AccessContext, query: DirectorySearchQuery): Promise<string> {
  const today = englandDate(context.now);
  const typed = query.personId ? await homePostcodeOf(db, context, query.personId) : query.postcode;
  const postcode = typed ? normalisePostcode(typed) || typed : undefined;
  const { words, centre } = await understand(index, db, query.text, postcode);
  if (postcode && !centre) throw missingCentre(postcode, query);
  const { index: listings, renderedOn } = await index.current();
  const found = listings.find({
    words: words === undefined ? undefined : (parseWordQuery(words) ?? null),
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
  const items = found.slice(start, start + query.perPage).map((r) => itemJson(renderedOn(r.id, today), r, centre));
  const near: DirectorySearchPage['near'] = centre ? { postcode: postcode!, radiusMetres: query.radius } : null;
  return `{"items":[${items.join(',')}],"total":${found.length},"page":${query.page},"perPage":${query.perPage},"near":${JSON.stringify(near)}}`;
}
