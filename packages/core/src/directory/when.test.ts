import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  askedSpan,
  clockOfMinute,
  dateFilter,
  englandClockAt,
  matchesWhen,
  minuteOfClock,
  openNowFilter,
  PART_OF_DAY_SPANS,
  spansOverlap,
  weekdayFilter,
  type DaySpan,
} from './when.js';

const session = (from: string, to: string): DaySpan => ({ weekday: 'tuesday', fromMinute: minuteOfClock(from)!, toMinute: minuteOfClock(to)! });
const tuesday = (part: 'morning' | 'afternoon' | 'evening') => weekdayFilter('tuesday', PART_OF_DAY_SPANS[part]);

describe('clock times as minutes', () => {
  it('reads HH:MM and the 24:00 that ends a day, and nothing else', () => {
    expect(minuteOfClock('00:00')).toBe(0);
    expect(minuteOfClock('09:30')).toBe(570);
    expect(minuteOfClock('23:59')).toBe(1439);
    expect(minuteOfClock('24:00')).toBe(1440);
    for (const bad of ['24:01', '9:30', '09:60', '0930', '09:30:00', '']) expect(minuteOfClock(bad), bad).toBeUndefined();
  });

  it('writes them back', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1440 }), (m) => {
        expect(minuteOfClock(clockOfMinute(m))).toBe(m);
      }),
    );
  });
});

describe('the overlap rule', () => {
  it('matches a session to a part of the day it shares a minute with, on both sides of every edge', () => {
    // Morning is 08:00 to 12:00.
    expect(matchesWhen([session('07:00', '08:00')], tuesday('morning'))).toBe(false);
    expect(matchesWhen([session('07:00', '08:01')], tuesday('morning'))).toBe(true);
    expect(matchesWhen([session('11:59', '13:00')], tuesday('morning'))).toBe(true);
    expect(matchesWhen([session('12:00', '13:00')], tuesday('morning'))).toBe(false);
    // Afternoon is 12:00 to 17:00.
    expect(matchesWhen([session('10:00', '12:00')], tuesday('afternoon'))).toBe(false);
    expect(matchesWhen([session('10:00', '12:01')], tuesday('afternoon'))).toBe(true);
    expect(matchesWhen([session('16:59', '18:00')], tuesday('afternoon'))).toBe(true);
    expect(matchesWhen([session('17:00', '18:00')], tuesday('afternoon'))).toBe(false);
    // Evening is 17:00 to 21:00.
    expect(matchesWhen([session('16:00', '17:00')], tuesday('evening'))).toBe(false);
    expect(matchesWhen([session('16:00', '17:01')], tuesday('evening'))).toBe(true);
    expect(matchesWhen([session('20:59', '22:00')], tuesday('evening'))).toBe(true);
    expect(matchesWhen([session('21:00', '22:00')], tuesday('evening'))).toBe(false);
  });

  it('matches a session that spans the whole part, and one wholly inside it', () => {
    expect(matchesWhen([session('07:00', '22:00')], tuesday('afternoon'))).toBe(true);
    expect(matchesWhen([session('13:00', '14:00')], tuesday('afternoon'))).toBe(true);
  });

  it('needs the same weekday', () => {
    expect(matchesWhen([session('10:00', '12:00')], weekdayFilter('wednesday'))).toBe(false);
    expect(matchesWhen([session('10:00', '12:00')], weekdayFilter('tuesday'))).toBe(true);
    expect(matchesWhen([], weekdayFilter('tuesday'))).toBe(false);
  });

  it('is symmetric, and the same as sharing at least one whole minute', () => {
    const span = fc.tuple(fc.integer({ min: 0, max: 1439 }), fc.integer({ min: 1, max: 1440 })).filter(([a, b]) => a < b);
    fc.assert(
      fc.property(span, span, ([af, at], [bf, bt]) => {
        const a = { fromMinute: af, toMinute: at };
        const b = { fromMinute: bf, toMinute: bt };
        let shared = false;
        for (let m = af; m < at && !shared; m += 1) shared = m >= bf && m < bt;
        expect(spansOverlap(a, b)).toBe(shared);
        expect(spansOverlap(b, a)).toBe(shared);
      }),
    );
  });
});

describe('the span asked for', () => {
  it('is the part of the day, the times given, or the whole day', () => {
    expect(askedSpan({ partOfDay: 'evening' })).toEqual({ fromMinute: 1020, toMinute: 1260 });
    expect(askedSpan({ from: '09:15', to: '10:45' })).toEqual({ fromMinute: 555, toMinute: 645 });
    expect(askedSpan({ from: '18:00' })).toEqual({ fromMinute: 1080, toMinute: 1440 });
    expect(askedSpan({})).toEqual({ fromMinute: 0, toMinute: 1440 });
  });

  it('names the weekday of a date', () => {
    expect(dateFilter('2026-11-03', PART_OF_DAY_SPANS.morning)).toEqual({ weekday: 'tuesday', date: '2026-11-03', fromMinute: 480, toMinute: 720 });
  });
});

describe('open now, on England’s clock', () => {
  it('reads the date and minute in GMT in winter and BST in summer', () => {
    expect(englandClockAt(new Date('2026-01-15T09:30:00Z'))).toEqual({ date: '2026-01-15', minute: 570 });
    expect(englandClockAt(new Date('2026-07-15T09:30:00Z'))).toEqual({ date: '2026-07-15', minute: 630 });
  });

  it('is the next day in England after 23:00 UTC in summer', () => {
    expect(openNowFilter(new Date('2026-07-14T23:30:00Z'))).toEqual({ weekday: 'wednesday', date: '2026-07-15', fromMinute: 30, toMinute: 31 });
    expect(openNowFilter(new Date('2026-01-13T23:30:00Z'))).toMatchObject({ weekday: 'tuesday', date: '2026-01-13' });
  });

  it('finds a session open from its first minute to just before its last', () => {
    const tuesdayMorning = [{ weekday: 'tuesday' as const, fromMinute: 600, toMinute: 720 }];
    const at = (iso: string) => matchesWhen(tuesdayMorning, openNowFilter(new Date(iso)));
    expect(at('2026-11-03T09:59:00Z')).toBe(false);
    expect(at('2026-11-03T10:00:00Z')).toBe(true);
    expect(at('2026-11-03T11:59:59Z')).toBe(true);
    expect(at('2026-11-03T12:00:00Z')).toBe(false);
    // 10:00 BST is 09:00 UTC.
    expect(at('2026-06-02T08:59:00Z')).toBe(false);
    expect(at('2026-06-02T09:00:00Z')).toBe(true);
  });
});
