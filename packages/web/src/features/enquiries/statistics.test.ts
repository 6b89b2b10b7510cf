import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api/client';
import { STATS_IDS, currentMonth, periodFromParams, periodParams, readPeriod, refusalOf, statisticsProblems, statisticsRows } from './statistics';

const dateForm = (from: [string, string, string], to: [string, string, string]) => {
  const data = new FormData();
  for (const [id, [day, month, year]] of [
    [STATS_IDS.from, from],
    [STATS_IDS.to, to],
  ] as const) {
    data.set(`${id}-day`, day);
    data.set(`${id}-month`, month);
    data.set(`${id}-year`, year);
  }
  return data;
};

describe('the period', () => {
  it('is the current month unless the address says otherwise', () => {
    expect(currentMonth('2026-05-14')).toEqual({ from: '2026-05-01', to: '2026-05-31' });
    expect(currentMonth('2028-02-29')).toEqual({ from: '2028-02-01', to: '2028-02-29' });
    expect(currentMonth('2026-12-01')).toEqual({ from: '2026-12-01', to: '2026-12-31' });
    expect(periodFromParams(new URLSearchParams(), '2026-11-20')).toEqual({ from: '2026-11-01', to: '2026-11-30' });
    expect(periodFromParams(new URLSearchParams('from=2026-01-01&to=2026-03-31'), '2026-11-20')).toEqual({ from: '2026-01-01', to: '2026-03-31' });
    expect(periodFromParams(new URLSearchParams('from=soon&to=2026-03-31'), '2026-11-20')).toEqual({ from: '2026-11-01', to: '2026-03-31' });
  });

  it('goes back into the address', () => {
    expect(periodParams({ from: '2026-01-01', to: '2026-03-31' })).toBe('?from=2026-01-01&to=2026-03-31');
  });

  it('is read from the two date inputs', () => {
    expect(readPeriod(dateForm(['1', '4', '2026'], ['30', '4', '2026']))).toEqual({ value: { from: '2026-04-01', to: '2026-04-30' }, problems: [] });
  });

  it('needs both dates, real, and the second not before the first', () => {
    expect(readPeriod(dateForm(['', '', ''], ['31', '2', '2026'])).problems).toEqual([
      { fieldId: 'stats-from-day', message: 'Enter the from date' },
      { fieldId: 'stats-to-day', message: 'To date must be a real date', dateParts: [] },
    ]);
    expect(readPeriod(dateForm(['1', '', '2026'], ['1', '1', '2026'])).problems).toEqual([
      { fieldId: 'stats-from-month', message: 'From date must include a month', dateParts: ['month'] },
    ]);
    expect(readPeriod(dateForm(['2', '3', '2026'], ['1', '3', '2026'])).problems).toEqual([
      { fieldId: 'stats-to-day', message: 'The to date must be the same as or after the from date' },
    ]);
  });
});

describe('what the API said', () => {
  const refused = (status: number, errors?: Array<{ field: string; reason: string }>) => new ApiError({ title: 'Refused', status, errors });

  it('tells an unknown point of access and a refusal from a problem with the dates', () => {
    expect(refusalOf(refused(404))).toBe('not_found');
    expect(refusalOf(refused(400, [{ field: 'id', reason: 'Must be a point of access id' }]))).toBe('not_found');
    expect(refusalOf(refused(403))).toBe('forbidden');
    expect(refusalOf(refused(400, [{ field: 'to', reason: 'Must be on or after the from date' }]))).toBeUndefined();
    expect(refusalOf(undefined)).toBeUndefined();
  });

  it('links a problem with the dates to their inputs', () => {
    expect(statisticsProblems(refused(400, [{ field: 'to', reason: 'Must be on or after the from date' }]))).toEqual([
      { fieldId: 'stats-to-day', message: 'Must be on or after the from date' },
    ]);
    expect(statisticsProblems(refused(403))).toEqual([]);
    expect(statisticsProblems(null)).toEqual([]);
  });
});

describe('the tables', () => {
  it('have every topic, outcome and channel, in order, with 0 for any missing', () => {
    const rows = statisticsRows({
      byTopic: { housing: 12, carers: 'suppressed' },
      byOutcome: { advice_only: 9 },
      byChannel: { walk_in: 'suppressed', phone: 10 },
    });
    expect(rows.topics.map((row) => [row.label, row.count])).toEqual([
      ['Council services', 0],
      ['Housing', 12],
      ['Benefits and money', 0],
      ['Health', 0],
      ['Social contact and loneliness', 0],
      ['Carers', 'suppressed'],
      ['Something else', 0],
    ]);
    expect(rows.outcomes.map((row) => row.label)).toEqual(['Advice only', 'Signposted to a service', 'Referred to a service', 'Safeguarding concern raised']);
    expect(rows.channels.map((row) => [row.label, row.count])).toEqual([
      ['Walk-in', 'suppressed'],
      ['Phone', 10],
    ]);
  });
});
