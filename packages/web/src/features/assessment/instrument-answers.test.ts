import { INSTRUMENTS, scoreInstrument } from '@kith/core';
import { describe, expect, it } from 'vitest';
import { CHECKLIST_NAME, episodeMomentOf, instrumentFieldIds, instrumentPath, questionFieldId, readInstrumentForm } from './instrument-answers';
import { formatScore, latestResults, resultInWords, scoreText } from './instrument-words';

const form = (values: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const one of [value].flat()) data.append(key, one);
  return data;
};
const EPISODE = '0190a1b2-0000-7000-8000-000000000001';

describe('reading an instrument form', () => {
  it('sends each chosen option as its number, in a shape the scorer accepts', () => {
    const read = readInstrumentForm(INSTRUMENTS.ucla3, form({ [questionFieldId('item1')]: '1', [questionFieldId('item2')]: '2', [questionFieldId('item3')]: '3' }));
    const ids = INSTRUMENTS.ucla3.kind === 'questions' ? INSTRUMENTS.ucla3.items.map((i) => i.id) : [];
    expect(Object.keys(read.answers ?? {})).toEqual(ids);
    expect(() => scoreInstrument('ucla3', read.answers)).not.toThrow();
  });

  it('names every unanswered question', () => {
    const read = readInstrumentForm(INSTRUMENTS.phq9, form({ [questionFieldId('item1')]: '0' }));
    expect(read.problems).toHaveLength(8);
    expect(read.problems?.[0]).toEqual({ fieldId: 'instrument-item2', message: 'Choose an answer to question 2' });
    expect(readInstrumentForm(INSTRUMENTS.cfs, form({})).problems).toEqual([{ fieldId: 'instrument-level', message: 'Choose an answer' }]);
  });

  it('sends the eFI deficits ticked, none as an empty list', () => {
    expect(readInstrumentForm(INSTRUMENTS.efi, form({ [CHECKLIST_NAME]: ['falls', 'arthritis'] })).answers).toEqual({ deficits: ['arthritis', 'falls'] });
    expect(readInstrumentForm(INSTRUMENTS.efi, form({})).answers).toEqual({ deficits: [] });
  });

  it('links the API fields to the inputs', () => {
    expect(instrumentFieldIds(INSTRUMENTS.phq9)['answers.item9']).toBe('instrument-item9');
    expect(instrumentFieldIds(INSTRUMENTS.efi, { deficits: ['falls'] })['answers.deficits[0]']).toBe('instrument-entry-falls');
  });
});

describe('the episode an instrument measures', () => {
  it('takes an episode id and a start or end, and nothing else', () => {
    expect(episodeMomentOf(new URLSearchParams(`episodeId=${EPISODE}&moment=start`))).toEqual({ episodeId: EPISODE, moment: 'start' });
    expect(episodeMomentOf(new URLSearchParams(`episodeId=${EPISODE}&moment=middle`))).toEqual({ episodeId: EPISODE });
    expect(episodeMomentOf(new URLSearchParams('episodeId=nonsense&moment=end'))).toBeUndefined();
  });

  it('links to the form with the episode and moment', () => {
    expect(instrumentPath('p1', 'swemwbs', { episodeId: EPISODE, moment: 'end' })).toBe(`/people/p1/assessment/instruments/swemwbs?episodeId=${EPISODE}&moment=end`);
    expect(instrumentPath('p1', 'efi')).toBe('/people/p1/assessment/instruments/efi');
  });
});

describe('results in words', () => {
  it('says the headline score and its reading', () => {
    const phq9 = scoreInstrument('phq9', { item1: 3, item2: 3, item3: 2, item4: 2, item5: 1, item6: 1, item7: 1, item8: 0, item9: 1 });
    expect(resultInWords(phq9)).toBe('14: Moderate depression');
    expect(scoreText(phq9.scores[0]!)).toBe('14, on a scale from 0 to 27: Moderate depression');
    expect(phq9.flags.map((f) => f.code)).toEqual(['same_day_clinical_review']);
    expect(resultInWords(scoreInstrument('efi', { deficits: ['falls', 'arthritis', 'diabetes', 'dizziness', 'housebound'] }))).toBe('0.14: Mild frailty');
  });

  it('shows decimals only where the score has them', () => {
    expect(formatScore(21)).toBe('21');
    expect(formatScore(21.536)).toBe('21.54');
  });

  it('keeps the newest result of each instrument', () => {
    const results = [
      { id: 'new', instrument: 'ucla3' },
      { id: 'old', instrument: 'ucla3' },
      { id: 'efi', instrument: 'efi' },
    ] as unknown as Parameters<typeof latestResults>[0];
    expect([...latestResults(results).values()].map((r) => r.id)).toEqual(['new', 'efi']);
  });
});
