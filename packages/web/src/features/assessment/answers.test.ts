import { ASSESSMENT_SECTIONS } from '@kith/core';
import { describe, expect, it } from 'vitest';
import { answerInWords, answersFromForm, fieldId } from './answers';

const mobility = ASSESSMENT_SECTIONS.find((s) => s.id === 'mobility_and_falls')!;

function form(values: Record<string, string>): FormData {
  const data = new FormData();
  for (const [question, value] of Object.entries(values)) data.set(fieldId(question), value);
  return data;
}

describe('reading an assessment section form', () => {
  it('sends what was given, yes/no as booleans and whole numbers as numbers', () => {
    expect(answersFromForm(form({ walking: 'aid', falls_last_year: '2', fear_of_falling: 'yes' }), mobility.questions, {})).toEqual({
      walking: 'aid',
      falls_last_year: 2,
      fear_of_falling: true,
    });
  });

  it('clears an answer given before and now left empty, and leaves out one never given', () => {
    expect(answersFromForm(form({ notes: ' ' }), mobility.questions, { notes: {} })).toEqual({ notes: null });
    expect(answersFromForm(form({}), mobility.questions, {})).toEqual({});
  });

  it('sends a number it cannot read as typed, so the server names the problem', () => {
    expect(answersFromForm(form({ falls_last_year: 'two' }), mobility.questions, {})).toEqual({ falls_last_year: 'two' });
  });

  it('says an answer in words', () => {
    const [walking, falls, fear] = mobility.questions;
    expect(answerInWords(walking!, 'aid')).toBe('Walks with a stick or frame');
    expect(answerInWords(falls!, 3)).toBe('3 falls');
    expect(answerInWords(fear!, false)).toBe('No');
  });
});
