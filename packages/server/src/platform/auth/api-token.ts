/**
 * Other systems (telecare platforms, data feeds) call the API as API clients: an administrator
 * gives each a client id and a secret, and the client exchanges them for a short-lived access
 * token (OAuth 2.0 client credentials) that it sends as `Authorization: Bearer`. The database
 * keeps only the SHA-256 of secrets and tokens, so a copy of it lets no one call the API.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { type Db, rowsOf } from '../db/client.js';
import { apiAccessToken } from '../db/schema.js';

/** An API client as the routes see it, with the scopes of the token it presented. */
export interface ApiClientIdentity {
  clientId: string;
  name: string;
  organisationId: string;
  organisationName: string;
  scopes: string[];
}

/** A new secret or token: 32 random bytes, base64url (256 bits, never guessed). */
export function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** SHA-256, hex: all that is stored of a secret or a token. */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** Whether a secret hashes to a stored hash, in time that does not depend on where they differ. */
export function secretMatches(secret: string, storedHash: string | null | undefined): boolean {
  const given = Buffer.from(hashSecret(secret), 'hex');
  const stored = Buffer.from(storedHash ?? DECOY_HASH, 'hex');
  return stored.length === given.length && timingSafeEqual(given, stored) && Boolean(storedHash);
}

/** Compared against when there is no client, so an unknown id costs the same work. */
const DECOY_HASH = hashSecret('kith-decoy-secret');

export async function issueAccessToken(
  db: Db,
  clientId: string,
  scopes: readonly string[],
  now: Date,
  minutes: number,
): Promise<{ token: string; expiresAt: Date }> {
  const token = newSecret();
  const expiresAt = new Date(now.getTime() + minutes * 60_000);
  await db.insert(apiAccessToken).values({ tokenHash: hashSecret(token), clientId, scopes: [...scopes], issuedAt: now, expiresAt });
  return { token, expiresAt };
}

/** Tokens past their expiry are removed at each issue, so the table does not only grow. */
export async function removeExpiredTokens(db: Db, now: Date): Promise<void> {
  await db.execute(sql`DELETE FROM api_access_token WHERE expires_at <= ${now.toISOString()}`);
}

/**
 * The client behind a bearer token, or undefined when the token is unknown, expired, or its
 * client has been disabled since. One statement, since it runs on every API client request.
 */
export async function apiClientForToken(db: Db, token: string, now: Date): Promise<ApiClientIdentity | undefined> {
  if (token.length === 0 || token.length > 512) return undefined;
  const [row] = await rowsOf<ApiClientIdentity>(
    db,
    sql`SELECT c.id AS "clientId", c.name, c.organisation_id AS "organisationId", o.name AS "organisationName", t.scopes
        FROM api_access_token t
        JOIN api_client c ON c.id = t.client_id AND NOT c.disabled
        JOIN organisation o ON o.id = c.organisation_id
        WHERE t.token_hash = ${hashSecret(token)} AND t.expires_at > ${now.toISOString()}`,
  );
  return row ? { ...row, scopes: [...row.scopes] } : undefined;
}
