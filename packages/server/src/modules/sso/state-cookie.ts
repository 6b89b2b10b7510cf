/**
 * What a sign-in must remember between leaving for the provider and coming back: the state, the
 * nonce and the PKCE verifier. They travel in a short-lived cookie, sealed with AES-256-GCM, so
 * any server instance can finish a sign-in another began without a table, and the browser can
 * neither read the verifier nor change any of them. The key is derived from the client secret,
 * which every instance already shares and nobody else has.
 */
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

export const STATE_COOKIE = 'kith_oidc';
/** Only the two single sign-on routes ever receive it. */
export const STATE_COOKIE_PATH = '/api/v1/auth/oidc';
/** Long enough to type a password and a second factor at the provider; no longer. */
export const STATE_MAX_AGE_SECONDS = 600;

export interface SignInChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

interface Sealed extends SignInChecks {
  /** When the sign-in began (ms), checked on return as well as by the cookie's own expiry. */
  startedAt: number;
}

const VERSION = Buffer.from('kith-oidc-state-v1');

export function stateCookieKey(clientSecret: string): Buffer {
  return Buffer.from(hkdfSync('sha256', clientSecret, VERSION, 'kith single sign-on state cookie', 32));
}

export function sealChecks(key: Buffer, checks: SignInChecks, now: Date): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv, { authTagLength: 16 });
  cipher.setAAD(VERSION);
  const body: Sealed = { ...checks, startedAt: now.getTime() };
  const encrypted = Buffer.concat([cipher.update(JSON.stringify(body), 'utf8'), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), encrypted]).toString('base64url');
}

/** The checks, or undefined when the cookie is missing, altered, from another key, or too old. */
export function openChecks(key: Buffer, sealed: string | undefined, now: Date): SignInChecks | undefined {
  if (!sealed) return undefined;
  try {
    const bytes = Buffer.from(sealed, 'base64url');
    if (bytes.length <= 28) return undefined;
    // A fixed tag length: GCM would otherwise accept a short tag, which is far easier to forge.
    const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(0, 12), { authTagLength: 16 });
    decipher.setAAD(VERSION);
    decipher.setAuthTag(bytes.subarray(12, 28));
    const text = Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]).toString('utf8');
    const body = JSON.parse(text) as Sealed;
    const age = now.getTime() - body.startedAt;
    // A minute's grace either way for instances whose clocks differ a little.
    if (!(age >= -60_000 && age <= STATE_MAX_AGE_SECONDS * 1000)) return undefined;
    return { state: body.state, nonce: body.nonce, codeVerifier: body.codeVerifier };
  } catch {
    return undefined;
  }
}
