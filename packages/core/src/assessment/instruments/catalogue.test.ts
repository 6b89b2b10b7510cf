import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../test/domain-problems.js';
import { DomainError } from '../../errors.js';
import { INSTRUMENT_CODES, INSTRUMENTS, instrumentOf, instrumentSubmissionSchema, scoreInstrument } from './index.js';


describe('the instrument catalogue', () => {
  it('holds every instrument under its own stable code', () => {
    expect(INSTRUMENT_CODES).toEqual(['swemwbs', 'ucla3', 'ons_loneliness', 'ons4', 'barthel', 'phq9', 'gad7', 'cfs', 'efi']);
    expect(Object.keys(INSTRUMENTS)).toEqual([...INSTRUMENT_CODES]);
    for (const code of INSTRUMENT_CODES) expect(INSTRUMENTS[code].code).toBe(code);
  });

  it('gives each a title, a source, a licence note and instructions', () => {
    for (const instrument of Object.values(INSTRUMENTS)) {
      for (const text of [instrument.title, instrument.shortTitle, instrument.source, instrument.licence, instrument.instructions]) {
        expect(text.trim().length, instrument.code).toBeGreaterThan(1);
      }
      expect(['published', 'paraphrased']).toContain(instrument.wording);
    }
  });

  it('gives each question distinct ids and whole-number options in a run, each labelled', () => {
    for (const instrument of Object.values(INSTRUMENTS)) {
      if (instrument.kind !== 'questions') continue;
      const ids = instrument.items.map((item) => item.id);
      expect(new Set(ids).size, instrument.code).toBe(ids.length);
      for (const item of instrument.items) {
        const values = item.options.map((option) => option.value);
        expect(values, `${instrument.code}.${item.id}`).toEqual(values.map((_, index) => values[0]! + index));
        for (const option of item.options) expect(option.label.length).toBeGreaterThan(0);
      }
    }
  });

  it('marks the licensed or copyrighted wording as paraphrased', () => {
    const paraphrased = INSTRUMENT_CODES.filter((code) => INSTRUMENTS[code].wording === 'paraphrased');
    expect(paraphrased).toEqual(['swemwbs', 'barthel', 'cfs']);
  });
});

describe('scoring any instrument by its code', () => {
  it('scores each instrument through the one entry point', () => {
    const ones = Object.fromEntries(Array.from({ length: 9 }, (_, index) => [`item${index + 1}`, 1]));
    expect(scoreInstrument('phq9', ones)).toMatchObject({ instrument: 'phq9', scores: [{ value: 9 }], band: { code: 'mild' } });
    expect(scoreInstrument('cfs', { level: 4 }).band!.code).toBe('living_with_very_mild_frailty');
    expect(scoreInstrument('efi', { deficits: ['falls'] }).instrument).toBe('efi');
  });

  it('refuses an unknown instrument with the field instrument', () => {
    for (const code of ['phq-9', 'PHQ9', '', 'toString', '__proto__']) {
      expect(problemOf(() => scoreInstrument(code, {})), code).toEqual({
        field: 'instrument',
        reason: 'Not a known instrument; use one of swemwbs, ucla3, ons_loneliness, ons4, barthel, phq9, gad7, cfs, efi',
      });
    }
    expect(() => instrumentOf('barthel2')).toThrow(/^instrument:/);
    expect(instrumentOf('gad7').shortTitle).toBe('GAD-7');
  });

  it('refuses answers that are not an object with the field answers', () => {
    for (const answers of [null, undefined, 3, 'item1=1', [1, 2, 3]]) {
      expect(problemOf(() => scoreInstrument('ucla3', answers))!.field).toBe('answers');
    }
  });

  it('refuses an answer to a question the instrument does not have', () => {
    expect(problemOf(() => scoreInstrument('cfs', { level: 3, notes: 'x' }))).toEqual({ field: 'answers.notes', reason: 'Not a question of this instrument' });
  });

  it('throws DomainErrors the server maps to 400', () => {
    let caught: unknown;
    try {
      scoreInstrument('gad7', {});
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(DomainError);
    expect((caught as DomainError).code).toBe('invalid');
  });
});

describe('the submission schema', () => {
  it('takes a known instrument and any answers, to be checked by scoring', () => {
    expect(instrumentSubmissionSchema.parse({ instrument: 'ons4', answers: { anxiety: 3 } })).toEqual({ instrument: 'ons4', answers: { anxiety: 3 } });
    const bad = instrumentSubmissionSchema.safeParse({ instrument: 'phq-9', answers: {} });
    expect(bad.error!.issues[0]).toMatchObject({ path: ['instrument'], message: expect.stringMatching(/^Not a known instrument/) });
  });
});
