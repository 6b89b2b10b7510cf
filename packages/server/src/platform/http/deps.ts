import type { Config } from '../../config.js';
import type { SessionCache } from '../auth/session-cache.js';
import type { Database } from '../db/client.js';

/** What the app is built from; tests pass their own database and clock. */
export interface AppDeps {
  database: Database;
  config: Config;
  /** The only clock the server reads, so tests can move time. */
  clock: () => Date;
  /** Made by buildApp from the configuration when not given. */
  sessionCache?: SessionCache;
}
