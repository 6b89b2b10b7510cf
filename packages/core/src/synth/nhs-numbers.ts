/**
 * NHS numbers for synthetic people: valid under Modulus 11, unique within a borough, and never a
 * real person's. Numbers starting 999 are the range NHS England keeps for testing; its one
 * million nine-digit stems hold only about 909,000 valid numbers, so bigger boroughs continue in
 * 998 and then 997, which are likewise not issued to patients (issued numbers start 3 to 8, or
 * 0 and 1 in Scotland and Northern Ireland). Person i's number depends only on the seed and i,
 * so batches of people can be made in any order.
 */
import { nhsNumberCheckDigit } from '../people/nhs-number.js';
import { Random, STREAM } from './random.js';

const PREFIXES = ['999', '998', '997'] as const;
/** Five free digits after the prefix make a block; the sixth (last before the check) varies. */
const BLOCKS = 100_000;
/** Of the ten last digits of a block at most one gives check digit 10, so nine always work. */
const PER_BLOCK = 9;
const PER_PREFIX = BLOCKS * PER_BLOCK;

export const SYNTHETIC_NHS_NUMBER_CAPACITY = PREFIXES.length * PER_PREFIX;

/** The seed's shuffle of each prefix's numbers, so neighbours in the borough do not get neighbouring numbers. */
export interface NhsNumbering {
  multiplier: number;
  offset: number;
  digitShift: number;
}

export function nhsNumbering(seed: number): NhsNumbering {
  const random = new Random(seed, STREAM.nhsNumbers);
  // i -> (m*i + c) mod 900,000 is a bijection when m shares no prime factor (2, 3, 5) with it.
  let multiplier = random.between(100_001, 899_999);
  while (multiplier % 2 === 0 || multiplier % 3 === 0 || multiplier % 5 === 0) multiplier++;
  return { multiplier, offset: random.int(PER_PREFIX), digitShift: random.int(10) };
}

export function syntheticNhsNumber(numbering: NhsNumbering, index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= SYNTHETIC_NHS_NUMBER_CAPACITY) {
    throw new RangeError(`No synthetic NHS number for person ${index}`);
  }
  const prefix = PREFIXES[Math.floor(index / PER_PREFIX)]!;
  const shuffled = (numbering.multiplier * (index % PER_PREFIX) + numbering.offset) % PER_PREFIX;
  const stem = prefix + String(Math.floor(shuffled / PER_BLOCK)).padStart(5, '0');
  let wanted = shuffled % PER_BLOCK;
  for (let step = 0; step < 10; step++) {
    const lastDigit = (numbering.digitShift + step) % 10;
    const check = nhsNumberCheckDigit(stem + lastDigit);
    if (check === undefined) continue;
    if (wanted === 0) return `${stem}${lastDigit}${check}`;
    wanted--;
  }
  throw new Error('unreachable: every block holds nine valid numbers');
}
