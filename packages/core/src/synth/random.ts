/**
 * Seeded randomness for the synthetic borough. Core reads no clock and calls no Math.random, so
 * every draw comes from sfc32 (Chris Doty-Humphrey's Small Fast Counting generator: 128 bits of
 * state, passes PractRand, four adds and shifts per draw), seeded from the borough's seed plus a
 * stream and an index. Person i draws from its own stream, so any batch of people can be made
 * without making the ones before it.
 */

const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** Random streams: one per kind of thing generated, so adding draws to one moves no other. */
export const STREAM = { borough: 1, person: 2, nhsNumbers: 3 } as const;

/** A 32-bit avalanche (the murmur3 finaliser): near seeds give unrelated states. */
function mix32(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85eb_ca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2_ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Folds any safe integer seed (negative or past 32 bits) into one 32-bit word. */
export function seedWord(seed: number): number {
  const high = Math.floor(seed / 0x1_0000_0000);
  return mix32((seed >>> 0) ^ mix32(high + 0x9e37_79b9));
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d = 1;

  constructor(seed: number, stream: number, index = 0) {
    this.a = seedWord(seed);
    this.b = mix32(stream ^ 0x5bd1_e995);
    this.c = mix32(index ^ 0x27d4_eb2f) ^ (Math.floor(index / 0x1_0000_0000) >>> 0);
    // Warm-up rounds spread the seed words through the whole state before the first draw.
    for (let i = 0; i < 12; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** A number in [0, 1). */
  next(): number {
    return this.uint32() / 0x1_0000_0000;
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  /** An integer in [low, high], both included. */
  between(low: number, high: number): number {
    return low + this.int(high - low + 1);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }

  /** Standard normal draw (Box-Muller). */
  normal(): number {
    const u = 1 - this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * this.next());
  }

  /** A count of events for a Poisson mean; Knuth's method suits the small means used here. */
  poisson(mean: number): number {
    if (mean <= 0) return 0;
    if (mean > 30) return Math.max(0, Math.round(mean + Math.sqrt(mean) * this.normal()));
    const limit = Math.exp(-mean);
    let count = 0;
    for (let product = this.next(); product > limit; product *= this.next()) count++;
    return count;
  }

  /** Index into cumulative weights (ascending, last = total), by binary search. */
  weighted(cumulative: readonly number[]): number {
    const target = this.next() * cumulative[cumulative.length - 1]!;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid]! > target) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  /** A version 4 UUID with every free bit random. */
  uuid(): string {
    return this.uuidAfter(this.uint32());
  }

  /**
   * A version 4 UUID whose first 32 bits are `prefix` and the rest random. Giving a big table's
   * rows rising prefixes makes them reach its B-tree indexes near the right-hand edge instead of
   * all over them: loading 400,000 people into PostgreSQL took a fifth less time than with fully
   * random ids (with one connection, a third less). It is still a valid version 4 UUID.
   */
  uuidAfter(prefix: number): string {
    const r1 = this.uint32();
    const r2 = this.uint32();
    const r3 = this.uint32();
    return (
      hex32(prefix >>> 0) +
      '-' +
      HEX[r1 >>> 24]! +
      HEX[(r1 >>> 16) & 0xff]! +
      '-4' +
      hex12(r1 & 0xfff) +
      '-' +
      HEX[0x80 | (r2 >>> 26)]! +
      HEX[(r2 >>> 18) & 0xff]! +
      '-' +
      HEX[(r2 >>> 10) & 0xff]! +
      HEX[(r2 >>> 2) & 0xff]! +
      hex32(r3)
    );
  }
}

function hex32(value: number): string {
  return HEX[value >>> 24]! + HEX[(value >>> 16) & 0xff]! + HEX[(value >>> 8) & 0xff]! + HEX[value & 0xff]!;
}

function hex12(value: number): string {
  return (HEX[value >>> 8]!).slice(1) + HEX[value & 0xff]!;
}

/** Running totals of weights, for Random.weighted. */
export function cumulativeOf(weights: readonly number[]): number[] {
  let total = 0;
  return weights.map((w) => (total += w));
}
