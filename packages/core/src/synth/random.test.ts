import { describe, expect, it } from 'vitest';
import { cumulativeOf, Random } from './random.js';

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

describe('seeded randomness', () => {
  it('gives the same draws for the same seed, stream and index, and different ones otherwise', () => {
    const draws = (seed: number, stream: number, index: number) => {
      const random = new Random(seed, stream, index);
      return Array.from({ length: 5 }, () => random.uint32());
    };
    expect(draws(2017, 2, 41)).toEqual(draws(2017, 2, 41));
    expect(draws(2017, 2, 41)).not.toEqual(draws(2017, 2, 42));
    expect(draws(2017, 2, 41)).not.toEqual(draws(2018, 2, 41));
    expect(draws(2017, 2, 41)).not.toEqual(draws(2017, 3, 41));
  });

  it('draws evenly in [0, 1)', () => {
    const random = new Random(1, 1);
    const tenths = new Array<number>(10).fill(0);
    for (let i = 0; i < 100_000; i++) tenths[Math.floor(random.next() * 10)]!++;
    expect(Math.min(...tenths)).toBeGreaterThan(9_500);
    expect(Math.max(...tenths)).toBeLessThan(10_500);
  });

  it('makes version 4 UUIDs, with a chosen prefix when asked', () => {
    const random = new Random(7, 1);
    const ids = new Set<string>();
    for (let i = 0; i < 10_000; i++) {
      const id = i % 2 ? random.uuid() : random.uuidAfter(0xab00_0000 + i);
      expect(id).toMatch(V4);
      ids.add(id);
    }
    expect(ids.size).toBe(10_000);
    expect(random.uuidAfter(0xab00_002a).startsWith('ab00002a-')).toBe(true);
  });

  it('counts Poisson events with the asked-for mean', () => {
    const random = new Random(3, 1);
    let total = 0;
    for (let i = 0; i < 50_000; i++) total += random.poisson(0.8);
    expect(total / 50_000).toBeCloseTo(0.8, 1);
  });

  it('picks by weight', () => {
    const random = new Random(5, 1);
    const cumulative = cumulativeOf([1, 3]);
    let second = 0;
    for (let i = 0; i < 20_000; i++) second += random.weighted(cumulative);
    expect(second / 20_000).toBeCloseTo(0.75, 1);
  });
});
