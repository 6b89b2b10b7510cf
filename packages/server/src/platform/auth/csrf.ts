/**
 * Protection against cross-site request forgery for every state-changing request. The token is
 * derived from the session token (a keyed hash of a secret only the browser's cookie holds), so
 * nothing more is stored and any instance can check it. The web app reads it from the sign-in
 * and "who am I" answers and sends it back in the `x-csrf-token` header; another site can make
 * the browser send the cookie, but cannot read the token.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

export const CSRF_HEADER = 'x-csrf-token';
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`kith-csrf:${sessionToken}`).digest('base64url');
}

export function changesState(method: string): boolean {
  return !SAFE_METHODS.has(method.toUpperCase());
}

export function csrfTokenMatches(sessionToken: string, sent: string | string[] | undefined): boolean {
  if (typeof sent !== 'string') return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const given = Buffer.from(sent);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
