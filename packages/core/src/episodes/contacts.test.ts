import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { contactTitle, minutesInWords, parseContactRecord } from './contacts.js';
import { firstVisitClock } from './first-visit.js';

const now = new Date('2026-05-20T14:00:00Z');
const valid = { kind: 'home_visit', at: '2026-05-20T10:30:00+01:00', minutes: 45, note: 'Talked about the lunch club; she would like to try it' };

function problems(input: unknown): { field: string; reason: string }[] {
  try {
    parseContactRecord(input, now);
  } catch (error) {
    if (error instanceof DomainError) return error.problems;
    throw error;
  }
  return [];
}

describe('recording a contact', () => {
  it('takes a kind, a time, the minutes spent, a note and, when there is one, the episode', () => {
    const episodeId = '00000000-0000-4000-8000-0000000000e1';
    expect(parseContactRecord({ ...valid, note: '  Phoned to book  ', kind: 'phone', episodeId }, now)).toEqual({ ...valid, kind: 'phone', note: 'Phoned to book', episodeId });
  });

  it.each([
    [0, 'Give the time spent: 1 minute or more'],
    [601, 'Give the time spent: 600 minutes (10 hours) or fewer'],
    [12.5, 'Give the time spent in whole minutes'],
    ['30', 'Give the time spent in whole minutes'],
  ])('refuses %s minutes, naming minutes', (minutes, reason) => {
    expect(problems({ ...valid, minutes })).toEqual([{ field: 'minutes', reason }]);
  });

  it('accepts 1 and 600 minutes', () => {
    expect(problems({ ...valid, minutes: 1 })).toEqual([]);
    expect(problems({ ...valid, minutes: 600 })).toEqual([]);
  });

  it('refuses a time in the future, allowing five minutes for a fast clock', () => {
    expect(problems({ ...valid, at: '2026-05-20T14:05:00Z' })).toEqual([]);
    expect(problems({ ...valid, at: '2026-05-20T14:06:00Z' })).toEqual([{ field: 'at', reason: 'A contact cannot be in the future: record it once it has happened' }]);
    expect(problems({ ...valid, at: '20 May 2026' })).toEqual([{ field: 'at', reason: 'Give the date and time of the contact' }]);
  });

  it('refuses an empty or blank note and a note too long', () => {
    expect(problems({ ...valid, note: '' })).toEqual([{ field: 'note', reason: 'Write a short note' }]);
    expect(problems({ ...valid, note: '   ' })).toEqual([{ field: 'note', reason: 'Write a short note' }]);
    expect(problems({ ...valid, note: 'x'.repeat(2001) })[0]!.field).toBe('note');
  });

  it('names every field at fault at once, and unknown ones', () => {
    expect(problems({ kind: 'letter', at: valid.at, minutes: 0, note: '', mood: 'good' }).map((p) => p.field)).toEqual(['kind', 'minutes', 'note', 'mood']);
  });

  it('is titled in words on the timeline', () => {
    expect(contactTitle({ kind: 'home_visit', minutes: 90 })).toBe('Home visit, 1 hour 30 minutes');
    expect([1, 45, 60, 120, 121].map(minutesInWords)).toEqual(['1 minute', '45 minutes', '1 hour', '2 hours', '2 hours 1 minute']);
  });
});

describe('the clock from referral to first home visit', () => {
  const referredAt = '2026-05-01T16:00:00Z';

  it('runs in calendar days until a home visit', () => {
    expect(firstVisitClock({ referredAt, visits: [{ kind: 'phone', at: '2026-05-02T10:00:00Z' }], today: '2026-05-11' })).toEqual({
      days: 10,
      firstVisitAt: null,
      running: true,
    });
    expect(firstVisitClock({ referredAt, visits: [], today: '2026-05-01' })).toMatchObject({ days: 0, running: true });
  });

  it('stops at the earliest home visit after the referral, ignoring visits before it', () => {
    const visits = [
      { kind: 'home_visit' as const, at: '2026-05-12T09:00:00Z' },
      { kind: 'home_visit' as const, at: '2026-04-20T09:00:00Z' },
      { kind: 'home_visit' as const, at: '2026-05-08T09:00:00Z' },
    ];
    expect(firstVisitClock({ referredAt, visits, today: '2026-06-30' })).toEqual({ days: 7, firstVisitAt: '2026-05-08T09:00:00Z', running: false });
  });

  it('counts England dates: a referral late one evening and a visit the next morning is 1 day', () => {
    const late = '2026-06-01T22:30:00Z'; // 23:30 on 1 June in England
    expect(firstVisitClock({ referredAt: late, visits: [{ kind: 'home_visit', at: '2026-06-01T23:30:00Z' }], today: '2026-06-03' }).days).toBe(1);
    expect(firstVisitClock({ referredAt: '2026-06-01T23:30:00Z', visits: [], today: '2026-06-02' }).days).toBe(0);
  });

  it('stops, unvisited, when support closed first', () => {
    expect(firstVisitClock({ referredAt, visits: [], today: '2026-06-30', closedOn: '2026-05-06' })).toEqual({ days: 5, firstVisitAt: null, running: false });
  });
});
