/**
 * Staff sessions, kept in the database so any server instance can answer any request. The
 * cookie holds a random token; the table holds only its SHA-256, so a copy of the database
 * does not let anyone sign in. A session ends after an idle spell or a fixed maximum age.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { StaffRole } from '@kith/core';
import { and, eq, gt, lt, or } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { organisation, staff, staffRole, staffSession } from '../db/schema.js';

export const SESSION_COOKIE = 'kith_session';

export interface SessionPolicy {
  idleMinutes: number;
  maxHours: number;
}

export interface StaffRoleGrant {
  organisationId: string;
  organisationName: string;
  role: StaffRole;
}

/** The signed-in member of staff, as every route sees them. */
export interface Actor {
  staffId: string;
  name: string;
  email: string;
  roles: StaffRoleGrant[];
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

export async function startSession(db: Db, staffId: string, now: Date, policy: SessionPolicy) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + policy.maxHours * 3_600_000);
  await db.insert(staffSession).values({
    tokenHash: hashToken(token),
    staffId,
    createdAt: now,
    lastSeenAt: now,
    expiresAt,
  });
  return { token, expiresAt };
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.delete(staffSession).where(eq(staffSession.tokenHash, hashToken(token)));
}

/** The actor behind a token, or undefined when the session is unknown, idle too long or expired. */
export async function actorForToken(
  db: Db,
  token: string,
  now: Date,
  policy: SessionPolicy,
): Promise<Actor | undefined> {
  const tokenHash = hashToken(token);
  const idleSince = new Date(now.getTime() - policy.idleMinutes * 60_000);
  const [row] = await db
    .select({ staffId: staff.id, name: staff.name, email: staff.email, lastSeenAt: staffSession.lastSeenAt })
    .from(staffSession)
    .innerJoin(staff, eq(staff.id, staffSession.staffId))
    .where(
      and(
        eq(staffSession.tokenHash, tokenHash),
        gt(staffSession.expiresAt, now),
        gt(staffSession.lastSeenAt, idleSince),
        eq(staff.disabled, false),
      ),
    );
  if (!row) return undefined;
  // Touch at most once a minute: a write on every read would cost more than the idle check needs.
  if (now.getTime() - row.lastSeenAt.getTime() > 60_000) {
    await db.update(staffSession).set({ lastSeenAt: now }).where(eq(staffSession.tokenHash, tokenHash));
  }
  return { staffId: row.staffId, name: row.name, email: row.email, roles: await rolesOf(db, row.staffId) };
}

export async function rolesOf(db: Db, staffId: string): Promise<StaffRoleGrant[]> {
  const rows = await db
    .select({ organisationId: staffRole.organisationId, organisationName: organisation.name, role: staffRole.role })
    .from(staffRole)
    .innerJoin(organisation, eq(organisation.id, staffRole.organisationId))
    .where(eq(staffRole.staffId, staffId))
    .orderBy(organisation.name, staffRole.role);
  return rows.map((r) => ({ ...r, role: r.role as StaffRole }));
}

/** Sessions past either limit are removed now and then, so the table does not only grow. */
export async function removeEndedSessions(db: Db, now: Date, policy: SessionPolicy): Promise<void> {
  const idleSince = new Date(now.getTime() - policy.idleMinutes * 60_000);
  await db
    .delete(staffSession)
    .where(or(lt(staffSession.expiresAt, now), lt(staffSession.lastSeenAt, idleSince)));
}
