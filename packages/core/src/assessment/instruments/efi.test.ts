import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../test/domain-problems.js';
import { EFI, EFI_DEFICIT_CODES, EFI_DEFICIT_COUNT, efiBand, scoreEfi } from './efi.js';

const first = (count: number) => ({ deficits: EFI_DEFICIT_CODES.slice(0, count) });


describe('electronic Frailty Index', () => {
  it('lists the 36 deficits of Clegg et al. 2016, each with a distinct stable code', () => {
    expect(EFI_DEFICIT_COUNT).toBe(36);
    expect(new Set(EFI_DEFICIT_CODES).size).toBe(36);
    expect(EFI.entries[0]).toEqual({ id: 'activity_limitation', text: 'Activity limitation' });
    expect(EFI.entries.at(-1)).toEqual({ id: 'weight_loss_anorexia', text: 'Weight loss and anorexia' });
    for (const code of EFI_DEFICIT_CODES) expect(code).toMatch(/^[a-z]+(_[a-z]+)*$/);
  });

  it('scores no deficits as 0, fit', () => {
    expect(scoreEfi({ deficits: [] })).toEqual({
      instrument: 'efi',
      scores: [
        { key: 'index', label: 'electronic Frailty Index', value: 0, min: 0, max: 1, band: { code: 'fit', label: 'Fit' } },
        { key: 'deficits', label: 'Deficits present (of 36)', value: 0, min: 0, max: 36, band: { code: 'fit', label: 'Fit' } },
      ],
      band: { code: 'fit', label: 'Fit' },
      flags: [],
    });
  });

  it('scores one deficit as 1/36', () => {
    expect(scoreEfi(first(1)).scores[0]!.value).toBe(1 / 36);
    expect(scoreEfi(first(1)).band!.code).toBe('fit');
  });

  it('puts 4 deficits in fit and 5 in mild: 0.12 x 36 = 4.32', () => {
    expect(scoreEfi(first(4)).band!.code).toBe('fit');
    expect(scoreEfi(first(5)).band).toEqual({ code: 'mild', label: 'Mild frailty' });
    expect(4 / 36).toBeLessThanOrEqual(0.12);
    expect(5 / 36).toBeGreaterThan(0.12);
  });

  it('puts 8 in mild and 9 in moderate (0.24 x 36 = 8.64), 12 in moderate and 13 in severe (0.36 x 36 = 12.96)', () => {
    expect([8, 9, 12, 13].map((count) => scoreEfi(first(count)).band!.code)).toEqual(['mild', 'moderate', 'moderate', 'severe']);
  });

  it('matches the published worked example: 9 deficits of 36 score 0.25', () => {
    const result = scoreEfi(first(9));
    expect(result.scores[0]!.value).toBe(0.25);
    expect(result.band).toEqual({ code: 'moderate', label: 'Moderate frailty' });
  });

  it('scores all 36 deficits as 1, severe', () => {
    const result = scoreEfi(first(36));
    expect(result.scores.map((score) => score.value)).toEqual([1, 36]);
    expect(result.band!.code).toBe('severe');
  });

  it('bands every count 0 to 36 the same as the published fractions', () => {
    for (let count = 0; count <= 36; count += 1) {
      const index = count / 36;
      const expected = index <= 0.12 ? 'fit' : index <= 0.24 ? 'mild' : index <= 0.36 ? 'moderate' : 'severe';
      expect(efiBand(count).code, `${count} deficits`).toBe(expected);
    }
  });

  it('does not depend on the order the deficits are listed in', () => {
    expect(scoreEfi({ deficits: ['falls', 'diabetes'] })).toEqual(scoreEfi({ deficits: ['diabetes', 'falls'] }));
  });

  it('refuses an unknown code or one given twice, naming its place in the list', () => {
    expect(problemOf(() => scoreEfi({ deficits: ['falls', 'frailty'] }))).toEqual({ field: 'answers.deficits[1]', reason: 'Not a code of this instrument' });
    expect(problemOf(() => scoreEfi({ deficits: ['falls', 'diabetes', 'falls'] }))).toEqual({ field: 'answers.deficits[2]', reason: 'Given twice: falls' });
    expect(problemOf(() => scoreEfi({ deficits: [7] }))!.field).toBe('answers.deficits[0]');
  });

  it('refuses answers that are not a list of deficits', () => {
    expect(problemOf(() => scoreEfi(['falls']))!.field).toBe('answers');
    expect(problemOf(() => scoreEfi({}))!.field).toBe('answers.deficits');
    expect(problemOf(() => scoreEfi({ deficits: 'falls' }))!.field).toBe('answers.deficits');
    expect(problemOf(() => scoreEfi({ deficits: [], falls: true }))!.field).toBe('answers.falls');
  });
});
