/**
 * Reading the directory for the search index (search-index.ts): every active listing and its
 * weekly session windows, in one repeatable-read snapshot whose `pg_current_snapshot()` is kept,
 * so the index can later ask whether anything committed since that it could not see. Each
 * listing's summary is written as JSON once a day, for search answers to be joined from.
 */
import {
  type HsdsScheduleFields,
  type IndexedListing,
  type SessionWindow,
  ListingIndex,
  parseWordVector,
} from '@kith/core';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { type ListingPlace, type ListingRow, type ListingSummary, listingRowsWhere, summaryOf } from './listing-view.js';

/** What the index holds: the listings to search, their rows for the answer, and the snapshot they were read in. */
export interface DirectorySnapshot {
  index: ListingIndex;
  /** A listing as a search answer shows it, written as JSON once a day: see RenderedSummary. */
  renderedOn(id: string, today: string): RenderedSummary;
  /** `pg_current_snapshot()` of the transaction that read it. */
  snapshot: string;
}

interface IndexRow extends ListingRow {
  words: string;
  minimum_age: number | null;
  maximum_age: number | null;
  free: boolean;
  taxonomy_codes: string[];
  accessibility: string[];
}

interface SessionRow {
  service_id: string;
  weekday: number;
  opens_minute: number;
  closes_minute: number;
  every_week: boolean;
  valid_from: string | null;
  valid_to: string | null;
}

function listingOf(row: IndexRow, sessions: readonly SessionWindow[]): IndexedListing {
  return {
    id: row.id,
    name: row.name,
    lastVerifiedOn: row.last_verified_on,
    taxonomyCodes: new Set(row.taxonomy_codes),
    accessibility: new Set(row.accessibility),
    minimumAge: row.minimum_age,
    maximumAge: row.maximum_age,
    free: row.free,
    places: (row.places ?? []).flatMap((p) => (p.latitude === null || p.longitude === null ? [] : [{ latitude: p.latitude, longitude: p.longitude }])),
    sessions,
    schedules: (row.document.schedules ?? []) as HsdsScheduleFields[],
    words: parseWordVector(row.words),
  };
}

function sessionsByService(rows: readonly SessionRow[]): Map<string, SessionWindow[]> {
  const byService = new Map<string, SessionWindow[]>();
  for (const r of rows) {
    const window: SessionWindow = {
      weekday: r.weekday,
      opensMinute: r.opens_minute,
      closesMinute: r.closes_minute,
      everyWeek: r.every_week,
      validFrom: r.valid_from,
      validTo: r.valid_to,
    };
    const list = byService.get(r.service_id);
    if (list) list.push(window);
    else byService.set(r.service_id, [window]);
  }
  return byService;
}

/**
 * A listing's summary as JSON text without its closing brace or its place (which depends on
 * where the search is from), and its places to choose from: a search's answer is then joined
 * from these rather than written out afresh (search.ts).
 */
export interface RenderedSummary {
  head: string;
  places: readonly ListingPlace[];
}

/** Summaries, written once a day for each listing (when it runs in words, its freshness and capacity turn on today's date). */
function summariesOf(rows: readonly ListingRow[]): DirectorySnapshot['renderedOn'] {
  const byId = new Map(rows.map((row) => [row.id, row]));
  let held = { today: '', rendered: new Map<string, RenderedSummary>() };
  return (id, today) => {
    if (held.today !== today) held = { today, rendered: new Map() };
    let rendered = held.rendered.get(id);
    if (!rendered) {
      const row = byId.get(id)!;
      const summary: Omit<ListingSummary, 'place'> & { place?: undefined } = { ...summaryOf(row, today), place: undefined };
      rendered = { head: JSON.stringify(summary).slice(0, -1), places: row.places ?? [] };
      held.rendered.set(id, rendered);
    }
    return rendered;
  };
}

/** Reads every active listing and its session windows in one repeatable-read snapshot. */
export async function readDirectory(db: Db): Promise<DirectorySnapshot> {
  return db.transaction(
    async (tx) => {
      const [{ snapshot }] = (await rowsOf<{ snapshot: string }>(tx, sql`SELECT pg_current_snapshot()::text AS snapshot`)) as [{ snapshot: string }];
      const rows = await rowsOf<IndexRow>(
        tx,
        listingRowsWhere(
          sql`s.status = 'active'`,
          sql`, s.search::text AS words, s.minimum_age, s.maximum_age, s.free, s.taxonomy_codes, s.accessibility`,
        ),
      );
      const sessions = sessionsByService(
        await rowsOf<SessionRow>(
          tx,
          sql`SELECT w.service_id, w.weekday, w.opens_minute, w.closes_minute, w.every_week, w.valid_from::text, w.valid_to::text
              FROM directory_session w JOIN directory_service s ON s.id = w.service_id WHERE s.status = 'active'`,
        ),
      );
      const index = new ListingIndex(rows.map((row) => listingOf(row, sessions.get(row.id) ?? [])));
      return { index, renderedOn: summariesOf(rows), snapshot };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}
