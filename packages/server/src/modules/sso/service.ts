/**
 * Signing in with a verified identity from the provider. The account is the one linked to this
 * (issuer, subject); else an account with the same email, linked now; else a new one with no
 * password. Its roles become exactly what the role mapping gives, so a change at the provider
 * reaches Kith at the next sign-in. The session starts as a password sign-in's does, and every
 * outcome is an audit event.
 */
import { randomUUID } from 'node:crypto';
import type { AuditEvent } from '@kith/core';
import { and, eq, inArray } from 'drizzle-orm';
import { recordAuditEvent } from '../../platform/audit/record.js';
import { removeEndedSessions, type SessionPolicy, startSession } from '../../platform/auth/session.js';
import type { Db } from '../../platform/db/client.js';
import { organisation, staff, staffIdentity, staffRole } from '../../platform/db/schema.js';
import { mappedRoles, personFrom } from './claims.js';
import type { OidcConfig } from './config.js';
import type { VerifiedIdentity } from './relying-party.js';

export interface RequestFacts {
  requestId: string;
  clientAddress: string;
}

/** A sign-in Kith refuses: `detail` is for the user, `reason` for the audit log. */
export class SignInRefused extends Error {
  constructor(
    readonly detail: string,
    readonly reason: string,
    readonly who: { staffId?: string; resourceId?: string } = {},
  ) {
    super(detail);
  }
}

export const NO_ROLE =
  'Your organisation account does not give you a role in Kith. Ask your Kith administrator to set up a role for you.';
export const ACCOUNT_DISABLED = 'Your Kith account is disabled. Ask your Kith administrator if you need it again.';

export async function signInWithIdentity(
  db: Db,
  settings: OidcConfig,
  identity: VerifiedIdentity,
  now: Date,
  policy: SessionPolicy,
  facts: RequestFacts,
) {
  const person = personFrom(identity.claims, settings.emailClaim);
  // An email the provider has not verified neither links nor names an account.
  const existing = await findAccount(db, identity, person.emailVerified ? person.email : undefined);
  const who = { staffId: existing?.id, resourceId: existing?.email ?? person.email ?? `${identity.issuer} ${identity.subject}` };
  if (existing?.disabled) throw new SignInRefused(ACCOUNT_DISABLED, 'account disabled', who);
  if (existing?.linkedElsewhere) {
    // The email now belongs to a different person at the provider than the one linked before.
    throw new SignInRefused(
      'The Kith account with your email address is linked to a different organisation account. Ask your Kith administrator.',
      'email linked to another identity',
      who,
    );
  }
  if (!existing && (!person.email || !person.emailVerified)) {
    throw new SignInRefused(
      'Your organisation account did not give Kith a verified email address, so no Kith account can be made for you.',
      `no verified ${settings.emailClaim} claim`,
      who,
    );
  }

  const grants = await organisationRoles(db, identity, settings);
  if (grants.length === 0) {
    // For an account already linked to this identity, the provider is the source of its roles:
    // having none there now means none here, in any session it still has. An account only
    // matched by email keeps its roles, or anyone with that email at the provider could strip them.
    if (existing?.linked) await db.delete(staffRole).where(eq(staffRole.staffId, existing.id));
    throw new SignInRefused(NO_ROLE, `no mapped role in claim ${settings.roleClaim}`, who);
  }

  await removeEndedSessions(db, now, policy);
  const event = (staffId: string, email: string): AuditEvent => ({
    at: now,
    actor: { kind: 'staff', staffId },
    resourceType: 'staff_account',
    resourceId: email,
    action: 'sign_in',
    outcome: 'allowed',
    reason: 'single sign-on',
    ...facts,
  });
  return db.transaction(async (tx) => {
    const account = existing ?? (await createAccount(tx, person.email!, person.name ?? person.email!));
    await tx
      .insert(staffIdentity)
      .values({ issuer: identity.issuer, subject: identity.subject, staffId: account.id, lastSignInAt: now })
      .onConflictDoUpdate({ target: [staffIdentity.issuer, staffIdentity.subject], set: { lastSignInAt: now } });
    await replaceRoles(tx, account.id, grants);
    const session = await startSession(tx, account.id, now, policy);
    await recordAuditEvent(tx, event(account.id, account.email));
    return { session, staffId: account.id };
  });
}

