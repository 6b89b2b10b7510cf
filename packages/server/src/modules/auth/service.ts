/**
 * Signing in with a local account. An unknown email, a wrong password, a disabled account and a
 * locked one all get the same answer after the same work (a decoy hash is checked), so the
 * answer tells an attacker nothing. Every attempt is an audit event, and the failures recorded
 * there lock an account after repeated wrong passwords.
 */
import { type AuditEvent, DomainError } from '@kith/core';
import { eq, sql } from 'drizzle-orm';
import { recordAuditEvent } from '../../platform/audit/record.js';
import { decoyPasswordHash, verifyPassword } from '../../platform/auth/password.js';
import { type SessionPolicy, removeEndedSessions, rolesOf, startSession } from '../../platform/auth/session.js';
import { type Db, rowsOf } from '../../platform/db/client.js';
import { staff } from '../../platform/db/schema.js';

export interface SignIn {
  email: string;
  password: string;
}

export interface RequestFacts {
  requestId: string;
  clientAddress: string;
}

/** Five wrong passwords within fifteen minutes lock the account for the rest of that window. */
export const SIGN_IN_LOCKOUT = { failures: 5, minutes: 15 } as const;

export const SIGN_IN_REFUSED = `The email or password is not right. After ${SIGN_IN_LOCKOUT.failures} wrong attempts an account is locked for ${SIGN_IN_LOCKOUT.minutes} minutes.`;

export async function signIn(db: Db, input: SignIn, now: Date, policy: SessionPolicy, facts: RequestFacts) {
  const email = input.email.trim().toLowerCase();
  const [account] = await db.select().from(staff).where(eq(staff.email, email));
  const usable = account && !account.disabled && account.passwordHash ? account : undefined;
  const locked = usable ? (await failuresSinceLastSignIn(db, usable.id, now)) >= SIGN_IN_LOCKOUT.failures : false;
  const ok = await verifyPassword(usable?.passwordHash ?? (await decoyPasswordHash()), input.password);
  const attempt = (action: 'sign_in' | 'sign_in_failed', reason?: string): AuditEvent => ({
    at: now,
    actor: { kind: 'staff', staffId: account?.id ?? null },
    resourceType: 'staff_account',
    resourceId: email,
    action,
    outcome: action === 'sign_in' ? 'allowed' : 'denied',
    reason: reason ?? null,
    ...facts,
  });
  if (!usable || !ok || locked) {
    const reason = !account ? 'unknown account' : !usable ? 'account disabled' : locked ? 'account locked' : 'wrong password';
    await recordAuditEvent(db, attempt('sign_in_failed', reason));
    throw new DomainError('unauthenticated', SIGN_IN_REFUSED);
  }
  await removeEndedSessions(db, now, policy);
  const session = await db.transaction(async (tx) => {
    const started = await startSession(tx, usable.id, now, policy);
    await recordAuditEvent(tx, attempt('sign_in'));
    return started;
  });
  const roles = await rolesOf(db, usable.id);
  return { session, staff: { id: usable.id, name: usable.name, email: usable.email, roles } };
}

/** Wrong passwords for this account in the lockout window, counted from its last good sign-in. */
async function failuresSinceLastSignIn(db: Db, staffId: string, now: Date): Promise<number> {
  const since = new Date(now.getTime() - SIGN_IN_LOCKOUT.minutes * 60_000).toISOString();
  const [row] = await rowsOf<{ failures: number }>(
    db,
    sql`SELECT count(*)::int AS failures FROM audit_event
        WHERE actor_staff_id = ${staffId} AND action = 'sign_in_failed' AND at > ${since}
          AND sequence > coalesce((SELECT max(sequence) FROM audit_event
                                   WHERE actor_staff_id = ${staffId} AND action = 'sign_in' AND at > ${since}), 0)`,
  );
  return row?.failures ?? 0;
}
