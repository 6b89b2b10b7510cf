import { describe, expect, it } from 'vitest';
import { ONS4, scoreOns4 } from './ons4.js';

const all = (value: number) => ({ life_satisfaction: value, worthwhile: value, happiness: value, anxiety: value });
const bandsAt = (value: number) => Object.fromEntries(scoreOns4(all(value)).scores.map((score) => [score.key, score.band!.code]));

describe('ONS4 personal well-being', () => {
  it('asks the four ONS questions, each 0 to 10', () => {
    expect(ONS4.items.map((item) => item.id)).toEqual(['life_satisfaction', 'worthwhile', 'happiness', 'anxiety']);
    expect(ONS4.items[0]!.text).toBe('Overall, how satisfied are you with your life nowadays?');
    for (const item of ONS4.items) expect(item.options.map((option) => option.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('reads each question on its own, with no total and no headline band', () => {
    const result = scoreOns4({ life_satisfaction: 7, worthwhile: 8, happiness: 6, anxiety: 2 });
    expect(result.band).toBeNull();
    expect(result.scores).toEqual([
      { key: 'life_satisfaction', label: 'Life satisfaction', value: 7, min: 0, max: 10, band: { code: 'high', label: 'High' } },
      { key: 'worthwhile', label: 'Worthwhile', value: 8, min: 0, max: 10, band: { code: 'high', label: 'High' } },
      { key: 'happiness', label: 'Happiness', value: 6, min: 0, max: 10, band: { code: 'medium', label: 'Medium' } },
      { key: 'anxiety', label: 'Anxiety', value: 2, min: 0, max: 10, band: { code: 'low', label: 'Low' } },
    ]);
  });

  it('bands life satisfaction, worthwhile and happiness 0-4 low, 5-6 medium, 7-8 high, 9-10 very high', () => {
    const expected: Record<number, string> = { 0: 'low', 4: 'low', 5: 'medium', 6: 'medium', 7: 'high', 8: 'high', 9: 'very_high', 10: 'very_high' };
    for (const [value, code] of Object.entries(expected)) {
      const bands = bandsAt(Number(value));
      expect([bands.life_satisfaction, bands.worthwhile, bands.happiness], `at ${value}`).toEqual([code, code, code]);
    }
  });

  it('bands anxiety the other way: 0-1 very low, 2-3 low, 4-5 medium, 6-10 high', () => {
    const expected: Record<number, string> = { 0: 'very_low', 1: 'very_low', 2: 'low', 3: 'low', 4: 'medium', 5: 'medium', 6: 'high', 10: 'high' };
    for (const [value, code] of Object.entries(expected)) expect(bandsAt(Number(value)).anxiety, `at ${value}`).toBe(code);
  });

  it('refuses 11, -1 and 7.5, naming the question', () => {
    expect(() => scoreOns4({ ...all(5), anxiety: 11 })).toThrow(/^answers\.anxiety: Must be a whole number from 0 to 10$/);
    expect(() => scoreOns4({ ...all(5), worthwhile: -1 })).toThrow(/^answers\.worthwhile:/);
    expect(() => scoreOns4({ ...all(5), happiness: 7.5 })).toThrow(/^answers\.happiness:/);
  });
});
