import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { huddleMembers, huddleSeriesSchema, isSeriesMeetingDate, meetingInstants, upcomingMeetingDates } from './series.js';

const chair = '7b5c3c1e-1f0a-4a57-9d7e-1b2c3d4e5f60';
const nurse = '0c9a4f7e-2b3d-4e5f-8a9b-0c1d2e3f4a5b';
const pharmacist = '5d6e7f80-91a2-4b3c-8d4e-5f6071829304';

const valid = {
  name: 'Elm Road huddle',
  scope: { kind: 'practice', practiceId: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' },
  weekday: 'tuesday',
  startTime: '10:00',
  place: 'Elm Road Surgery, first-floor library',
  frequency: 'fortnightly',
  firstMeetingOn: '2026-03-03',
  chairStaffId: chair,
  standingMemberStaffIds: [nurse, pharmacist],
};

const fieldsAtFault = (input: unknown) => huddleSeriesSchema.safeParse(input).error?.issues.map((i) => i.path.join('.')) ?? [];

describe('huddle series input', () => {
  it('accepts a series and defaults the length to 60 minutes', () => {
    const series = huddleSeriesSchema.parse(valid);
    expect(series.durationMinutes).toBe(60);
    expect(series.standingMemberStaffIds).toEqual([nurse, pharmacist]);
  });

  it('accepts a network series and no standing members', () => {
    const { standingMemberStaffIds: _, ...rest } = valid;
    const series = huddleSeriesSchema.parse({ ...rest, scope: { kind: 'network', networkId: chair } });
    expect(series.standingMemberStaffIds).toEqual([]);
  });

  it('refuses a first meeting that is not on the weekday, saying which day it is', () => {
    const result = huddleSeriesSchema.safeParse({ ...valid, firstMeetingOn: '2026-03-04' });
    expect(result.error!.issues).toMatchObject([{ path: ['firstMeetingOn'], message: 'The first meeting must be on a Tuesday; this date is a Wednesday' }]);
  });

  it('names each field at fault', () => {
    expect(fieldsAtFault({ ...valid, startTime: '25:00' })).toEqual(['startTime']);
    expect(fieldsAtFault({ ...valid, startTime: '9:30' })).toEqual(['startTime']);
    expect(fieldsAtFault({ ...valid, frequency: 'monthly' })).toEqual(['frequency']);
    expect(fieldsAtFault({ ...valid, weekday: 'Tuesday' })).toEqual(['weekday']);
    expect(fieldsAtFault({ ...valid, firstMeetingOn: '2026-02-30' })).toEqual(['firstMeetingOn']);
    expect(fieldsAtFault({ ...valid, durationMinutes: 10 })).toEqual(['durationMinutes']);
    expect(fieldsAtFault({ ...valid, durationMinutes: 45.5 })).toEqual(['durationMinutes']);
    expect(fieldsAtFault({ ...valid, name: '   ' })).toEqual(['name']);
    expect(fieldsAtFault({ ...valid, place: '' })).toEqual(['place']);
    expect(fieldsAtFault({ ...valid, chairStaffId: 'dr-shah' })).toEqual(['chairStaffId']);
    expect(fieldsAtFault({ ...valid, scope: { kind: 'practice', networkId: chair } })).toContain('scope.practiceId');
    expect(fieldsAtFault({ ...valid, scope: { kind: 'borough' } })).toEqual(['scope.kind']);
    expect(fieldsAtFault({ ...valid, standingMemberStaffIds: [nurse, 'x'] })).toEqual(['standingMemberStaffIds.1']);
    expect(fieldsAtFault({ ...valid, colour: 'blue' })).toEqual(['']);
  });

  it('refuses a standing member listed twice, at the second listing', () => {
    expect(fieldsAtFault({ ...valid, standingMemberStaffIds: [nurse, pharmacist, nurse] })).toEqual(['standingMemberStaffIds.2']);
  });

  it('counts the chair as a member once, first', () => {
    expect(huddleMembers({ chairStaffId: chair, standingMemberStaffIds: [nurse, chair, pharmacist] })).toEqual([chair, nurse, pharmacist]);
  });
});

describe('calendar of meetings', () => {
  const weekly = { firstMeetingOn: '2026-03-03', frequency: 'weekly' } as const;
  const fortnightly = { firstMeetingOn: '2026-03-03', frequency: 'fortnightly' } as const;

  it('lists weekly meetings from the first one', () => {
    expect(upcomingMeetingDates(weekly, '2026-01-01', 3)).toEqual(['2026-03-03', '2026-03-10', '2026-03-17']);
  });

  it('includes a meeting on the day asked from', () => {
    expect(upcomingMeetingDates(weekly, '2026-03-10', 2)).toEqual(['2026-03-10', '2026-03-17']);
    expect(upcomingMeetingDates(weekly, '2026-03-11', 1)).toEqual(['2026-03-17']);
  });

  it('anchors fortnightly meetings on the first, whichever day is asked from', () => {
    expect(upcomingMeetingDates(fortnightly, '2026-03-04', 3)).toEqual(['2026-03-17', '2026-03-31', '2026-04-14']);
    expect(upcomingMeetingDates(fortnightly, '2026-03-10', 1)).toEqual(['2026-03-17']);
    expect(upcomingMeetingDates(fortnightly, '2026-03-17', 1)).toEqual(['2026-03-17']);
    expect(upcomingMeetingDates(fortnightly, '2026-03-18', 1)).toEqual(['2026-03-31']);
  });

  it('crosses the end of a year and a leap day', () => {
    expect(upcomingMeetingDates({ firstMeetingOn: '2027-12-21', frequency: 'fortnightly' }, '2027-12-22', 5)).toEqual([
      '2028-01-04',
      '2028-01-18',
      '2028-02-01',
      '2028-02-15',
      '2028-02-29',
    ]);
  });

  it('gives only meeting days of the series, in order, for any start day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2000 }), fc.constantFrom('weekly', 'fortnightly' as const), fc.integer({ min: 1, max: 30 }), (offset, frequency, count) => {
        const from = new Date(Date.UTC(2025, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const series = { firstMeetingOn: '2026-03-03', frequency } as const;
        const dates = upcomingMeetingDates(series, from, count);
        expect(dates).toHaveLength(count);
        for (const date of dates) expect(isSeriesMeetingDate(series, date)).toBe(true);
        expect(dates[0]! >= from).toBe(true);
        expect([...dates].sort()).toEqual(dates);
        // nothing skipped: the day before the first is not in the window or not a meeting
        const gap = frequency === 'weekly' ? 7 : 14;
        const before = new Date(Date.parse(`${dates[0]}T00:00:00Z`) - gap * 86_400_000).toISOString().slice(0, 10);
        expect(before < from || before < series.firstMeetingOn).toBe(true);
      }),
    );
  });

  it('knows which days are meeting days', () => {
    expect(isSeriesMeetingDate(fortnightly, '2026-03-03')).toBe(true);
    expect(isSeriesMeetingDate(fortnightly, '2026-03-10')).toBe(false);
    expect(isSeriesMeetingDate(fortnightly, '2026-02-17')).toBe(false);
    expect(isSeriesMeetingDate(weekly, '2026-03-10')).toBe(true);
    expect(isSeriesMeetingDate(weekly, 'not a date')).toBe(false);
  });

  it('refuses a bad start day or count, naming it', () => {
    expect(() => upcomingMeetingDates(weekly, '2026-13-01', 1)).toThrow(DomainError);
    expect(() => upcomingMeetingDates(weekly, '2026-13-01', 1)).toThrow(/^from:/);
    expect(() => upcomingMeetingDates(weekly, '2026-03-01', -1)).toThrow(/^count:/);
    expect(() => upcomingMeetingDates(weekly, '2026-03-01', 1.5)).toThrow(/^count:/);
    expect(() => upcomingMeetingDates(weekly, '2026-03-01', 521)).toThrow(/^count:/);
    expect(upcomingMeetingDates(weekly, '2026-03-01', 0)).toEqual([]);
  });

  it('places each meeting at 10:00 local time on both sides of the clock changes', () => {
    const series = { startTime: '10:00', durationMinutes: 60 };
    const dates = upcomingMeetingDates(weekly, '2026-03-24', 2);
    expect(dates.map((date) => meetingInstants(series, date).startsAt.toISOString())).toEqual(['2026-03-24T10:00:00.000Z', '2026-03-31T09:00:00.000Z']);
    const autumn = upcomingMeetingDates(weekly, '2026-10-20', 2);
    expect(autumn.map((date) => meetingInstants(series, date).startsAt.toISOString())).toEqual(['2026-10-20T09:00:00.000Z', '2026-10-27T10:00:00.000Z']);
    expect(meetingInstants({ startTime: '12:30', durationMinutes: 45 }, '2026-10-27').endsAt.toISOString()).toBe('2026-10-27T13:15:00.000Z');
  });
});
