import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.js';
import { compareSwemwbs, scoreSwemwbs, swemwbsMetric, SWEMWBS, SWEMWBS_MEANINGFUL_CHANGE } from './swemwbs.js';

/** Seven answers, each 1 to 5, adding up to `raw`. */
function answersTotalling(raw: number): Record<string, number> {
  let left = raw - 7;
  return Object.fromEntries(
    SWEMWBS.items.map((item) => {
      const extra = Math.min(4, left);
      left -= extra;
      return [item.id, 1 + extra];
    }),
  );
}

function fieldOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error.problems[0]?.field;
    throw error;
  }
  return undefined;
}

/** Warwick Medical School's published SWEMWBS conversion table, raw total to metric score. */
const PUBLISHED_TABLE: ReadonlyArray<[number, number]> = [
  [7, 7.0], [8, 9.51], [9, 11.25], [10, 12.4], [11, 13.33], [12, 14.08], [13, 14.75], [14, 15.32], [15, 15.84], [16, 16.36],
  [17, 16.88], [18, 17.43], [19, 17.98], [20, 18.59], [21, 19.25], [22, 19.98], [23, 20.73], [24, 21.54], [25, 22.35],
  [26, 23.21], [27, 24.11], [28, 25.03], [29, 26.02], [30, 27.03], [31, 28.13], [32, 29.31], [33, 30.7], [34, 32.55], [35, 35.0],
];

describe('SWEMWBS', () => {
  it('has seven items, each answered 1 to 5', () => {
    expect(SWEMWBS.items.map((item) => item.id)).toEqual(['item1', 'item2', 'item3', 'item4', 'item5', 'item6', 'item7']);
    for (const item of SWEMWBS.items) expect(item.options.map((option) => option.value)).toEqual([1, 2, 3, 4, 5]);
  });

  it('converts every one of the 29 raw totals with the published table', () => {
    expect(PUBLISHED_TABLE).toHaveLength(29);
    for (const [raw, metric] of PUBLISHED_TABLE) {
      expect(swemwbsMetric(raw), `raw ${raw}`).toBe(metric);
      const result = scoreSwemwbs(answersTotalling(raw));
      expect(result.scores.map((score) => [score.key, score.value])).toEqual([
        ['metric', metric],
        ['raw', raw],
      ]);
    }
  });

  it('scores the lowest and highest answers at 7 and 35, with no band', () => {
    expect(scoreSwemwbs(answersTotalling(7))).toMatchObject({ instrument: 'swemwbs', band: null, flags: [], scores: [{ value: 7 }, { value: 7 }] });
    expect(scoreSwemwbs(answersTotalling(35)).scores[0]!.value).toBe(35);
  });

  it('refuses a raw total outside 7 to 35 or not whole', () => {
    for (const raw of [6, 36, 20.5, Number.NaN]) expect(fieldOf(() => swemwbsMetric(raw)), String(raw)).toBe('raw');
  });
});

describe('comparing a start and an end SWEMWBS', () => {
  it('gives the difference in metric points, end minus start', () => {
    expect(compareSwemwbs(20, 24)).toEqual({
      startMetric: 18.59,
      endMetric: 21.54,
      difference: 2.95,
      meaningful: true,
      direction: 'improved',
      threshold: SWEMWBS_MEANINGFUL_CHANGE,
      label: 'Wellbeing improved by a meaningful amount',
    });
    expect(compareSwemwbs(24, 20)).toMatchObject({ difference: -2.95, meaningful: true, direction: 'worsened' });
    expect(compareSwemwbs(22, 22)).toMatchObject({ difference: 0, meaningful: false, direction: 'no_meaningful_change' });
  });

  it('calls a change meaningful at 2.87 metric points or more (Shah et al. 2018), either way', () => {
    expect(SWEMWBS_MEANINGFUL_CHANGE).toBe(2.87);
    // No two table values differ by exactly 2.87; these are the nearest either side.
    expect(compareSwemwbs(9, 12)).toMatchObject({ difference: 2.83, meaningful: false, direction: 'no_meaningful_change' });
    expect(compareSwemwbs(8, 10)).toMatchObject({ difference: 2.89, meaningful: true, direction: 'improved' });
    expect(compareSwemwbs(21, 16)).toMatchObject({ difference: -2.89, meaningful: true, direction: 'worsened' });
    expect(compareSwemwbs(12, 9)).toMatchObject({ difference: -2.83, meaningful: false });
  });

  it('compares converted scores, not raw totals: the same raw step means more at the ends of the scale', () => {
    expect(compareSwemwbs(33, 35).difference).toBe(4.3);
    expect(compareSwemwbs(20, 22).difference).toBe(1.39);
  });

  it('names the start or the end when either is not a raw total', () => {
    expect(fieldOf(() => compareSwemwbs(6, 20))).toBe('start');
    expect(fieldOf(() => compareSwemwbs(20, 35.5))).toBe('end');
  });
});
