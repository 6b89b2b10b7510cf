import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { addDays, weekdayOf, WEEKDAYS } from '../huddles/days.js';
import {
  checkSchedule,
  isOpenDuring,
  nextOccurrence,
  scheduleOccursOn,
  scheduleProblems,
  scheduleRule,
  scheduleWeeklySpans,
  type HsdsScheduleFields,
} from './schedule.js';
import { dateFilter, weekdayFilter } from './when.js';

const tuesdayMornings: HsdsScheduleFields = { freq: 'WEEKLY', byday: 'TU', opens_at: '10:00', closes_at: '12:00' };
const firstMonday: HsdsScheduleFields = { freq: 'MONTHLY', byday: '1MO', opens_at: '14:00', closes_at: '16:00' };
const fields = (s: HsdsScheduleFields) => scheduleProblems(s).map((p) => p.field);
const reasons = (s: HsdsScheduleFields) => scheduleProblems(s).map((p) => p.reason);

describe('checking a schedule', () => {
  it('accepts the usual shapes, with times in HH:MM or HH:MM:SS', () => {
    for (const ok of [
      tuesdayMornings,
      firstMonday,
      { freq: 'WEEKLY', byday: 'MO,TH', opens_at: '09:30:00', closes_at: '11:00:00' },
      { freq: 'MONTHLY', byday: '-1FR', opens_at: '18:00', closes_at: '20:00' },
      { freq: 'MONTHLY', bymonthday: '1,15,-1' },
      { freq: 'WEEKLY', interval: 2, byday: 'WE', dtstart: '2026-11-04', opens_at: '10:00', closes_at: '11:00' },
      { freq: 'weekly', byday: ' tu , th ', opens_at: '10:00Z', closes_at: '12:00+01:00' },
      { description: 'Ring to book a time' },
      {},
    ] satisfies HsdsScheduleFields[]) {
      expect(scheduleProblems(ok), JSON.stringify(ok)).toEqual([]);
    }
  });

  it('says the session ends before it starts when it closes before it opens, on both sides of the edge', () => {
    expect(scheduleProblems({ byday: 'TU', opens_at: '12:00', closes_at: '11:59' })).toEqual([
      { field: 'closes_at', reason: 'The session ends before it starts: closes_at must be after opens_at' },
    ]);
    expect(fields({ byday: 'TU', opens_at: '12:00', closes_at: '12:00' })).toEqual(['closes_at']);
    expect(reasons({ byday: 'TU', opens_at: '12:00', closes_at: '12:00' })[0]).toMatch(/ends when it starts/);
    expect(scheduleProblems({ byday: 'TU', opens_at: '12:00', closes_at: '12:01' })).toEqual([]);
  });

  it('names an unknown day, and a week-of-month number without MONTHLY or out of range', () => {
    expect(scheduleProblems({ byday: 'TU,XX' })).toEqual([{ field: 'byday', reason: 'Unknown day "XX": use MO, TU, WE, TH, FR, SA or SU' }]);
    expect(reasons({ freq: 'WEEKLY', byday: '1MO' })[0]).toMatch(/needs freq MONTHLY/);
    expect(fields({ freq: 'MONTHLY', byday: '5MO' })).toEqual([]);
    expect(fields({ freq: 'MONTHLY', byday: '6MO' })).toEqual(['byday']);
    expect(fields({ freq: 'MONTHLY', byday: '-5MO' })).toEqual([]);
    expect(fields({ freq: 'MONTHLY', byday: '-6MO' })).toEqual(['byday']);
    expect(fields({ freq: 'MONTHLY', byday: '0MO' })).toEqual(['byday']);
    expect(fields({ freq: 'MONTHLY', byday: 'MONDAY' })).toEqual(['byday']);
  });

  it('refuses times that are not on the 24-hour clock, and offsets other than England’s', () => {
    for (const bad of ['9:30', '24:01', '23:60', '10.00', 'noon', '10:00:60']) {
      expect(fields({ byday: 'TU', opens_at: bad, closes_at: '23:59' }), bad).toEqual(['opens_at']);
    }
    expect(fields({ byday: 'TU', opens_at: '23:00', closes_at: '24:00' })).toEqual([]);
    expect(fields({ byday: 'TU', opens_at: '24:00', closes_at: '24:00' })).toContain('opens_at');
    expect(reasons({ byday: 'TU', opens_at: '09:00-05:00', closes_at: '10:00' })[0]).toMatch(/as it is in England/);
  });

  it('asks for both times or neither', () => {
    expect(scheduleProblems({ byday: 'TU', opens_at: '10:00' })).toEqual([
      { field: 'closes_at', reason: 'Give both the opening and the closing time, or neither' },
    ]);
    expect(fields({ byday: 'TU', closes_at: '10:00' })).toEqual(['opens_at']);
    expect(fields({ byday: 'TU' })).toEqual([]);
  });

  it('refuses valid_to before valid_from and until before dtstart; the same day is allowed', () => {
    expect(scheduleProblems({ ...tuesdayMornings, valid_from: '2026-11-03', valid_to: '2026-11-02' })).toEqual([
      { field: 'valid_to', reason: 'Ends before it starts: valid_to must be on or after valid_from' },
    ]);
    expect(fields({ ...tuesdayMornings, valid_from: '2026-11-03', valid_to: '2026-11-03' })).toEqual([]);
    expect(fields({ ...tuesdayMornings, dtstart: '2026-11-03', until: '2026-11-02' })).toEqual(['until']);
    expect(fields({ ...tuesdayMornings, valid_from: '2026-02-29' })).toEqual(['valid_from']);
    expect(checkSchedule({ ...tuesdayMornings, valid_from: '2026-01-05T00:00:00Z' }).rule?.firstDate).toBe('2026-01-05');
  });

  it('checks freq, interval and bymonthday', () => {
    expect(fields({ freq: 'DAILY', byday: 'TU' })).toEqual(['freq']);
    expect(fields({ byday: 'TU', interval: 0 })).toEqual(['interval']);
    expect(fields({ byday: 'TU', interval: '1.5' })).toEqual(['interval']);
    expect(fields({ byday: 'TU', interval: 53, dtstart: '2026-11-03' })).toEqual(['interval']);
    expect(fields({ byday: 'TU', interval: '52', dtstart: '2026-11-03' })).toEqual([]);
    expect(fields({ freq: 'MONTHLY', byday: '1TU', interval: 12, dtstart: '2026-11-03' })).toEqual([]);
    expect(reasons({ freq: 'MONTHLY', byday: '1TU', interval: 13, dtstart: '2026-11-03' })).toEqual(['Must be a whole number from 1 to 12']);
    expect(fields({ byday: 'TU', interval: 2 })).toEqual(['dtstart']);
    expect(fields({ freq: 'WEEKLY', byday: 'TH', bymonthday: '2' })).toEqual(['bymonthday']);
    expect(fields({ freq: 'MONTHLY', bymonthday: '31,-31' })).toEqual([]);
    expect(fields({ freq: 'MONTHLY', bymonthday: '32' })).toEqual(['bymonthday']);
    expect(fields({ freq: 'MONTHLY', bymonthday: '0' })).toEqual(['bymonthday']);
  });

  it('takes the day from dtstart when none is named, and asks for one when there is no dtstart', () => {
    expect(checkSchedule({ freq: 'WEEKLY', dtstart: '2026-11-05' }).rule?.days).toEqual([{ weekday: 'thursday' }]);
    expect(checkSchedule({ freq: 'MONTHLY', dtstart: '2026-11-05' }).rule?.monthDays).toEqual([5]);
    expect(fields({ freq: 'WEEKLY', opens_at: '10:00', closes_at: '11:00' })).toEqual(['byday']);
  });

  it('throws one 400 naming every problem when a calculation is asked of a bad schedule', () => {
    const bad = { byday: 'XX', opens_at: '12:00', closes_at: '10:00' };
    expect(() => scheduleRule(bad)).toThrow(DomainError);
    expect(() => scheduleWeeklySpans(bad)).toThrow(/byday: .*closes_at: /);
  });
});

