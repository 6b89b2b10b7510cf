/**
 * Configuration comes from the environment, parsed once into one typed object. A bad value stops
 * the server at start with a message naming the variable, rather than failing later.
 */
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { z } from 'zod';
import type { DatabaseTarget } from './platform/db/client.js';
import { checkOidcEnv, OIDC_ENV, type OidcConfig, oidcConfigFrom } from './modules/sso/config.js';

const flag = z.enum(['0', '1', 'true', 'false']).transform((v) => v === '1' || v === 'true');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(1).max(65_535).default(3000),
  HOST: z.string().min(1).default('localhost'),
  DATABASE_URL: z.url().optional(),
  KITH_DB_POOL: z.coerce.number().int().min(1).max(200).optional(),
  KITH_DATA_DIR: z.string().min(1).default('data'),
  KITH_DEMO: flag.optional(),
  KITH_DEMO_SIZE: z.coerce.number().int().min(100).max(2_000_000).default(3000),
  KITH_DEMO_SEED: z.coerce.number().int().default(2017),
  KITH_SESSION_IDLE_MINUTES: z.coerce.number().int().min(1).default(30),
  KITH_SESSION_MAX_HOURS: z.coerce.number().int().min(1).default(12),
  KITH_SESSION_CACHE_SECONDS: z.coerce.number().int().min(0).max(60).default(5),
  KITH_BREAK_GLASS_MINUTES: z.coerce.number().int().min(5).max(24 * 60).default(240),
  KITH_AUDIT_SEAL_MS: z.coerce.number().int().min(10).max(60_000).default(200),
  KITH_REFERRAL_FIRST_CONTACT_WORKING_DAYS: z.coerce.number().int().min(0).max(60).default(2),
  KITH_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(1_048_576),
  KITH_IMPORT_BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).default(104_857_600),
  KITH_IMPORT_BATCH_LINES: z.coerce.number().int().min(1).max(10_000).default(1000),
  KITH_API_TOKEN_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(60),
  KITH_API_SECRET_GRACE_HOURS: z.coerce.number().int().min(0).max(30 * 24).default(24),
  KITH_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(600),
  KITH_SIGN_IN_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(60),
  /** Where browsers reach Kith, when not http://HOST:PORT (behind a proxy): single sign-on returns here. */
  KITH_PUBLIC_URL: z.url().optional(),
  KITH_SERVER_TIMING: flag.default(false),
  /** Processes answering requests: a number, or `auto` for one per core. More than one needs DATABASE_URL. */
  KITH_WORKERS: z.union([z.literal('auto'), z.coerce.number().int().min(1).max(64)], 'Must be a whole number from 1 to 64, or auto').default(1),
  ...OIDC_ENV,
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  NODE_ENV: z.string().optional(),
})
  .superRefine(checkOidcEnv)
  .superRefine((e, ctx) => {
    if (e.KITH_WORKERS !== 1 && !e.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['KITH_WORKERS'], message: 'More than one worker needs DATABASE_URL: the embedded database lives in one process' });
    }
  });

export interface Config {
  port: number;
  host: string;
  database: DatabaseTarget;
  /** Load the demo borough on first start: the embedded default, or when KITH_DEMO=1. */
  loadDemo: boolean;
  demo: { size: number; seed: number };
  session: { idleMinutes: number; maxHours: number; cacheSeconds: number; secureCookie: boolean };
  /** How long emergency access lasts once granted (security.md: a short, configured time). */
  breakGlassMinutes: number;
  /** How often the audit sealer chains newly written audit events (platform/audit/seal.ts). */
  auditSealIntervalMs: number;
  /** Referrals: the target for first contact, in working days after the day received. */
  referrals: { firstContactWorkingDays: number };
  bodyLimit: number;
  /** Clinical data import: the largest body POST /imports takes; NDJSON and CSV lines per all-or-nothing batch. */
  imports: { bodyLimit: number; batchLines: number };
  /** API clients: how long an access token lasts; how long a secret still works after rotation. */
  apiClients: { tokenMinutes: number; secretGraceHours: number };
  /** Requests a minute from one client address (0: no limit): all of /api/v1, and sign-in attempts. */
  rateLimit: { perMinute: number; signInPerMinute: number };
  /** Single sign-on by OpenID Connect; absent when KITH_OIDC_ISSUER is not set. */
  oidc?: OidcConfig;
  logLevel: z.infer<typeof envSchema>['LOG_LEVEL'];
  /**
   * Each answer says how long the server spent on it (a Server-Timing header), for measuring
   * speed. Off by default: timings can help someone probing from outside.
   */
  serverTiming: boolean;
  /**
   * Processes answering requests, each with its own connection pool and caches, sharing the port
   * (node:cluster). One uses one core; Node runs JavaScript on one core a process.
   */
  workers: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = envSchema.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`Kith cannot start: the environment has bad values\n${lines.join('\n')}`);
  }
  const e = parsed.data;
  const database: DatabaseTarget = e.DATABASE_URL
    ? { kind: 'postgres', url: e.DATABASE_URL, poolSize: e.KITH_DB_POOL }
    : { kind: 'pglite', dataDir: resolve(e.KITH_DATA_DIR) };
  return {
    port: e.PORT,
    host: e.HOST,
    database,
    loadDemo: e.KITH_DEMO ?? database.kind === 'pglite',
    demo: { size: e.KITH_DEMO_SIZE, seed: e.KITH_DEMO_SEED },
    session: {
      idleMinutes: e.KITH_SESSION_IDLE_MINUTES,
      maxHours: e.KITH_SESSION_MAX_HOURS,
      cacheSeconds: e.KITH_SESSION_CACHE_SECONDS,
      secureCookie: e.NODE_ENV === 'production',
    },
    breakGlassMinutes: e.KITH_BREAK_GLASS_MINUTES,
    auditSealIntervalMs: e.KITH_AUDIT_SEAL_MS,
    referrals: { firstContactWorkingDays: e.KITH_REFERRAL_FIRST_CONTACT_WORKING_DAYS },
    bodyLimit: e.KITH_BODY_LIMIT_BYTES,
    imports: { bodyLimit: e.KITH_IMPORT_BODY_LIMIT_BYTES, batchLines: e.KITH_IMPORT_BATCH_LINES },
    apiClients: { tokenMinutes: e.KITH_API_TOKEN_MINUTES, secretGraceHours: e.KITH_API_SECRET_GRACE_HOURS },
    rateLimit: { perMinute: e.KITH_RATE_LIMIT_PER_MINUTE, signInPerMinute: e.KITH_SIGN_IN_RATE_LIMIT_PER_MINUTE },
    oidc: oidcConfigFrom(e, e.KITH_PUBLIC_URL ?? `http://${e.HOST}:${e.PORT}`),
    logLevel: e.LOG_LEVEL,
    serverTiming: e.KITH_SERVER_TIMING,
    workers: e.KITH_WORKERS === 'auto' ? availableParallelism() : e.KITH_WORKERS,
  };
}
