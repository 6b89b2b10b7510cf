import { describe, expect, it } from 'vitest';
import { addDays } from './days.js';
import { caseloadReviewState, caseloadRow, caseloadRows, type CaseloadInput } from './caseload.js';

const today = '2026-06-10';

function input(name: string, over: Partial<CaseloadInput> = {}, episode: Partial<CaseloadInput['episode']> = {}): CaseloadInput {
  return {
    person: { id: `p-${name}`, name },
    episode: {
      id: `e-${name}`,
      type: 'pic_independence_support',
      status: 'active',
      startOn: addDays(today, -42),
      plannedWeeks: 12,
      pausedOn: null,
      pausedDays: 0,
      endedOn: null,
      ...episode,
    },
    nextVisitAt: '2026-06-15T10:00:00Z',
    overdueActions: 0,
    planReviewDate: '2026-08-01',
    ...over,
  };
}

describe('the plan review state', () => {
  it('is none, not due, due soon (14 days, today included) or overdue from the day after', () => {
    expect(caseloadReviewState(null, today)).toBe('none');
    expect(caseloadReviewState(addDays(today, 15), today)).toBe('not_due');
    expect(caseloadReviewState(addDays(today, 14), today)).toBe('due_soon');
    expect(caseloadReviewState(today, today)).toBe('due_soon');
    expect(caseloadReviewState(addDays(today, -1), today)).toBe('overdue');
  });
});

describe('a caseload row', () => {
  it('shows the week, next visit, overdue actions and review, with why it is where it is', () => {
    const row = caseloadRow(input('Mary Okafor', { overdueActions: 2, planReviewDate: '2026-06-01' }), today);
    expect(row).toMatchObject({
      personName: 'Mary Okafor',
      typeLabel: 'Independence support (Personal Independence Coordinator)',
      weekLabel: 'week 7 of 12',
      nextVisitAt: '2026-06-15T10:00:00Z',
      overdueActions: 2,
      planReview: { state: 'overdue', on: '2026-06-01', label: 'Plan review overdue' },
      need: 0,
      flags: ['Plan review overdue', '2 actions overdue'],
    });
  });

  it('says the status instead of a week before the episode starts', () => {
    const row = caseloadRow(input('Ann Lee', {}, { status: 'waiting', startOn: null }), today);
    expect([row.week, row.weekLabel, row.need]).toEqual([null, 'Waiting to start', 2]);
  });
});

describe('the caseload order', () => {
  it('puts overdue reviews or actions first, then overruns, then by next visit (none booked first), then name', () => {
    const rows = caseloadRows(
      [
        input('Zoe Visit-Later', { nextVisitAt: '2026-06-20T10:00:00Z' }),
        input('Yan Visit-Soon', { nextVisitAt: '2026-06-11T10:00:00+01:00' }),
        input('Xia No-Visit', { nextVisitAt: null }),
        input('Will Overrun', { nextVisitAt: null }, { startOn: addDays(today, -90) }),
        input('Vic Actions', { overdueActions: 1, nextVisitAt: '2026-06-30T10:00:00Z' }),
        input('Uma Review', { planReviewDate: '2026-06-09', nextVisitAt: '2026-06-12T10:00:00Z' }),
        input('amy visit-later', { nextVisitAt: '2026-06-20T10:00:00Z' }),
      ],
      today,
    );
    expect(rows.map((r) => r.personName)).toEqual([
      'Uma Review',
      'Vic Actions',
      'Will Overrun',
      'Xia No-Visit',
      'Yan Visit-Soon',
      'amy visit-later',
      'Zoe Visit-Later',
    ]);
    expect(rows.map((r) => r.need)).toEqual([0, 0, 1, 2, 2, 2, 2]);
    expect(rows[2]!.flags).toEqual(['Past its planned length']);
  });

  it('does not count a paused episode as overrun while the pause holds its week', () => {
    const row = caseloadRow(input('Bea Paused', {}, { status: 'paused', startOn: addDays(today, -120), pausedOn: addDays(today, -100) }), today);
    expect([row.weekLabel, row.need]).toEqual(['week 3 of 12', 2]);
  });
});