describe('weekly spans for the search index', () => {
  it('gives one span per weekday, in minutes', () => {
    expect(scheduleWeeklySpans({ byday: 'TH,MO', opens_at: '09:30', closes_at: '11:00' })).toEqual([
      { weekday: 'monday', fromMinute: 570, toMinute: 660, everyWeek: true, timesGiven: true, validFrom: null, validTo: null },
      { weekday: 'thursday', fromMinute: 570, toMinute: 660, everyWeek: true, timesGiven: true, validFrom: null, validTo: null },
    ]);
  });

  it('marks monthly and fortnightly sessions as not every week, and carries the dates they hold for', () => {
    const [span] = scheduleWeeklySpans({ ...firstMonday, valid_from: '2026-01-01', until: '2026-12-31', valid_to: '2027-06-30' });
    expect(span).toMatchObject({ weekday: 'monday', fromMinute: 840, toMinute: 960, everyWeek: false, validFrom: '2026-01-01', validTo: '2026-12-31' });
    const fortnightly = scheduleWeeklySpans({ byday: 'WE', interval: 2, dtstart: '2026-11-04' });
    expect(fortnightly).toMatchObject([{ weekday: 'wednesday', everyWeek: false, validFrom: '2026-11-04' }]);
    expect(scheduleWeeklySpans({ freq: 'MONTHLY', byday: 'MO' })[0]?.everyWeek).toBe(true);
  });

  it('indexes a day of the month on every weekday, since it can fall on any', () => {
    expect(scheduleWeeklySpans({ freq: 'MONTHLY', bymonthday: '15' }).map((s) => s.weekday)).toEqual([...WEEKDAYS]);
  });

  it('indexes a schedule without times as the whole day, and says so', () => {
    expect(scheduleWeeklySpans({ byday: 'SA' })).toMatchObject([{ weekday: 'saturday', fromMinute: 0, toMinute: 1440, timesGiven: false }]);
  });

  it('widens seconds to whole minutes', () => {
    expect(scheduleWeeklySpans({ byday: 'TU', opens_at: '09:59:59', closes_at: '17:59:59' })[0]).toMatchObject({ fromMinute: 599, toMinute: 1080 });
    expect(scheduleWeeklySpans({ byday: 'TU', opens_at: '22:00', closes_at: '23:59:59' })[0]).toMatchObject({ toMinute: 1440 });
    expect(scheduleWeeklySpans({ byday: 'TU', opens_at: '09:00:00.5', closes_at: '17:00:00.5' })[0]).toMatchObject({ fromMinute: 540, toMinute: 1021 });
    expect(scheduleWeeklySpans({ byday: 'TU', opens_at: '09:00:00.000', closes_at: '17:00:00.000' })[0]).toMatchObject({ fromMinute: 540, toMinute: 1020 });
  });

  it('has nothing to index for a description-only schedule', () => {
    expect(scheduleWeeklySpans({ description: 'By appointment' })).toEqual([]);
  });
});

