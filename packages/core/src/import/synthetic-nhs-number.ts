/**
 * An NHS number for a patient from a synthetic source that carries none (Synthea writes US-style
 * records). Kith's person record needs a valid NHS number, and a made-up person must never be
 * given one that could be a real person's, so these come only from the 999 range NHS England
 * keeps for testing, and only for sources recognised as synthetic (docs/import.md). The
 * candidates follow from the source identifier alone, so the same patient is offered the same
 * numbers in any database; the server takes the first that no one holds.
 */
import { nhsNumberCheckDigit } from '../people/nhs-number.js';

/** FNV-1a, 32 bits: a small, well-spread hash with no I/O and no randomness. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/** `count` distinct valid NHS numbers in the 999 test range, in the order to try them. */
export function syntheticImportNhsNumbers(sourceKey: string, count: number): string[] {
  const numbers: string[] = [];
  for (let attempt = 0; numbers.length < count && attempt < count * 4; attempt++) {
    const stem = `999${String(fnv1a(`${sourceKey}#${attempt}`) % 1_000_000).padStart(6, '0')}`;
    const check = nhsNumberCheckDigit(stem);
    const candidate = `${stem}${check}`;
    if (check !== undefined && !numbers.includes(candidate)) numbers.push(candidate);
  }
  return numbers;
}
