import { describe, expect, it } from 'vitest';
import type { MyLifePlanContent, PlanAuthor, Statement } from './content.js';
import { attributionInWords, printablePlan } from './printable.js';

const sam: PlanAuthor = { kind: 'staff', staffId: '7b5c3c1e-1f0a-4a57-9d7e-1b2c3d4e5f60', name: 'Sam Patel', role: 'coordinator' };
const statement = (text: string, personsOwnWords: boolean, writtenBy: PlanAuthor = sam): Statement => ({
  id: text,
  text,
  personsOwnWords,
  writtenBy,
  writtenAt: '2026-03-03T10:00:00.000Z',
  comments: [],
});
const goalWords = (text: string) => ({ ...statement(text, true), personsOwnWords: true as const });

const plan: MyLifePlanContent = {
  aboutMe: [statement('Mary lives alone', false)],
  whatMattersToMe: [],
  strengths: [],
  supportNetwork: [],
  ifThingsGoWrong: [],
  healthAndCare: [],
  endOfLife: [],
  communicationNeeds: [],
  goals: [
    { id: 'g1', domain: 'money', inMyWords: goalWords('Sort out my pension credit'), actions: [] },
    { id: 'g2', domain: 'health', inMyWords: goalWords('Walk to the shops'), actions: [] },
    { id: 'g3', domain: 'money', inMyWords: goalWords('Pay the gas bill monthly'), actions: [] },
  ],
  reviewDate: '2026-06-01',
};

describe('the printable plan', () => {
  it('has its parts in plain words and in order, without end of life wishes the person has not given', () => {
    expect(printablePlan(plan).map((p) => p.title)).toEqual([
      'About me',
      'What matters to me',
      'My strengths',
      'My goals',
      'My support network',
      'What to do if things go wrong',
      'My health and care',
      'How to communicate with me',
      'Review date',
    ]);
    const withWishes = { ...plan, endOfLife: [statement('I would like to stay at home', true, { kind: 'person' })] };
    expect(printablePlan(withWishes).map((p) => p.title)).toContain('My wishes for the end of my life');
  });

  it('groups the goals by the part of life they are about', () => {
    const goals = printablePlan(plan).find((p) => p.part === 'goals');
    expect(goals?.part === 'goals' && goals.byDomain.map((d) => [d.title, d.goals.map((g) => g.id)])).toEqual([
      ['My health', ['g2']],
      ['Money', ['g1', 'g3']],
    ]);
  });

  it('gives the review date in words', () => {
    expect(printablePlan(plan).at(-1)).toEqual({ part: 'reviewDate', title: 'Review date', text: 'This plan will be looked at again with me by 1 June 2026.' });
  });

  it('says whose words each statement is', () => {
    expect(attributionInWords(statement('x', true, { kind: 'person' }))).toBe('In my own words');
    expect(attributionInWords(statement('x', true))).toBe('My own words, recorded by Sam Patel (Personal independence coordinator)');
    expect(attributionInWords(statement('x', false))).toBe('Written by Sam Patel (Personal independence coordinator)');
  });
});