describe('which dates a schedule falls on', () => {
  it('finds the first, second and last weekday of a month (November 2026 starts on a Sunday)', () => {
    expect(scheduleOccursOn(firstMonday, '2026-11-02')).toBe(true);
    expect(scheduleOccursOn(firstMonday, '2026-11-09')).toBe(false);
    expect(scheduleOccursOn(firstMonday, '2026-12-07')).toBe(true);
    expect(scheduleOccursOn(firstMonday, '2026-11-30')).toBe(false);
    const lastMonday = { freq: 'MONTHLY', byday: '-1MO' };
    expect(scheduleOccursOn(lastMonday, '2026-11-30')).toBe(true);
    expect(scheduleOccursOn(lastMonday, '2026-11-23')).toBe(false);
    expect(scheduleOccursOn({ freq: 'MONTHLY', byday: '5MO' }, '2026-11-30')).toBe(true);
    expect(scheduleOccursOn({ freq: 'MONTHLY', byday: '-2MO' }, '2026-11-23')).toBe(true);
  });

  it('finds days of the month, counting back from the end for negatives, skipping months too short', () => {
    const lastDay = { freq: 'MONTHLY', bymonthday: '-1' };
    expect(scheduleOccursOn(lastDay, '2026-02-28')).toBe(true);
    expect(scheduleOccursOn(lastDay, '2026-02-27')).toBe(false);
    expect(scheduleOccursOn(lastDay, '2028-02-29')).toBe(true);
    const the31st = { freq: 'MONTHLY', bymonthday: '31' };
    expect(scheduleOccursOn(the31st, '2026-03-31')).toBe(true);
    expect(nextOccurrence(the31st, '2026-04-01')?.date).toBe('2026-05-31');
  });

  it('meets both byday and bymonthday when a monthly schedule has both (Friday the 13th)', () => {
    const friday13 = { freq: 'MONTHLY', byday: 'FR', bymonthday: '13' };
    expect(scheduleOccursOn(friday13, '2026-11-13')).toBe(true);
    expect(scheduleOccursOn(friday13, '2026-11-06')).toBe(false);
    expect(nextOccurrence(friday13, '2026-11-14')?.date).toBe('2027-08-13');
  });

  it('counts fortnights from the week of dtstart, with weeks from Monday', () => {
    const fortnightly = { byday: 'MO,WE', interval: 2, dtstart: '2026-11-04' };
    expect(scheduleOccursOn(fortnightly, '2026-11-02')).toBe(false); // before dtstart
    expect(scheduleOccursOn(fortnightly, '2026-11-04')).toBe(true);
    expect(scheduleOccursOn(fortnightly, '2026-11-09')).toBe(false);
    expect(scheduleOccursOn(fortnightly, '2026-11-11')).toBe(false);
    expect(scheduleOccursOn(fortnightly, '2026-11-16')).toBe(true);
    expect(scheduleOccursOn(fortnightly, '2026-11-18')).toBe(true);
  });

  it('counts every other month from the month of dtstart', () => {
    const everyOtherMonth = { ...firstMonday, interval: 2, dtstart: '2026-11-02' };
    expect(scheduleOccursOn(everyOtherMonth, '2026-11-02')).toBe(true);
    expect(scheduleOccursOn(everyOtherMonth, '2026-12-07')).toBe(false);
    expect(scheduleOccursOn(everyOtherMonth, '2027-01-04')).toBe(true);
  });

  it('holds only between its first and last dates, both included', () => {
    const bounded = { ...tuesdayMornings, valid_from: '2026-11-03', valid_to: '2026-11-17' };
    expect(scheduleOccursOn(bounded, '2026-10-27')).toBe(false);
    expect(scheduleOccursOn(bounded, '2026-11-03')).toBe(true);
    expect(scheduleOccursOn(bounded, '2026-11-17')).toBe(true);
    expect(scheduleOccursOn(bounded, '2026-11-24')).toBe(false);
  });
});

