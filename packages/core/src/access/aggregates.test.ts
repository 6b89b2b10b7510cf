import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SMALL_NUMBER_LIMIT, mayIncludeInExtract, suppressSmallNumber } from './aggregates.js';

describe('small-number suppression', () => {
  it('suppresses 1 to 7', () => {
    for (let n = 1; n <= 7; n++) expect(suppressSmallNumber(n)).toBe('suppressed');
    expect(SMALL_NUMBER_LIMIT).toBe(7);
  });

  it('shows 0 (nobody points to no one) and 8 or more', () => {
    expect(suppressSmallNumber(0)).toBe(0);
    expect(suppressSmallNumber(8)).toBe(8);
    expect(suppressSmallNumber(550)).toBe(550);
  });

  it('refuses counts that are not whole numbers of 0 or more', () => {
    for (const bad of [-1, 2.5, Number.NaN, Number.POSITIVE_INFINITY]) expect(() => suppressSmallNumber(bad)).toThrow(RangeError);
  });

  it('suppresses exactly the counts from 1 to 7, for any count', () => {
    fc.assert(
      fc.property(fc.nat(), (n) => {
        const shown = suppressSmallNumber(n);
        expect(shown === 'suppressed').toBe(n >= 1 && n <= 7);
        if (shown !== 'suppressed') expect(shown).toBe(n);
      }),
    );
  });
});

describe('research and planning extracts', () => {
  it('leave out people with a national data opt-out', () => {
    expect(mayIncludeInExtract({ nationalDataOptOut: true })).toBe(false);
    expect(mayIncludeInExtract({ nationalDataOptOut: false })).toBe(true);
  });
});
