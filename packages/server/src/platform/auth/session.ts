/**
 * Staff sessions, kept in the database so any server instance can answer any request. The
 * cookie holds a random token; the table holds only its SHA-256, so a copy of the database
 * does not let anyone sign in. A session ends after an idle spell or a fixed maximum age.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { StaffRole } from '@kith/core';
import { eq, lt, or, sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/client.js';
import type { SessionCache } from './session-cache.js';
import { organisation, staffRole, staffSession } from '../db/schema.js';

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

export async function endSession(db: Db, token: string, cache?: SessionCache): Promise<void> {
  const tokenHash = hashToken(token);
  cache?.delete(tokenHash);
  await db.delete(staffSession).where(eq(staffSession.tokenHash, tokenHash));
}

interface SessionRow {
  staffId: string;
  name: string;
  email: string;
  lastSeenAt: Date | string;
  expiresAt: Date | string;
  roles: StaffRoleGrant[];
}

/**
 * The actor behind a token, or undefined when the session is unknown, idle too long or expired.
 * One statement finds the session, the account and its roles, since it runs on every request.
 */
export async function actorForToken(
  db: Db,
  token: string,
  now: Date,
  policy: SessionPolicy,
  cache?: SessionCache,
): Promise<Actor | undefined> {
  const tokenHash = hashToken(token);
  const cached = cache?.get(tokenHash, now, policy.idleMinutes);
  if (cached) return cached;
  const idleSince = new Date(now.getTime() - policy.idleMinutes * 60_000);
  const [row] = await rowsOf<SessionRow>(
    db,
    sql`SELECT st.id AS "staffId", st.name, st.email, s.last_seen_at AS "lastSeenAt", s.expires_at AS "expiresAt",
          coalesce(json_agg(json_build_object('organisationId', r.organisation_id, 'organisationName', o.name, 'role', r.role)
                   ORDER BY o.name, r.role) FILTER (WHERE r.role IS NOT NULL), '[]'::json) AS roles
        FROM staff_session s
        JOIN staff st ON st.id = s.staff_id AND NOT st.disabled
        LEFT JOIN staff_role r ON r.staff_id = st.id
        LEFT JOIN organisation o ON o.id = r.organisation_id
        WHERE s.token_hash = ${tokenHash} AND s.expires_at > ${now.toISOString()} AND s.last_seen_at > ${idleSince.toISOString()}
        GROUP BY st.id, st.name, st.email, s.last_seen_at, s.expires_at`,
  );
  if (!row) return undefined;
  let lastSeenAt = new Date(row.lastSeenAt);
  // Touch at most once a minute: a write on every read would cost more than the idle check needs.
  if (now.getTime() - lastSeenAt.getTime() > 60_000) {
    await db.update(staffSession).set({ lastSeenAt: now }).where(eq(staffSession.tokenHash, tokenHash));
    lastSeenAt = now;
  }
  const actor = { staffId: row.staffId, name: row.name, email: row.email, roles: row.roles };
  cache?.set(tokenHash, actor, now, lastSeenAt, new Date(row.expiresAt));
  return actor;
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

/** Sessions past either limit are removed at each sign-in, so the table does not only grow. */
export async function removeEndedSessions(db: Db, now: Date, policy: SessionPolicy): Promise<void> {
  const idleSince = new Date(now.getTime() - policy.idleMinutes * 60_000);
  await db
    .delete(staffSession)
    .where(or(lt(staffSession.expiresAt, now), lt(staffSession.lastSeenAt, idleSince)));
}
