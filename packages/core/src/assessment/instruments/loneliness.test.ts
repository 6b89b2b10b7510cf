import { describe, expect, it } from 'vitest';
import { problemOf } from '../../../test/domain-problems.js';
import { ONS_LONELINESS, scoreOnsLoneliness, scoreUcla3, UCLA3 } from './loneliness.js';

const ucla = (item1: number, item2: number, item3: number) => scoreUcla3({ item1, item2, item3 });


describe('UCLA three-item loneliness scale', () => {
  it('asks the ONS wording with hardly ever or never 1, some of the time 2, often 3', () => {
    expect(UCLA3.items.map((item) => item.text)).toEqual([
      'How often do you feel that you lack companionship?',
      'How often do you feel left out?',
      'How often do you feel isolated from others?',
    ]);
    expect(UCLA3.items[0]!.options).toEqual([
      { value: 1, label: 'Hardly ever or never' },
      { value: 2, label: 'Some of the time' },
      { value: 3, label: 'Often' },
    ]);
  });

  it('totals 3 at least and 9 at most', () => {
    expect(ucla(1, 1, 1)).toEqual({
      instrument: 'ucla3',
      scores: [{ key: 'total', label: 'Loneliness (higher is lonelier)', value: 3, min: 3, max: 9, band: { code: 'not_lonely', label: 'Not lonely' } }],
      band: { code: 'not_lonely', label: 'Not lonely' },
      flags: [],
    });
    expect(ucla(3, 3, 3).scores[0]!.value).toBe(9);
    expect(ucla(3, 3, 3).band).toEqual({ code: 'lonely', label: 'Lonely' });
  });

  it('reads 5 as not lonely and 6 as lonely', () => {
    expect(ucla(1, 2, 2).band!.code).toBe('not_lonely');
    expect(ucla(2, 2, 2).band!.code).toBe('lonely');
    expect(ucla(3, 2, 1).band!.code).toBe('lonely');
  });

  it('names the question whose answer is missing or impossible', () => {
    expect(problemOf(() => scoreUcla3({ item1: 1, item2: 2 }))).toEqual({ field: 'answers.item3', reason: 'Needs an answer: a whole number from 1 to 3' });
    expect(problemOf(() => scoreUcla3({ item1: 0, item2: 2, item3: 2 }))).toEqual({ field: 'answers.item1', reason: 'Must be a whole number from 1 to 3' });
    expect(problemOf(() => scoreUcla3({ item1: 1, item2: 2, item3: 2, item4: 1 }))!.field).toBe('answers.item4');
  });
});

describe('ONS direct question on loneliness', () => {
  it('offers the five ONS answers in their order', () => {
    expect(ONS_LONELINESS.items).toHaveLength(1);
    expect(ONS_LONELINESS.items[0]!.options.map((option) => option.label)).toEqual([
      'Often or always',
      'Some of the time',
      'Occasionally',
      'Hardly ever',
      'Never',
    ]);
  });

  it('reads each answer as its category, with no total', () => {
    const codes = [1, 2, 3, 4, 5].map((value) => scoreOnsLoneliness({ how_often_lonely: value }));
    expect(codes.map((result) => result.band!.code)).toEqual(['often_always', 'some_of_the_time', 'occasionally', 'hardly_ever', 'never']);
    for (const result of codes) expect(result.scores).toEqual([]);
  });

  it('flags often or always, and nothing else, as chronic loneliness', () => {
    expect(scoreOnsLoneliness({ how_often_lonely: 1 }).flags.map((flag) => flag.code)).toEqual(['chronic_loneliness']);
    for (const value of [2, 3, 4, 5]) expect(scoreOnsLoneliness({ how_often_lonely: value }).flags).toEqual([]);
  });

  it('refuses an answer that is not one of the five, naming it', () => {
    for (const bad of [0, 6, 2.5, '1', null]) expect(problemOf(() => scoreOnsLoneliness({ how_often_lonely: bad }))!.field).toBe('answers.how_often_lonely');
  });
});
