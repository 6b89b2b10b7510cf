import { describe, expect, it } from 'vitest';
import { GAD7, PHQ9, scoreGad7, scorePhq9 } from './phq.js';

/** `count` answers adding up to `total`, each 0 to 3, with item 9 (if any) left at `last`. */
function answersTotalling(count: number, total: number, last = 0): Record<string, number> {
  let left = total - last;
  const answers: Record<string, number> = {};
  for (let index = 1; index < count; index += 1) {
    answers[`item${index}`] = Math.min(3, left);
    left -= answers[`item${index}`]!;
  }
  answers[`item${count}`] = last + left;
  return answers;
}

describe('PHQ-9', () => {
  it('has nine items answered 0 to 3 over the last two weeks', () => {
    expect(PHQ9.items).toHaveLength(9);
    expect(PHQ9.instructions).toBe('Over the last 2 weeks, how often have you been bothered by any of the following problems?');
    expect(PHQ9.items[0]!.options.map((option) => option.label)).toEqual(['Not at all', 'Several days', 'More than half the days', 'Nearly every day']);
  });

  it('totals 0 to 27', () => {
    expect(scorePhq9(answersTotalling(9, 0))).toEqual({
      instrument: 'phq9',
      scores: [{ key: 'total', label: 'Depression severity', value: 0, min: 0, max: 27, band: { code: 'none_minimal', label: 'None or minimal depression' } }],
      band: { code: 'none_minimal', label: 'None or minimal depression' },
      flags: [],
    });
    expect(scorePhq9(answersTotalling(9, 27, 3)).scores[0]!.value).toBe(27);
  });

  it('bands 0-4, 5-9, 10-14, 15-19 and 20-27 (Kroenke et al. 2001), each boundary from both sides', () => {
    const expected: Record<number, string> = {
      0: 'none_minimal',
      4: 'none_minimal',
      5: 'mild',
      9: 'mild',
      10: 'moderate',
      14: 'moderate',
      15: 'moderately_severe',
      19: 'moderately_severe',
      20: 'severe',
      27: 'severe',
    };
    for (const [total, code] of Object.entries(expected)) {
      const result = scorePhq9(answersTotalling(9, Number(total), Number(total) === 27 ? 3 : 0));
      expect(result.scores[0]!.value).toBe(Number(total));
      expect(result.band!.code, `total ${total}`).toBe(code);
    }
  });

  it('flags any answer above 0 to item 9 for a same-day clinical review, however low the total', () => {
    for (const item9 of [1, 2, 3]) {
      const result = scorePhq9(answersTotalling(9, item9, item9));
      expect(result.band!.code).toBe('none_minimal');
      expect(result.flags).toEqual([
        {
          code: 'same_day_clinical_review',
          message: 'Answered above 0 to thoughts of being better off dead or of self-harm (PHQ-9 item 9): needs a clinical review today',
        },
      ]);
    }
    expect(scorePhq9(answersTotalling(9, 24, 0)).flags).toEqual([]);
  });

  it('names the item that is missing or out of range', () => {
    const { item9: _item9, ...withoutItem9 } = answersTotalling(9, 0);
    expect(() => scorePhq9(withoutItem9)).toThrow(/^answers\.item9: Needs an answer: a whole number from 0 to 3$/);
    expect(() => scorePhq9({ ...answersTotalling(9, 0), item3: 4 })).toThrow(/^answers\.item3: Must be a whole number from 0 to 3$/);
  });
});

describe('GAD-7', () => {
  it('has seven items answered 0 to 3', () => {
    expect(GAD7.items).toHaveLength(7);
    expect(GAD7.items[0]!.text).toBe('Feeling nervous, anxious or on edge');
  });

  it('totals 0 to 21 and bands 0-4, 5-9, 10-14, 15-21 (Spitzer et al. 2006), each boundary from both sides', () => {
    const expected: Record<number, string> = { 0: 'minimal', 4: 'minimal', 5: 'mild', 9: 'mild', 10: 'moderate', 14: 'moderate', 15: 'severe', 21: 'severe' };
    for (const [total, code] of Object.entries(expected)) {
      const result = scoreGad7(answersTotalling(7, Number(total), Number(total) === 21 ? 3 : 0));
      expect(result.scores[0]).toMatchObject({ key: 'total', value: Number(total), min: 0, max: 21 });
      expect(result.band!.code, `total ${total}`).toBe(code);
      expect(result.flags).toEqual([]);
    }
    expect(scoreGad7(answersTotalling(7, 15)).band).toEqual({ code: 'severe', label: 'Severe anxiety' });
  });
});
