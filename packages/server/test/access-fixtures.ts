/**
 * Building the relationships the access gate reads, straight into the database: a person, staff
 * with a session, care team places, network teams, open referrals, emergency access grants,
 * consent and record entries. Sessions are started with the server's own session code, so the
 * requests that follow pass the real authentication and CSRF checks.
 */
import { randomUUID } from 'node:crypto';
import type { RestrictedCategory, StaffRole } from '@kith/core';
import { csrfTokenFor } from '../src/platform/auth/csrf.js';
import { startSession } from '../src/platform/auth/session.js';
import type { Db } from '../src/platform/db/client.js';
import {
  breakGlassGrant,
  careTeamMember,
  consentRecord,
  organisation,
  person,
  recordEntry,
  referral,
  staff,
  staffRole,
  team,
  teamMember,
} from '../src/platform/db/schema.js';
import type { AuthHeaders } from './factories.js';

let nhsSerial = 0;

/** A valid NHS number (Modulus 11) in the 999 test range, different on each call. */
export function nextNhsNumber(): string {
  for (;;) {
    nhsSerial += 1;
    const base = `999${String(nhsSerial).padStart(6, '0')}`;
    const sum = [...base].reduce((total, digit, i) => total + Number(digit) * (10 - i), 0);
    const check = 11 - (sum % 11);
    if (check === 10) continue;
    return `${base}${check === 11 ? 0 : check}`;
  }
}

export async function createOrganisation(db: Db, name: string, type = 'nhs_trust'): Promise<string> {
  const id = randomUUID();
  await db.insert(organisation).values({ id, name, type });
  return id;
}

export async function insertPerson(db: Db, practiceId: string | null, name = 'Ada Lovelace'): Promise<string> {
  const id = randomUUID();
  const [givenName, familyName] = name.split(' ') as [string, string];
  await db.insert(person).values({
    id,
    nhsNumber: nextNhsNumber(),
    givenName,
    familyName,
    dateOfBirth: '1940-01-01',
    sex: 'female',
    registeredPracticeId: practiceId,
  });
  return id;
}

export interface StaffSession {
  staffId: string;
  auth: AuthHeaders;
}

/** A member of staff with one role and a signed-in session (no password: the session is started directly). */
export async function staffWithSession(db: Db, role: StaffRole, organisationId: string, now: Date, name?: string): Promise<StaffSession> {
  const staffId = randomUUID();
  await db.insert(staff).values({ id: staffId, email: `${role}-${staffId.slice(0, 8)}@example.test`, name: name ?? `${role} ${staffId.slice(0, 4)}` });
  await db.insert(staffRole).values({ staffId, organisationId, role });
  return { staffId, auth: await sessionFor(db, staffId, now) };
}

/** A new session for an existing member of staff, started at `now`. */
export async function sessionFor(db: Db, staffId: string, now: Date): Promise<AuthHeaders> {
  const session = await startSession(db, staffId, now, { idleMinutes: 30, maxHours: 12 });
  return { cookie: `kith_session=${session.token}`, 'x-csrf-token': csrfTokenFor(session.token) };
}

export async function addToCareTeam(db: Db, personId: string, staffId: string, organisationId: string, now: Date, named = false) {
  await db.insert(careTeamMember).values({ personId, staffId, organisationId, isNamedCoordinator: named, addedAt: now });
}

/** Puts the staff member on a team of the network: they are then a member of it. */
export async function joinNetworkTeam(db: Db, staffId: string, organisationId: string, networkId: string) {
  const teamId = randomUUID();
  await db.insert(team).values({ id: teamId, name: 'Network team', organisationId, networkId });
  await db.insert(teamMember).values({ teamId, staffId });
}

export async function openReferral(db: Db, personId: string, networkId: string, now: Date, status = 'received') {
  await db.insert(referral).values({ id: randomUUID(), personId, networkId, status, createdAt: now });
}

export async function grantBreakGlass(db: Db, personId: string, staffId: string, organisationId: string, role: StaffRole, now: Date) {
  const id = randomUUID();
  const expiresAt = new Date(now.getTime() + 4 * 3_600_000);
  await db.insert(breakGlassGrant).values({ id, personId, staffId, organisationId, role, reason: 'Found unwell at home', grantedAt: now, expiresAt });
  return id;
}

export async function giveConsent(
  db: Db,
  personId: string,
  kind: 'alliance_sharing' | 'voluntary_sector_contact' | 'national_data_opt_out',
  now: Date,
  state: 'given' | 'withdrawn' = 'given',
) {
  await db.insert(consentRecord).values({ id: randomUUID(), personId, kind, state, method: 'verbal', recordedAt: now });
}

export async function insertEntry(
  db: Db,
  options: { personId: string; authorStaffId: string; authorOrganisationId: string; authorRole: StaffRole; category?: RestrictedCategory; now: Date },
) {
  const id = randomUUID();
  await db.insert(recordEntry).values({
    id,
    personId: options.personId,
    authorStaffId: options.authorStaffId,
    authorOrganisationId: options.authorOrganisationId,
    authorRole: options.authorRole,
    restrictedCategory: options.category ?? null,
    title: options.category ? 'Safeguarding concern' : 'Home visit',
    body: options.category ? 'Concern raised by neighbour; strategy meeting booked.' : 'Seen at home; managing well.',
    writtenAt: options.now,
  });
  return id;
}
