/**
 * Staff passwords: argon2id (OWASP's first choice), with the library's defaults tuned to
 * OWASP's minimum of 19 MiB memory and 2 iterations.
 */
import { hash, verify } from '@node-rs/argon2';

/** algorithm 2 is Argon2id in the library's (const) enum, which isolated modules cannot import. */
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verifying against this when the account is unknown keeps both answers equally slow. */
let decoyHash: Promise<string> | undefined;
export function decoyPasswordHash(): Promise<string> {
  decoyHash ??= hashPassword('kith-decoy-password-for-timing');
  return decoyHash;
}
