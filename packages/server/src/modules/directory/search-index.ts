/**
 * The directory's search index, held in each server process: every active listing, read from
 * the database in one consistent snapshot (directory-read.ts), so a search runs in memory
 * instead of as a statement planned and run over four tables each time (docs/benchmarks.md).
 *
 * It is kept as current as the database. Every transaction that writes to the directory's
 * tables leaves its id in `directory_change` and notifies `kith_directory_change` when it
 * commits (triggers, migration 0012). The index listens: after a notification, the next search
 * reads the directory again first; a change made through this process counts at once, so whoever
 * made it finds it in their next search. While the index cannot listen (the connection lost, or
 * not yet made), and every half minute anyway, a search asks the database whether any committed
 * change is invisible to the index's snapshot. This holds across several processes and servers
 * sharing one database, and for imports from the command line.
 */
import type { LatLong } from '@kith/core';
import { type SQL, sql } from 'drizzle-orm';
import type { Database, Listening } from '../../platform/db/client.js';
import { type DirectorySnapshot, readDirectory } from './directory-read.js';

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
