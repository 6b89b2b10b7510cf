/**
 * API clients, managed by administrators: other systems (telecare platforms, data feeds) that
 * call the API with scoped tokens (security.md). A new client's secret, and each new secret after
 * a rotation, is shown once and stored only as its SHA-256. After a rotation the previous secret
 * keeps working for a configured grace, so the other system can change over without a gap.
 * Disabling a client or changing its scopes ends its access tokens at once. Every change is an
 * audit event, written in the change's own transaction.
 */
import { randomUUID } from 'node:crypto';
import { type ApiScope, type AuditEvent, DomainError } from '@kith/core';
import { asc, eq } from 'drizzle-orm';
import { recordAuditEvent } from '../../platform/audit/record.js';
import { hashSecret, newSecret } from '../../platform/auth/api-token.js';
import type { Actor } from '../../platform/auth/session.js';
import type { Db } from '../../platform/db/client.js';
import { apiAccessToken, apiClient, organisation } from '../../platform/db/schema.js';

export interface ApiClientView {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
  scopes: ApiScope[];
  disabled: boolean;
  createdAt: Date;
  secretRotatedAt: Date | null;
  /** Until when the secret before the last rotation still works; null when it no longer does. */
  previousSecretExpiresAt: Date | null;
}

export interface ApiClientCreate {
  name: string;
  organisationId: string;
  scopes: ApiScope[];
}

export interface ApiClientChange {
  name?: string;
  scopes?: ApiScope[];
  disabled?: boolean;
}

/** Who made the change and where the request came from, for the audit event. */
export interface ChangeContext {
  actor: Actor;
  now: Date;
  requestId: string;
  clientAddress: string;
}

export function requireAdministrator(actor: Actor): void {
  if (!actor.roles.some((r) => r.role === 'admin')) {
    throw new DomainError('forbidden', 'Only an administrator can manage API clients');
  }
}

const NOT_FOUND = 'No API client has this id';

const columns = {
  id: apiClient.id,
  name: apiClient.name,
  organisationId: apiClient.organisationId,
  organisationName: organisation.name,
  scopes: apiClient.scopes,
  disabled: apiClient.disabled,
  createdAt: apiClient.createdAt,
  secretRotatedAt: apiClient.secretRotatedAt,
  previousSecretExpiresAt: apiClient.previousSecretExpiresAt,
};

type Row = Omit<ApiClientView, 'scopes'> & { scopes: string[] };

function view(row: Row, now: Date): ApiClientView {
  const graceLeft = row.previousSecretExpiresAt && row.previousSecretExpiresAt > now ? row.previousSecretExpiresAt : null;
  return { ...row, scopes: row.scopes as ApiScope[], previousSecretExpiresAt: graceLeft };
}

export async function listApiClients(db: Db, now: Date): Promise<ApiClientView[]> {
  const rows = await db
    .select(columns)
    .from(apiClient)
    .innerJoin(organisation, eq(organisation.id, apiClient.organisationId))
    .orderBy(asc(apiClient.name), asc(apiClient.id));
  return rows.map((row) => view(row, now));
}

export async function getApiClient(db: Db, id: string, now: Date): Promise<ApiClientView> {
  const [row] = await db
    .select(columns)
    .from(apiClient)
    .innerJoin(organisation, eq(organisation.id, apiClient.organisationId))
    .where(eq(apiClient.id, id));
  if (!row) throw new DomainError('not_found', NOT_FOUND);
  return view(row, now);
}

/** The new client and its secret, which is never shown again. */
export async function createApiClient(db: Db, input: ApiClientCreate, context: ChangeContext) {
  const id = randomUUID();
  const secret = newSecret();
  await db.transaction(async (tx) => {
    const [found] = await tx.select({ id: organisation.id }).from(organisation).where(eq(organisation.id, input.organisationId));
    if (!found) throw DomainError.field('organisationId', 'No organisation has this id');
    await tx.insert(apiClient).values({
      id,
      name: input.name,
      organisationId: input.organisationId,
      scopes: unique(input.scopes),
      secretHash: hashSecret(secret),
      createdBy: context.actor.staffId,
      createdAt: context.now,
    });
    await recordAuditEvent(tx, adminEvent(context, id, 'created'));
  });
  return { client: await getApiClient(db, id, context.now), clientSecret: secret };
}

export async function changeApiClient(db: Db, id: string, change: ApiClientChange, context: ChangeContext): Promise<void> {
  await db.transaction(async (tx) => {
    const [client] = await tx.select({ id: apiClient.id }).from(apiClient).where(eq(apiClient.id, id)).for('update');
    if (!client) throw new DomainError('not_found', NOT_FOUND);
    const scopes = change.scopes && unique(change.scopes);
    if (change.name !== undefined || scopes || change.disabled !== undefined) {
      await tx.update(apiClient).set({ name: change.name, scopes, disabled: change.disabled }).where(eq(apiClient.id, id));
    }
    // A token carries the scopes it was issued with: a narrower grant or a disabled client
    // must not go on using one.
    if (change.disabled || scopes) await tx.delete(apiAccessToken).where(eq(apiAccessToken.clientId, id));
    const changed = Object.entries(change)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]) => (key === 'disabled' ? (value ? 'disabled' : 'enabled') : key));
    await recordAuditEvent(tx, adminEvent(context, id, `changed: ${changed.join(', ') || 'nothing'}`));
  });
}

/**
 * A new secret, shown once. The one it replaces keeps working for the grace; a secret from an
 * earlier rotation stops at once, since only the last one is kept.
 */
export async function rotateSecret(db: Db, id: string, graceHours: number, context: ChangeContext) {
  const secret = newSecret();
  const previousSecretExpiresAt = graceHours > 0 ? new Date(context.now.getTime() + graceHours * 3_600_000) : null;
  await db.transaction(async (tx) => {
    const [client] = await tx
      .select({ secretHash: apiClient.secretHash })
      .from(apiClient)
      .where(eq(apiClient.id, id))
      .for('update');
    if (!client) throw new DomainError('not_found', NOT_FOUND);
    await tx
      .update(apiClient)
      .set({
        secretHash: hashSecret(secret),
        previousSecretHash: previousSecretExpiresAt ? client.secretHash : null,
        previousSecretExpiresAt,
        secretRotatedAt: context.now,
      })
      .where(eq(apiClient.id, id));
    await recordAuditEvent(tx, adminEvent(context, id, 'secret rotated'));
  });
  return { clientSecret: secret, previousSecretExpiresAt };
}

function unique(scopes: readonly ApiScope[]): ApiScope[] {
  return [...new Set(scopes)].sort();
}

/** An administrator's change to a client: who, which client, and what in a few words. */
function adminEvent({ actor, now, requestId, clientAddress }: ChangeContext, clientId: string, what: string): AuditEvent {
  const grant = actor.roles.find((r) => r.role === 'admin');
  return {
    at: now,
    actor: { kind: 'staff', staffId: actor.staffId, role: 'admin', organisationId: grant?.organisationId ?? null },
    resourceType: 'api_client',
    resourceId: clientId,
    action: 'write',
    purpose: 'administration',
    outcome: 'allowed',
    reason: what,
    requestId,
    clientAddress,
  };
}
