import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, DEMO_SIGN_INS, peopleBatches, planBorough, STAFF_ROLES } from '@kith/core';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyPassword } from '../platform/auth/password.js';
import { openDatabase, rowsOf, type Database, type Db } from '../platform/db/client.js';
import { demoSignInText, loadDemoBorough } from '../platform/demo/index.js';
import { parseSynthArguments, runSynthCommand, synthesiseBorough } from './synth.js';

const options = { seed: 2017, size: 500, referenceDate: '2025-06-30' };
const TABLES = ['organisation', 'network', 'practice', 'team', 'staff', 'staff_role', 'team_member', 'person', 'person_contact', 'condition', 'encounter'];

/** What the generator makes, counted without a database. */
function expectedCounts() {
  const borough = planBorough(options);
  const counts = { person: 0, person_contact: 0, condition: 0, encounter: 0 };
  for (const batch of peopleBatches(borough, 100)) {
    counts.person += batch.people.length;
    counts.person_contact += batch.contacts.length;
    counts.condition += batch.conditions.length;
    counts.encounter += batch.encounters.length;
  }
  return {
    organisation: borough.organisations.length,
    network: borough.networks.length,
    practice: borough.practices.length,
    team: borough.teams.length,
    staff: borough.staff.length,
    staff_role: borough.staffRoles.length,
    team_member: borough.teamMembers.length,
    ...counts,
  };
}

async function countRows(db: Db, table: string): Promise<number> {
  const [row] = await rowsOf<{ n: number }>(db, sql`SELECT count(*)::int AS n FROM ${sql.identifier(table)}`);
  return row!.n;
}

/**
 * A digest of a table's rows in a fixed order, leaving out the time each row was written and
 * the password hash (argon2 salts every hash afresh).
 */
async function tableDigest(db: Db, table: string): Promise<string> {
  const [row] = await rowsOf<{ digest: string }>(
    db,
    sql`SELECT md5(string_agg(r, '|' ORDER BY r)) AS digest
        FROM (SELECT (to_jsonb(t) - 'created_at' - 'updated_at' - 'password_hash')::text AS r FROM ${sql.identifier(table)} t) rows`,
  );
  return row!.digest;
}