/** Records a refused sign-in; the actor is the account it was for, when one is known. */
export async function recordRefusal(db: Db, refusal: SignInRefused, now: Date, facts: RequestFacts): Promise<void> {
  await recordAuditEvent(db, {
    at: now,
    actor: { kind: 'staff', staffId: refusal.who.staffId ?? null },
    resourceType: 'staff_account',
    resourceId: refusal.who.resourceId ?? null,
    action: 'sign_in_failed',
    outcome: 'denied',
    reason: `single sign-on: ${refusal.reason}`,
    ...facts,
  });
}

interface Account {
  id: string;
  email: string;
  disabled: boolean;
  /** Found through this (issuer, subject), rather than by email. */
  linked: boolean;
  /** Found by email, but already linked to another subject of this issuer. */
  linkedElsewhere: boolean;
}

async function findAccount(db: Db, identity: VerifiedIdentity, email: string | undefined): Promise<Account | undefined> {
  const [linked] = await db
    .select({ id: staff.id, email: staff.email, disabled: staff.disabled })
    .from(staffIdentity)
    .innerJoin(staff, eq(staff.id, staffIdentity.staffId))
    .where(and(eq(staffIdentity.issuer, identity.issuer), eq(staffIdentity.subject, identity.subject)));
  if (linked) return { ...linked, linked: true, linkedElsewhere: false };
  if (!email) return undefined;
  const [byEmail] = await db.select({ id: staff.id, email: staff.email, disabled: staff.disabled }).from(staff).where(eq(staff.email, email));
  if (!byEmail) return undefined;
  const [other] = await db
    .select({ subject: staffIdentity.subject })
    .from(staffIdentity)
    .where(and(eq(staffIdentity.staffId, byEmail.id), eq(staffIdentity.issuer, identity.issuer)));
  return { ...byEmail, linked: false, linkedElsewhere: other !== undefined };
}

/** The mapped roles at organisations Kith knows; a mapping to an unknown ODS code gives nothing. */
async function organisationRoles(db: Db, identity: VerifiedIdentity, settings: OidcConfig) {
  const mapped = mappedRoles(identity.claims, settings);
  const codes = [...new Set(mapped.map((m) => m.ods))];
  if (codes.length === 0) return [];
  const found = await db.select({ id: organisation.id, ods: organisation.odsCode }).from(organisation).where(inArray(organisation.odsCode, codes));
  const idOf = new Map(found.map((o) => [o.ods, o.id]));
  return mapped.flatMap((m) => {
    const organisationId = idOf.get(m.ods);
    return organisationId ? [{ organisationId, role: m.role }] : [];
  });
}

async function createAccount(db: Db, email: string, name: string): Promise<Account> {
  const id = randomUUID();
  // No password: this account signs in only through the provider, unless an administrator sets one.
  await db.insert(staff).values({ id, email, name, passwordHash: null });
  return { id, email, disabled: false, linked: false, linkedElsewhere: false };
}

/** Makes the account's roles exactly these, touching nothing when they are already so. */
async function replaceRoles(db: Db, staffId: string, grants: { organisationId: string; role: string }[]) {
  const key = (g: { organisationId: string; role: string }) => `${g.organisationId}:${g.role}`;
  const held = await db.select({ organisationId: staffRole.organisationId, role: staffRole.role }).from(staffRole).where(eq(staffRole.staffId, staffId));
  const want = new Set(grants.map(key));
  if (held.length === want.size && held.every((g) => want.has(key(g)))) return;
  await db.delete(staffRole).where(eq(staffRole.staffId, staffId));
  await db.insert(staffRole).values(grants.map((g) => ({ staffId, ...g })));
}
