import { describe, expect, it } from 'vitest';
import { BARTHEL, scoreBarthel } from './barthel.js';

/** Collin et al. 1988: each item's highest score. */
const ITEM_MAXIMA = {
  bowels: 2,
  bladder: 2,
  grooming: 1,
  toilet_use: 2,
  feeding: 2,
  transfer: 3,
  mobility: 3,
  dressing: 2,
  stairs: 2,
  bathing: 1,
};

const NONE = Object.fromEntries(Object.keys(ITEM_MAXIMA).map((id) => [id, 0]));

/** Answers adding up to `total`, filling items in order. */
function answersTotalling(total: number): Record<string, number> {
  let left = total;
  return Object.fromEntries(
    Object.entries(ITEM_MAXIMA).map(([id, max]) => {
      const value = Math.min(max, left);
      left -= value;
      return [id, value];
    }),
  );
}

describe('Barthel Index (0-20)', () => {
  it('has the ten items of Collin et al. 1988, each from 0 to its published maximum', () => {
    expect(Object.fromEntries(BARTHEL.items.map((item) => [item.id, item.options.map((option) => option.value)]))).toEqual(
      Object.fromEntries(Object.entries(ITEM_MAXIMA).map(([id, max]) => [id, Array.from({ length: max + 1 }, (_, value) => value)])),
    );
    expect(Object.values(ITEM_MAXIMA).reduce((sum, max) => sum + max, 0)).toBe(20);
  });

  it('scores 0 to 20 and times five for 0 to 100', () => {
    expect(scoreBarthel(NONE)).toEqual({
      instrument: 'barthel',
      scores: [
        { key: 'total', label: 'Barthel Index (out of 20)', value: 0, min: 0, max: 20, band: { code: 'total_dependency', label: 'Total dependency' } },
        { key: 'total_100', label: 'Barthel Index (out of 100)', value: 0, min: 0, max: 100, band: { code: 'total_dependency', label: 'Total dependency' } },
      ],
      band: { code: 'total_dependency', label: 'Total dependency' },
      flags: [],
    });
    const best = scoreBarthel(ITEM_MAXIMA);
    expect(best.scores.map((score) => score.value)).toEqual([20, 100]);
    expect(best.band).toEqual({ code: 'independent', label: 'Independent' });
  });

  it('reads the 0-100 figure by Shah et al. 1989, each boundary from both sides', () => {
    // On the 0-20 version the 0-100 figure moves in fives: 20|25, 60|65, 90|95, 95|100.
    const expected: Record<number, string> = {
      4: 'total_dependency',
      5: 'severe_dependency',
      12: 'severe_dependency',
      13: 'moderate_dependency',
      18: 'moderate_dependency',
      19: 'slight_dependency',
      20: 'independent',
    };
    for (const [total, code] of Object.entries(expected)) {
      const result = scoreBarthel(answersTotalling(Number(total)));
      expect(result.scores[1]!.value).toBe(Number(total) * 5);
      expect(result.band!.code, `total ${total}`).toBe(code);
    }
  });

  it('refuses a transfer of 4 or grooming of 2, naming the item', () => {
    expect(() => scoreBarthel({ ...NONE, transfer: 4 })).toThrow(/^answers\.transfer: Must be a whole number from 0 to 3$/);
    expect(() => scoreBarthel({ ...NONE, grooming: 2 })).toThrow(/^answers\.grooming: Must be a whole number from 0 to 1$/);
    const { stairs: _stairs, ...withoutStairs } = NONE;
    expect(() => scoreBarthel(withoutStairs)).toThrow(/^answers\.stairs: Needs an answer/);
  });
});
