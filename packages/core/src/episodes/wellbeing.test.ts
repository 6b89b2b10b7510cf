import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { compareEpisodeWellbeing, compareWellbeing } from './wellbeing.js';

function fieldOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error.problems[0]?.field;
    throw error;
  }
  return undefined;
}

describe('wellbeing at the start and end of an episode', () => {
  it('calls a higher SWEMWBS score better, to two decimal places', () => {
    expect(compareWellbeing('swemwbs', 19.98, 23.21)).toEqual({
      measure: 'swemwbs',
      start: 19.98,
      end: 23.21,
      change: 3.23,
      direction: 'better',
      meaningful: true,
      words: 'Wellbeing (SWEMWBS) rose from 19.98 to 23.21 (up 3.23): better, as a higher score means better wellbeing (a meaningful change)',
    });
    expect(compareWellbeing('swemwbs', 25, 21.54)).toMatchObject({ change: -3.46, direction: 'worse', meaningful: true });
  });

  it('says whether a SWEMWBS change reaches the published meaningful change of 2.87, and claims none for UCLA-3', () => {
    expect(compareWellbeing('swemwbs', 20, 22.87)).toMatchObject({ change: 2.87, meaningful: true });
    expect(compareWellbeing('swemwbs', 20, 22.86)).toMatchObject({ change: 2.86, direction: 'better', meaningful: false });
    expect(compareWellbeing('swemwbs', 20, 22.86).words).toMatch(/less than a meaningful change\)$/);
    expect(compareWellbeing('ucla3', 8, 5).meaningful).toBeNull();
  });

  it('calls a lower UCLA-3 score better: less lonely', () => {
    expect(compareWellbeing('ucla3', 8, 5)).toMatchObject({
      change: -3,
      direction: 'better',
      words: 'Loneliness (UCLA-3) fell from 8 to 5 (down 3): better, as a lower score means less lonely',
    });
    expect(compareWellbeing('ucla3', 4, 6).direction).toBe('worse');
    expect(compareWellbeing('ucla3', 6, 6)).toMatchObject({ change: 0, direction: 'no_change', words: 'Loneliness (UCLA-3) stayed at 6: no change' });
  });

  it('refuses a score out of range, naming start or end', () => {
    expect(fieldOf(() => compareWellbeing('swemwbs', 6.9, 20))).toBe('start');
    expect(fieldOf(() => compareWellbeing('swemwbs', 20, 35.01))).toBe('end');
    expect(fieldOf(() => compareWellbeing('ucla3', 3, 10))).toBe('end');
    expect(fieldOf(() => compareWellbeing('ucla3', 4.5, 5))).toBe('start');
    expect(fieldOf(() => compareWellbeing('swemwbs', Number.NaN, 20))).toBe('start');
    expect(fieldOf(() => compareWellbeing('ucla3', 3, 9))).toBeUndefined();
  });

  it('compares only the measures scored at both ends', () => {
    const compared = compareEpisodeWellbeing({ swemwbs: 17.43, ucla3: 7 }, { swemwbs: 20.73, ucla3: null });
    expect(compared.map((c) => [c.measure, c.direction])).toEqual([['swemwbs', 'better']]);
    expect(compareEpisodeWellbeing({}, { ucla3: 5 })).toEqual([]);
  });
});