describe('synthesising a borough into the database', () => {
  let first: Database;
  let second: Database;

  beforeAll(async () => {
    [first, second] = await Promise.all([openDatabase({ kind: 'pglite' }), openDatabase({ kind: 'pglite' })]);
    await Promise.all([first.migrate(), second.migrate()]);
  });
  afterAll(async () => {
    await Promise.all([first?.close(), second?.close()]);
  });

  it('writes every row the generator makes', async () => {
    const progress: number[] = [];
    const summary = await synthesiseBorough(first.db, { ...options, batchSize: 200 }, (p) => progress.push(p.people));
    const expected = expectedCounts();
    const actual = Object.fromEntries(await Promise.all(TABLES.map(async (t) => [t, await countRows(first.db, t)] as const)));
    expect(actual).toEqual(expected);
    expect(summary).toMatchObject({ people: 500, conditions: expected.condition, encounters: expected.encounter, staff: expected.staff });
    expect(progress.at(-1)).toBe(500);
  });

  it('has a demo account for every role, signing in with the demo password', async () => {
    const accounts = await rowsOf<{ email: string; role: string; password_hash: string }>(
      first.db,
      sql`SELECT s.email, r.role, s.password_hash FROM staff s JOIN staff_role r ON r.staff_id = s.id
          WHERE s.email LIKE '%@demo.kith.test' ORDER BY r.role`,
    );
    expect(accounts.map((a) => a.role).sort()).toEqual([...STAFF_ROLES].sort());
    expect(accounts.map((a) => a.email).sort()).toEqual(DEMO_SIGN_INS.map((s) => s.email).sort());
    expect(await verifyPassword(accounts[0]!.password_hash, DEMO_PASSWORD)).toBe(true);
  });

  it('loads the demo borough into an empty database once, with the same rows for the same seed', async () => {
    expect(await loadDemoBorough(second.db, options)).not.toBeNull();
    for (const table of TABLES) expect(await tableDigest(second.db, table), table).toBe(await tableDigest(first.db, table));
    const [loaded] = await rowsOf<{ value: string }>(second.db, sql`SELECT value FROM installation WHERE key = 'demo_loaded_at'`);
    expect(Number.isNaN(Date.parse(loaded!.value))).toBe(false);
    expect(await loadDemoBorough(second.db, options)).toBeNull();
    expect(await countRows(second.db, 'person')).toBe(500);
    // With its directory, imported as a feed: 300 services, each in at least one place.
    expect(await countRows(second.db, 'directory_service')).toBe(300);
    expect(await countRows(second.db, 'directory_place')).toBeGreaterThanOrEqual(300);
    const [referred] = await rowsOf<{ walking: number; others: number; linked: number }>(
      second.db,
      sql`SELECT count(*) FILTER (WHERE referral_mode = 'direct_referral' AND 'walking-group' = ANY(taxonomy_codes))::int AS walking,
                 count(*) FILTER (WHERE referral_mode = 'direct_referral' AND NOT taxonomy_codes && '{walking-group,lunch-club,befriending}')::int AS others,
                 (SELECT count(*)::int FROM directory_organization WHERE partner_organisation_id IS NOT NULL) AS linked
          FROM directory_service`,
    );
    expect(referred!.walking).toBeGreaterThan(0);
    expect(referred!.others).toBe(0);
    expect(referred!.linked).toBe(1);
    expect(await countRows(second.db, 'point_of_access')).toBe(1);
  });

  it('gives two in three people the referral rule finds an open referral; active ones have a named coordinator and consent, received ones wait in the inbox', async () => {
    const [row] = await rowsOf<{ referred: number; active: number; received: number; coordinated: number; consented: number; eligible: number }>(
      first.db,
      sql`SELECT (SELECT count(DISTINCT person_id)::int FROM referral WHERE status IN ('received', 'active')) AS referred,
                 (SELECT count(*)::int FROM referral WHERE status = 'active') AS active,
                 (SELECT count(*)::int FROM referral WHERE status = 'received') AS received,
                 (SELECT count(*)::int FROM care_team_member m
                   WHERE m.is_named_coordinator AND EXISTS (SELECT 1 FROM referral r WHERE r.person_id = m.person_id AND r.status = 'active')) AS coordinated,
                 (SELECT count(DISTINCT person_id)::int FROM consent_record WHERE kind = 'alliance_sharing' AND state = 'given') AS consented,
                 (SELECT count(*)::int FROM person p
                   WHERE (SELECT count(DISTINCT code) FROM condition c WHERE c.person_id = p.id) >= 2
                     AND (SELECT count(*) FROM encounter e WHERE e.person_id = p.id AND e.admission_method LIKE '2%'
                            AND e.start_date > ${options.referenceDate}::date - 365) >= 2) AS eligible`,
    );
    expect(row!.received).toBeGreaterThan(0);
    expect(row!.active).toBeGreaterThan(row!.received);
    expect(row).toMatchObject({ coordinated: row!.active, consented: row!.active });
    expect(row!.active + row!.received).toBe(row!.referred);
    expect(row!.referred).toBe(row!.eligible - Math.floor(row!.eligible / 3));
    const [named] = await rowsOf<{ n: number }>(first.db, sql`SELECT count(*)::int AS n FROM care_team_member WHERE is_named_coordinator`);
    expect(named!.n).toBe(row!.active);
    // Every referral has its history from receipt; the received ones are due on a working day after their day of receipt.
    const [history] = await rowsOf<{ without: number; not_after: number }>(
      first.db,
      sql`SELECT (SELECT count(*)::int FROM referral r WHERE NOT EXISTS
                   (SELECT 1 FROM referral_event e WHERE e.referral_id = r.id AND e.from_state IS NULL AND e.to_state = 'received')) AS without,
                 (SELECT count(*)::int FROM referral r WHERE r.first_contact_due <= (r.created_at AT TIME ZONE 'UTC')::date) AS not_after`,
    );
    expect(history).toEqual({ without: 0, not_after: 0 });
  });

  it('gives everyone with hypertension, type 2 diabetes or heart failure the medicine usually started for it, the same for the same seed', async () => {
    const usual = [
      ['59621000', '319283006', 'Amlodipine 5mg tablets'],
      ['44054006', '765507008', 'Metformin 500mg modified-release tablets'],
      ['84114007', '317972000', 'Furosemide 40mg tablets'],
    ];
    for (const [condition, medicine, display] of usual) {
      const [row] = await rowsOf<{ people: number; without: number; other: number }>(
        first.db,
        sql`SELECT count(DISTINCT c.person_id)::int AS people,
              count(DISTINCT c.person_id) FILTER (WHERE NOT EXISTS (
                SELECT 1 FROM medication m WHERE m.person_id = c.person_id AND m.code_system = 'snomed' AND m.code = ${medicine!}
                  AND m.display = ${display!} AND m.status = 'active' AND m.end_date IS NULL AND m.start_date <= ${options.referenceDate}))::int AS without,
              (SELECT count(*)::int FROM medication m WHERE m.code = ${medicine!}
                AND NOT EXISTS (SELECT 1 FROM condition o WHERE o.person_id = m.person_id AND o.code = ${condition!})) AS other
            FROM condition c WHERE c.code = ${condition!}`,
      );
      expect(row!.people, display).toBeGreaterThan(0);
      expect(row, display).toMatchObject({ without: 0, other: 0 });
    }
    expect(await tableDigest(second.db, 'medication')).toBe(await tableDigest(first.db, 'medication'));
  });

  it('refuses a database that already has people', async () => {
    await expect(synthesiseBorough(first.db, options)).rejects.toThrow(/already has people/);
    expect(await loadDemoBorough(first.db, options)).toBeNull();
  });
});

