/**
 * The directory's search index, held in the server: every active listing, read from the
 * database in one consistent snapshot, so a search runs in memory instead of as a statement
 * planned and run over four tables each time (see docs/benchmarks.md for what that changed).
 *
 * It never serves a search from a directory older than the database's. Every transaction that
 * writes to the directory's tables leaves its id in `directory_change` (triggers, migration
 * 0012). Each search asks, in the one small statement it sends anyway, whether any change has
 * committed that the index's snapshot could not see; if so, the index is read again before the
 * search runs. This holds across several servers sharing one database and for imports from the
 * command line, and someone who has just edited a listing finds their edit in their next search.
 */
import {
  type HsdsScheduleFields,
  type IndexedListing,
  type LatLong,
  type SessionWindow,
  ListingIndex,
  parseWordVector,
} from '@kith/core';
import { type SQL, sql } from 'drizzle-orm';
import { type Database, type Db, type Listening, rowsOf } from '../../platform/db/client.js';
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
async function readDirectory(db: Db): Promise<DirectorySnapshot> {
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

/** True when a change to the directory has committed that the snapshot could not see. */
export function changedSince(snapshot: string | undefined): SQL {
  if (snapshot === undefined) return sql`true`;
  return sql`EXISTS (SELECT 1 FROM directory_change c
    WHERE c.transaction_id >= pg_snapshot_xmin(${snapshot}::pg_snapshot) AND NOT pg_visible_in_snapshot(c.transaction_id, ${snapshot}::pg_snapshot))`;
}

export const DIRECTORY_CHANGE_CHANNEL = 'kith_directory_change';
/** While listening, the database is still asked this often, in case a connection went quiet without saying so. */
const CHECK_ANYWAY_MS = 30_000;
/** After failing to listen, how long before trying again. */
const LISTEN_AGAIN_MS = 10_000;

type ListeningState = 'no' | 'starting' | 'yes';

/** A map that forgets its oldest entry once full. */
export class BoundedMap<K, V> extends Map<K, V> {
  constructor(private readonly limit: number) {
    super();
  }

  override set(key: K, value: V): this {
    if (!this.has(key) && this.size >= this.limit) this.delete(this.keys().next().value as K);
    return super.set(key, value);
  }
}

export class DirectorySearchIndex {
  /**
   * What the database said words typed mean (its English dictionary, which changes only with a
   * new PostgreSQL), and where postcodes are (which move only when a new postcode file is
   * imported, so a server started before an import may measure from the old centre until restarted).
   */
  readonly wordsTyped = new BoundedMap<string, string>(5_000);
  readonly postcodeCentres = new BoundedMap<string, LatLong>(20_000);
  private held?: DirectorySnapshot & { changesWhenRead: number };
  /** Changes heard of (notifications, this server's own writes, the database's answer): more than when read means out of date. */
  private changes = 0;
  private listening: ListeningState = 'no';
  private listener?: Listening;
  private lastListenTry = Number.NEGATIVE_INFINITY;
  private lastChecked = Number.NEGATIVE_INFINITY;
  private reading?: Promise<DirectorySnapshot>;
  private readingNext?: Promise<DirectorySnapshot>;
  private closed = false;

  constructor(private readonly database: Pick<Database, 'db' | 'listen'>) {}

  /** The snapshot the index was read in, if it has been read. */
  get snapshot(): string | undefined {
    return this.held?.snapshot;
  }

  /**
   * Whether this search must ask the database if the directory changed: yes until the index has
   * been read while listening, whenever the listening connection is lost, and every half minute.
   */
  mustAskDatabase(now = performance.now()): boolean {
    this.listenIfNotYet(now);
    return this.listening !== 'yes' || !this.held || now - this.lastChecked > CHECK_ANYWAY_MS;
  }

  /** The database's answer to changedSince(snapshot). */
  answered(changed: boolean, now = performance.now()): void {
    this.lastChecked = now;
    if (changed) this.changes += 1;
  }

  /** A write to the directory in this server: the next search reads it again. */
  changedHere(): void {
    this.changes += 1;
  }

  /** The index, read again first if a change has been heard of since it was read. */
  async current(): Promise<DirectorySnapshot> {
    if (this.held && this.held.changesWhenRead === this.changes) return this.held;
    return this.readAgain();
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.listener?.stop();
  }

  private listenIfNotYet(now: number): void {
    if (this.listening !== 'no' || this.closed || now - this.lastListenTry < LISTEN_AGAIN_MS) return;
    this.listening = 'starting';
    this.lastListenTry = now;
    const handlers = {
      // Also the first thing heard once listening (again): whatever committed before might not have been heard.
      notified: () => {
        this.listening = 'yes';
        this.changes += 1;
      },
      lost: () => {
        this.listening = 'no';
      },
    };
    this.database.listen(DIRECTORY_CHANGE_CHANNEL, handlers).then(
      (listener) => {
        if (this.closed) return void listener.stop();
        this.listener = listener;
        handlers.notified();
      },
      () => {
        this.listening = 'no';
      },
    );
  }

  /**
   * One read at a time. A read already under way may have taken its snapshot before the change
   * this caller heard of, so the caller waits for the read after it; every caller who asks
   * meanwhile shares that one.
   */
  private readAgain(): Promise<DirectorySnapshot> {
    if (!this.reading) {
      const [changes, startedAt] = [this.changes, performance.now()];
      this.reading = readDirectory(this.database.db)
        .then((read) => {
          this.lastChecked = Math.max(this.lastChecked, startedAt); // a read is as good as asking
          return (this.held = { ...read, changesWhenRead: changes });
        })
        .finally(() => (this.reading = undefined));
      return this.reading;
    }
    this.readingNext ??= this.reading
      .catch(() => undefined)
      .then(() => {
        this.readingNext = undefined;
        return this.readAgain();
      });
    return this.readingNext;
  }
}
