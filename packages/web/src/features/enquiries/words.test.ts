import { describe, expect, it } from 'vitest';
import {
  SUPPRESSED_NOTE,
  SUPPRESSED_WORDS,
  andList,
  anySuppressed,
  concernHint,
  foundWords,
  outcomeWords,
  periodWords,
  safeguardingTaskWords,
  serviceHint,
  shownCountWords,
  totalWords,
} from './words';

describe('what came of an enquiry', () => {
  it('is each outcome in words', () => {
    expect(outcomeWords(['advice_only'])).toEqual(['Advice only']);
    expect(outcomeWords(['signposted', 'referred', 'safeguarding'])).toEqual([
      'Signposted to a service',
      'Referred to a service',
      'Safeguarding concern raised',
    ]);
  });

  it('names the services signposted to when known', () => {
    expect(outcomeWords(['signposted'], ['Thursday Lunch Club'])).toEqual(['Signposted to Thursday Lunch Club']);
    expect(outcomeWords(['signposted', 'safeguarding'], ['Lunch club', 'Food bank', 'Walking group'])).toEqual([
      'Signposted to Lunch club, Food bank and Walking group',
      'Safeguarding concern raised',
    ]);
  });

  it('names the service referred to when known', () => {
    expect(outcomeWords(['signposted', 'referred'], ['Food bank'], 'Age UK Croydon')).toEqual([
      'Signposted to Food bank',
      'Referred to Age UK Croydon',
    ]);
    expect(outcomeWords(['referred'], [], '')).toEqual(['Referred to a service']);
  });

  it('shows an outcome it does not know as the API said it', () => {
    expect(outcomeWords(['befriended'])).toEqual(['befriended']);
  });

  it('says who has the safeguarding task', () => {
    expect(safeguardingTaskWords('Sam Okafor')).toBe('Sam Okafor has been given an urgent task');
    expect(safeguardingTaskWords(null)).toBe('The safeguarding lead has been given an urgent task');
  });

  it('names the lead in the concern hint once the point of access is known', () => {
    expect(concernHint('Sam Okafor')).toBe('This goes straight to Sam Okafor, the safeguarding lead, as an urgent task');
    expect(concernHint(undefined)).toBe('This goes straight to the point of access’s safeguarding lead as an urgent task');
  });

  it('lists names in a sentence', () => {
    expect(andList([])).toBe('');
    expect(andList(['A'])).toBe('A');
    expect(andList(['A', 'B'])).toBe('A and B');
  });
});

describe('a service found', () => {
  it('says when it runs and how far away', () => {
    expect(serviceHint({ when: ['Thursdays 12:00 to 14:00'], distanceMetres: 800 })).toEqual(['Thursdays 12:00 to 14:00', '0.8 km away']);
    expect(serviceHint({ when: ['Mondays', 'Fridays'], distanceMetres: null })).toEqual(['Mondays; Fridays']);
    expect(serviceHint({ when: [], distanceMetres: null })).toEqual(['Times not given']);
  });

  it('says how many were found, and when only the first are shown', () => {
    const items = (n: number) => Array.from({ length: n }, () => ({}) as never);
    expect(foundWords({ items: items(2), total: 2, near: null }, true)).toBe('2 services found.');
    expect(foundWords({ items: items(20), total: 53, near: null }, true)).toBe('53 services found. Showing the first 20: add words to narrow the search.');
    expect(foundWords({ items: [], total: 0, near: { postcode: 'CR0 1NX', radiusMetres: 2000 } }, true)).toBe(
      'No services found within 2 km of CR0 1NX. Try other words, another day or a greater distance.',
    );
  });
});

describe('the statistics in words', () => {
  it('shows a suppressed count as fewer than 8, and others as numbers', () => {
    expect(SUPPRESSED_WORDS).toBe('fewer than 8');
    expect(shownCountWords('suppressed')).toBe('fewer than 8');
    expect(shownCountWords(0)).toBe('0');
    expect(shownCountWords(1204)).toBe('1,204');
    expect(shownCountWords(undefined)).toBe('0');
  });

  it('explains why small numbers are hidden', () => {
    expect(SUPPRESSED_NOTE).toContain('Numbers from 1 to 7 are shown as “fewer than 8”');
  });

  it('knows when any count is suppressed', () => {
    expect(anySuppressed(12, { housing: 9, health: 0 }, { phone: 12 })).toBe(false);
    expect(anySuppressed(12, { housing: 'suppressed' })).toBe(true);
    expect(anySuppressed('suppressed')).toBe(true);
  });

  it('says the total and the period', () => {
    expect(totalWords(0)).toBe('No enquiries were logged.');
    expect(totalWords('suppressed')).toBe('Fewer than 8 enquiries were logged.');
    expect(totalWords(1)).toBe('1 enquiry was logged.');
    expect(totalWords(2500)).toBe('2,500 enquiries were logged.');
    expect(periodWords('2026-05-01', '2026-05-31')).toBe('1 May 2026 to 31 May 2026');
    expect(periodWords('2026-05-04', '2026-05-04')).toBe('4 May 2026');
  });
});
