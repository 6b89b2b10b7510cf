import { describe, expect, it } from 'vitest';
import { CFS, scoreCfs } from './cfs.js';

/** Rockwood and Theou 2020, CFS version 2.0. */
const VERSION_2_NAMES = [
  'Very Fit',
  'Fit',
  'Managing Well',
  'Living with Very Mild Frailty',
  'Living with Mild Frailty',
  'Living with Moderate Frailty',
  'Living with Severe Frailty',
  'Living with Very Severe Frailty',
  'Terminally Ill',
];

describe('Clinical Frailty Scale 2.0', () => {
  it('offers the nine levels by their version 2.0 names, each with a short description', () => {
    const options = CFS.items[0]!.options;
    expect(options.map((option) => [option.value, option.label])).toEqual(VERSION_2_NAMES.map((name, index) => [index + 1, name]));
    for (const option of options) expect(option.description!.length).toBeGreaterThan(20);
  });

  it('gives the chosen level and its name', () => {
    expect(scoreCfs({ level: 1 })).toEqual({
      instrument: 'cfs',
      scores: [{ key: 'level', label: 'Clinical Frailty Scale level', value: 1, min: 1, max: 9, band: { code: 'very_fit', label: 'Very Fit' } }],
      band: { code: 'very_fit', label: 'Very Fit' },
      flags: [],
    });
    expect(scoreCfs({ level: 5 }).band).toEqual({ code: 'living_with_mild_frailty', label: 'Living with Mild Frailty' });
    expect(scoreCfs({ level: 9 }).band).toEqual({ code: 'terminally_ill', label: 'Terminally Ill' });
    const codes = VERSION_2_NAMES.map((_, index) => scoreCfs({ level: index + 1 }).band!.code);
    expect(new Set(codes).size).toBe(9);
  });

  it('refuses 0, 10, 4.5 and a missing level, naming answers.level', () => {
    for (const level of [0, 10, 4.5]) expect(() => scoreCfs({ level }), String(level)).toThrow(/^answers\.level: Must be a whole number from 1 to 9$/);
    expect(() => scoreCfs({})).toThrow(/^answers\.level: Needs an answer/);
  });
});
