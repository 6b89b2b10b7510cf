/**
 * Signing in with a local account. An unknown email and a wrong password get the same answer
 * after the same work (a decoy hash is checked), so the answer tells an attacker nothing.
 */
import { DomainError } from '@kith/core';
import { eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { staff } from '../../platform/db/schema.js';
import { decoyPasswordHash, verifyPassword } from '../../platform/auth/password.js';
import { type SessionPolicy, removeEndedSessions, rolesOf, startSession } from '../../platform/auth/session.js';

export interface SignIn {
  email: string;
  password: string;
}

export async function signIn(db: Db, input: SignIn, now: Date, policy: SessionPolicy) {
  const [account] = await db.select().from(staff).where(eq(staff.email, input.email.trim().toLowerCase()));
  const usable = account && !account.disabled && account.passwordHash;
  const ok = await verifyPassword(usable ? account.passwordHash! : await decoyPasswordHash(), input.password);
  if (!usable || !ok) throw new DomainError('unauthenticated', 'The email or password is not right');
  await removeEndedSessions(db, now, policy);
  const session = await startSession(db, account.id, now, policy);
  const roles = await rolesOf(db, account.id);
  return { session, staff: { id: account.id, name: account.name, email: account.email, roles } };
}
