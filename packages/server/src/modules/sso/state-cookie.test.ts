import { describe, expect, it } from 'vitest';
import { openChecks, sealChecks, STATE_MAX_AGE_SECONDS, stateCookieKey } from './state-cookie.js';

const key = stateCookieKey('a client secret for the tests only');
const checks = { state: 'state-1', nonce: 'nonce-1', codeVerifier: 'verifier-1' };
const start = new Date('2026-06-01T09:00:00Z');
const later = (seconds: number) => new Date(start.getTime() + seconds * 1000);

describe('the sealed sign-in cookie', () => {
  it('opens to the same checks within its lifetime', () => {
    expect(openChecks(key, sealChecks(key, checks, start), later(STATE_MAX_AGE_SECONDS - 1))).toEqual(checks);
  });

  it('hides what it holds', () => {
    const sealed = sealChecks(key, checks, start);
    expect(Buffer.from(sealed, 'base64url').toString('latin1')).not.toMatch(/state-1|nonce-1|verifier-1/);
  });

  it('does not open once too old, when altered, under another key, or when missing', () => {
    const sealed = sealChecks(key, checks, start);
    expect(openChecks(key, sealed, later(STATE_MAX_AGE_SECONDS + 1))).toBeUndefined();
    const bytes = Buffer.from(sealed, 'base64url');
    bytes[bytes.length - 1]! ^= 1;
    expect(openChecks(key, bytes.toString('base64url'), start)).toBeUndefined();
    expect(openChecks(key, sealed.slice(0, 30), start)).toBeUndefined();
    expect(openChecks(stateCookieKey('another client secret entirely'), sealed, start)).toBeUndefined();
    expect(openChecks(key, undefined, start)).toBeUndefined();
    expect(openChecks(key, 'not a sealed cookie', start)).toBeUndefined();
  });
});