describe('the next session', () => {
  it('is the date itself when a session falls on it, else the next one', () => {
    expect(nextOccurrence(tuesdayMornings, '2026-11-03')).toEqual({ date: '2026-11-03', fromMinute: 600, toMinute: 720, timesGiven: true });
    expect(nextOccurrence(tuesdayMornings, '2026-11-04')?.date).toBe('2026-11-10');
    expect(nextOccurrence(firstMonday, '2026-11-03')?.date).toBe('2026-12-07');
  });

  it('passes over a session that has ended by the given minute, on that first day only', () => {
    expect(nextOccurrence(tuesdayMornings, '2026-11-03', 719)?.date).toBe('2026-11-03');
    expect(nextOccurrence(tuesdayMornings, '2026-11-03', 720)?.date).toBe('2026-11-10');
  });

  it('starts from the first date, and is undefined after the last or for a description-only schedule', () => {
    expect(nextOccurrence({ ...tuesdayMornings, valid_from: '2027-01-01' }, '2026-11-03')?.date).toBe('2027-01-05');
    expect(nextOccurrence({ ...tuesdayMornings, valid_to: '2026-11-09' }, '2026-11-04')).toBeUndefined();
    expect(nextOccurrence({ description: 'Ring first' }, '2026-11-03')).toBeUndefined();
  });

  it('is a date the schedule falls on, with none skipped before it', () => {
    const schedules = fc.oneof(
      fc.record({ freq: fc.constant('WEEKLY'), byday: fc.subarray(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'], { minLength: 1 }).map((d) => d.join(',')) }),
      fc.record({ freq: fc.constant('MONTHLY'), byday: fc.tuple(fc.constantFrom(1, 2, 3, 4, 5, -1, -2), fc.constantFrom('MO', 'WE', 'SU')).map(([n, d]) => `${n}${d}`) }),
      fc.record({ freq: fc.constant('MONTHLY'), bymonthday: fc.constantFrom('1', '15', '29', '31', '-1', '-3') }),
    );
    fc.assert(
      fc.property(schedules, fc.integer({ min: 0, max: 2000 }), (schedule, offset) => {
        const from = addDays('2025-01-01', offset);
        const next = nextOccurrence(schedule, from);
        expect(next).toBeDefined();
        expect(scheduleOccursOn(schedule, next!.date)).toBe(true);
        for (let day = from; day < next!.date; day = addDays(day, 1)) expect(scheduleOccursOn(schedule, day)).toBe(false);
        // The weekly spans are a superset: the session's weekday is indexed.
        expect(scheduleWeeklySpans(schedule).map((s) => s.weekday)).toContain(weekdayOf(next!.date));
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with counting the weekdays of the month one by one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.constantFrom(1, 2, 3, 4, 5, -1, -2, -5), (offset, nth) => {
        const date = addDays('2024-01-01', offset);
        const code = { monday: 'MO', tuesday: 'TU', wednesday: 'WE', thursday: 'TH', friday: 'FR', saturday: 'SA', sunday: 'SU' }[weekdayOf(date)];
        const sameWeekday: string[] = [];
        for (let d = `${date.slice(0, 8)}01`; d.slice(0, 7) === date.slice(0, 7); d = addDays(d, 1)) if (weekdayOf(d) === weekdayOf(date)) sameWeekday.push(d);
        const expected = nth > 0 ? sameWeekday[nth - 1] === date : sameWeekday[sameWeekday.length + nth] === date;
        expect(scheduleOccursOn({ freq: 'MONTHLY', byday: `${nth}${code}` }, date)).toBe(expected);
      }),
    );
  });
});

describe('open during a span', () => {
  it('matches a weekday when any week holds a session, and a date only when that date does', () => {
    expect(isOpenDuring(firstMonday, weekdayFilter('monday', { fromMinute: 720, toMinute: 1020 }))).toBe(true);
    expect(isOpenDuring(firstMonday, dateFilter('2026-11-02', { fromMinute: 720, toMinute: 1020 }))).toBe(true);
    expect(isOpenDuring(firstMonday, dateFilter('2026-11-09', { fromMinute: 720, toMinute: 1020 }))).toBe(false);
    expect(isOpenDuring(firstMonday, weekdayFilter('tuesday'))).toBe(false);
  });

  it('uses the overlap rule on both sides of each end of the session', () => {
    const on = (fromMinute: number, toMinute: number) => isOpenDuring(tuesdayMornings, dateFilter('2026-11-03', { fromMinute, toMinute }));
    expect(on(599, 600)).toBe(false);
    expect(on(600, 601)).toBe(true);
    expect(on(719, 720)).toBe(true);
    expect(on(720, 721)).toBe(false);
  });

  it('is never open for a description-only schedule', () => {
    expect(isOpenDuring({ description: 'Ring first' }, weekdayFilter('monday'))).toBe(false);
  });

  it('is open on a date only when the weekday alone would also say so', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 800 }), fc.integer({ min: 0, max: 1439 }), (offset, minute) => {
        const date = addDays('2026-01-01', offset);
        const span = { fromMinute: minute, toMinute: minute + 1 };
        if (isOpenDuring(firstMonday, dateFilter(date, span))) expect(isOpenDuring(firstMonday, weekdayFilter(weekdayOf(date), span))).toBe(true);
      }),
    );
  });
});
