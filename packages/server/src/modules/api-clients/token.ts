/**
 * The token endpoint: OAuth 2.0 client credentials (RFC 6749 §4.4). A client authenticates with
 * HTTP Basic or with client_id and client_secret in the body, may narrow the scopes it asks for,
 * and gets a short-lived bearer token. Refusals follow §5.2: an unknown client, a wrong secret, a
 * disabled client and a secret past its grace all get the same invalid_client answer after the
 * same work. Every issue and every refusal is an audit event.
 */
import { API_SCOPES, type AuditEvent } from '@kith/core';
import { eq } from 'drizzle-orm';
import { recordAuditEvent } from '../../platform/audit/record.js';
import { issueAccessToken, removeExpiredTokens, secretMatches } from '../../platform/auth/api-token.js';
import type { Db } from '../../platform/db/client.js';
import { apiClient } from '../../platform/db/schema.js';

export type OAuthErrorCode = 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'unauthorized_client' | 'unsupported_grant_type' | 'invalid_scope';

/** A refusal as RFC 6749 §5.2 words it; `reason` is for the audit log only. */
export class OAuthError extends Error {
  /** Set once the refusal's audit event is written. */
  audited = false;

  constructor(
    readonly error: OAuthErrorCode,
    readonly description: string,
    readonly reason: string,
    readonly clientId: string | null = null,
    readonly organisationId: string | null = null,
  ) {
    super(description);
    this.name = 'OAuthError';
  }

  get status(): number {
    return this.error === 'invalid_client' ? 401 : 400;
  }
}

export const INVALID_CLIENT = 'The client id or secret is not right, or the client is disabled.';

export interface TokenRequest {
  grantType?: string;
  scope?: string;
  clientId?: string;
  clientSecret?: string;
}

export interface TokenSettings {
  now: Date;
  tokenMinutes: number;
  requestId: string;
  clientAddress: string;
}

export interface IssuedToken {
  access_token: string;
  token_type: 'Bearer';
  expires_in: number;
  scope: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** RFC 6749 §3.3: scope tokens are printable ASCII except space, double quote and backslash. */
const SCOPE_TOKEN = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/** Issues a token, or records the refusal and throws it as an OAuthError. */
export async function issueToken(db: Db, request: TokenRequest, settings: TokenSettings): Promise<IssuedToken> {
  try {
    return await exchange(db, request, settings);
  } catch (error) {
    if (error instanceof OAuthError) await recordTokenRefusal(db, error, request.clientId, settings);
    throw error;
  }
}

async function exchange(db: Db, request: TokenRequest, settings: TokenSettings): Promise<IssuedToken> {
  if (!request.grantType) throw new OAuthError('invalid_request', 'grant_type is missing', 'no grant_type');
  if (request.clientId === undefined || request.clientSecret === undefined) {
    throw new OAuthError('invalid_client', INVALID_CLIENT, 'no client credentials');
  }
  const client = await authenticateClient(db, request.clientId, request.clientSecret, settings.now);
  const refuse = (error: OAuthErrorCode, description: string, reason: string) =>
    new OAuthError(error, description, reason, client.id, client.organisationId);
  if (request.grantType !== 'client_credentials') {
    throw refuse('unsupported_grant_type', 'Only the client_credentials grant is supported', 'unsupported grant type');
  }
  const scopes = grantedScopes(request.scope, client.scopes);
  if (!scopes) throw refuse('invalid_scope', 'The scope asked for is unknown or not granted to this client', 'scope not granted');

  await removeExpiredTokens(db, settings.now);
  const issued = await db.transaction(async (tx) => {
    const token = await issueAccessToken(tx, client.id, scopes, settings.now, settings.tokenMinutes);
    await recordAuditEvent(tx, tokenEvent(settings, client.id, client.organisationId, request.clientId!, 'sign_in', null));
    return token;
  });
  return {
    access_token: issued.token,
    token_type: 'Bearer',
    expires_in: settings.tokenMinutes * 60,
    scope: scopes.join(' '),
  };
}

/** The client whose secret this is, current or within its grace; anything else is invalid_client. */
async function authenticateClient(db: Db, clientId: string, secret: string, now: Date) {
  const [client] = UUID.test(clientId) ? await db.select().from(apiClient).where(eq(apiClient.id, clientId)) : [];
  // Both hashes are always compared, so every path does the same work.
  const current = secretMatches(secret, client?.secretHash);
  const previous = secretMatches(secret, client?.previousSecretHash);
  const inGrace = Boolean(client?.previousSecretExpiresAt && client.previousSecretExpiresAt > now);
  if (client && !client.disabled && (current || (previous && inGrace))) return client;
  const reason = !client
    ? 'unknown client'
    : client.disabled
      ? 'client disabled'
      : previous
        ? 'previous secret past its grace'
        : 'wrong secret';
  throw new OAuthError('invalid_client', INVALID_CLIENT, reason, client?.id ?? null, client?.organisationId ?? null);
}

/** The scopes to put in the token: all the client's, or those asked for if it has every one. */
function grantedScopes(asked: string | undefined, granted: readonly string[]): string[] | undefined {
  const known = granted.filter((scope) => scope in API_SCOPES);
  const words = (asked ?? '').split(' ').filter(Boolean);
  if (words.length === 0) return [...known].sort();
  if (!words.every((word) => SCOPE_TOKEN.test(word) && known.includes(word))) return undefined;
  return [...new Set(words)].sort();
}

/** A refusal's audit event; the route records those it finds before the exchange starts. */
export async function recordTokenRefusal(
  db: Db,
  error: OAuthError,
  givenId: string | undefined,
  settings: Omit<TokenSettings, 'tokenMinutes'>,
) {
  if (error.audited) return;
  await recordAuditEvent(db, tokenEvent(settings, error.clientId, error.organisationId, givenId, 'sign_in_failed', error.reason));
  error.audited = true;
}

function tokenEvent(
  { now, requestId, clientAddress }: Omit<TokenSettings, 'tokenMinutes'>,
  clientId: string | null,
  organisationId: string | null,
  givenId: string | undefined,
  action: 'sign_in' | 'sign_in_failed',
  reason: string | null,
): AuditEvent {
  return {
    at: now,
    actor: { kind: 'api_client', apiClientId: clientId, organisationId },
    resourceType: 'api_client',
    // What the caller gave as its id, cut short: it is theirs to choose, and may be anything.
    resourceId: givenId === undefined ? null : givenId.slice(0, 64),
    action,
    outcome: action === 'sign_in' ? 'allowed' : 'denied',
    reason,
    requestId,
    clientAddress,
  };
}