describe('the demo sign-ins', () => {
  it('name every demo account and the password', () => {
    const text = demoSignInText();
    for (const s of DEMO_SIGN_INS) expect(text).toContain(s.email);
    expect(text).toContain(DEMO_PASSWORD);
  });
});

describe('kith synth', () => {
  it('reads its options, with defaults', () => {
    expect(parseSynthArguments([], '2025-06-30')).toEqual({ size: 3000, seed: 2017, referenceDate: '2025-06-30', networks: 6, practices: 40 });
    expect(parseSynthArguments(['--size', '400000', '--seed=7', '--reference-date', '2024-01-31'], '2025-06-30')).toMatchObject({
      size: 400_000,
      seed: 7,
      referenceDate: '2024-01-31',
    });
    expect(parseSynthArguments(['--size', 'lots'], '2025-06-30')).toMatch(/--size must be a whole number/);
    expect(parseSynthArguments(['--reference-date', '2025-02-30'], '2025-06-30')).toMatch(/--reference-date/);
    expect(parseSynthArguments(['--colour', 'blue'], '2025-06-30')).toMatch(/colour/);
  });

  it('writes into the configured database, then refuses to write into it again', async () => {
    const dataDir = await mkdtemp(join(tmpdir(), 'kith-synth-'));
    const saved = { url: process.env.DATABASE_URL, dir: process.env.KITH_DATA_DIR };
    delete process.env.DATABASE_URL;
    process.env.KITH_DATA_DIR = dataDir;
    const log = vi.spyOn(console, 'log').mockImplementation(() => undefined);
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await runSynthCommand(['--size', '100', '--seed', '3'])).toBe(0);
      expect(log.mock.calls.flat().join('\n')).toMatch(/100 people/);
      expect(await runSynthCommand(['--size', '100'])).toBe(1);
      expect(error.mock.calls.flat().join('\n')).toMatch(/already has people/);
      expect(await runSynthCommand(['--size', '12'])).toBe(2);
      expect(error.mock.calls.flat().join('\n')).toMatch(/--size must be from 100/);
    } finally {
      log.mockRestore();
      error.mockRestore();
      if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
      if (saved.dir === undefined) delete process.env.KITH_DATA_DIR;
      else process.env.KITH_DATA_DIR = saved.dir;
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
