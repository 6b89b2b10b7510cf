import { describe, expect, it } from 'vitest';
import { isValidNhsNumber } from '../people/nhs-number.js';
import { nhsNumbering, SYNTHETIC_NHS_NUMBER_CAPACITY, syntheticNhsNumber } from './nhs-numbers.js';

describe('synthetic NHS numbers', () => {
  const numbering = nhsNumbering(2017);

  it('are valid under Modulus 11, unique, and in the 999 test range for the first 900,000 people', () => {
    const seen = new Set<string>();
    const wrong: string[] = [];
    for (let i = 0; i < 900_000; i += 3) {
      const n = syntheticNhsNumber(numbering, i);
      if (!isValidNhsNumber(n) || !n.startsWith('999')) wrong.push(n);
      seen.add(n);
    }
    expect(wrong).toEqual([]);
    expect(seen.size).toBe(300_000);
  });

  it('continue in 998 and then 997, still valid and unique, up to two million people and beyond', () => {
    const sample = [900_000, 900_001, 1_799_999, 1_800_000, 1_999_999, SYNTHETIC_NHS_NUMBER_CAPACITY - 1];
    const numbers = sample.map((i) => syntheticNhsNumber(numbering, i));
    expect(numbers.map((n) => n.slice(0, 3))).toEqual(['998', '998', '998', '997', '997', '997']);
    for (const n of numbers) expect(isValidNhsNumber(n)).toBe(true);
    const seen = new Set<string>();
    for (let i = 1_700_000; i < 1_900_000; i++) seen.add(syntheticNhsNumber(numbering, i));
    expect(seen.size).toBe(200_000);
  });

  it('depend only on the seed and the person', () => {
    expect(syntheticNhsNumber(nhsNumbering(2017), 12_345)).toBe(syntheticNhsNumber(numbering, 12_345));
    expect(syntheticNhsNumber(nhsNumbering(2018), 12_345)).not.toBe(syntheticNhsNumber(numbering, 12_345));
  });

  it('do not give neighbours in the borough neighbouring numbers', () => {
    const a = Number(syntheticNhsNumber(numbering, 100));
    const b = Number(syntheticNhsNumber(numbering, 101));
    expect(Math.abs(a - b)).toBeGreaterThan(1_000);
  });

  it('run out past their capacity rather than repeat', () => {
    expect(() => syntheticNhsNumber(numbering, SYNTHETIC_NHS_NUMBER_CAPACITY)).toThrow(RangeError);
    expect(() => syntheticNhsNumber(numbering, -1)).toThrow(RangeError);
  });
});
