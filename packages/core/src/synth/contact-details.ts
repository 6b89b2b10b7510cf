/**
 * Telephone numbers and email addresses that can never reach anyone: Ofcom keeps 020 7946 0000
 * to 0999 (London) and 07700 900000 to 900999 (mobiles) for drama, and example.com, .org and
 * .net are reserved for documentation (RFC 2606).
 */
import { emailWord } from './names.js';
import type { Random } from './random.js';

const threeDigits = (random: Random) => String(random.int(1000)).padStart(3, '0');

export function londonLandline(random: Random): string {
  return `020 7946 0${threeDigits(random)}`;
}

export function mobileNumber(random: Random): string {
  return `07700 900${threeDigits(random)}`;
}

const EMAIL_DOMAINS = ['example.com', 'example.org', 'example.net'];

export function personalEmail(random: Random, givenName: string, familyName: string): string {
  const number = random.chance(0.5) ? String(random.between(1, 99)) : '';
  const local = random.chance(0.7)
    ? `${emailWord(givenName)}.${emailWord(familyName)}${number}`
    : `${emailWord(givenName).slice(0, 1)}${emailWord(familyName)}${number}`;
  return `${local}@${random.pick(EMAIL_DOMAINS)}`;
}
