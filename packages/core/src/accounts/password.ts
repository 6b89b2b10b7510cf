/**
 * Password rules in line with NCSC guidance ("Password administration for system owners"):
 * a minimum length and a deny-list of passwords attackers try first; no rules about mixing
 * character types, which make passwords harder to remember and no harder to guess.
 */
import { COMMON_PASSWORDS } from './common-passwords.js';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export interface PasswordContext {
  email?: string;
  name?: string;
}

/** Why a new password is refused, in words to show the user, or undefined when it is fine. */
export function passwordProblem(password: string, context: PasswordContext = {}): string | undefined {
  if ([...password].length < PASSWORD_MIN_LENGTH) return `Use at least ${PASSWORD_MIN_LENGTH} characters`;
  if ([...password].length > PASSWORD_MAX_LENGTH) return `Use at most ${PASSWORD_MAX_LENGTH} characters`;
  const folded = password.toLowerCase();
  if (COMMON_PASSWORDS.has(folded) || COMMON_PASSWORDS.has(folded.replace(/[0-9!?.]+$/, ''))) {
    return 'This password is one of the most commonly used; choose another';
  }
  if (/^(.)\1+$/.test(password)) return 'Do not repeat one character';
  if (personalWords(context).some((word) => folded.includes(word))) {
    return 'Do not use your name or email address in your password';
  }
  return undefined;
}

function personalWords({ email, name }: PasswordContext): string[] {
  const words = [email?.split('@')[0] ?? '', ...(name ?? '').split(/\s+/)];
  return words.map((w) => w.toLowerCase()).filter((w) => w.length >= 4);
}
