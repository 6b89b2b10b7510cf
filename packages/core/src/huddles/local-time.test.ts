import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { isClockTime, localTimeToInstant, timeZoneOffsetMinutes } from './local-time.js';

const iso = (d: Date) => d.toISOString();

describe('Europe/London wall-clock time', () => {
  it('is GMT in winter and BST in summer', () => {
    expect(timeZoneOffsetMinutes(new Date('2026-01-15T12:00:00Z'))).toBe(0);
    expect(timeZoneOffsetMinutes(new Date('2026-07-15T12:00:00Z'))).toBe(60);
  });

  it('keeps a 10:00 meeting at 10:00 local across the March change (29 March 2026)', () => {
    expect(iso(localTimeToInstant('2026-03-24', '10:00'))).toBe('2026-03-24T10:00:00.000Z');
    expect(iso(localTimeToInstant('2026-03-28', '10:00'))).toBe('2026-03-28T10:00:00.000Z');
    expect(iso(localTimeToInstant('2026-03-29', '10:00'))).toBe('2026-03-29T09:00:00.000Z');
    expect(iso(localTimeToInstant('2026-03-31', '10:00'))).toBe('2026-03-31T09:00:00.000Z');
  });

  it('keeps a 10:00 meeting at 10:00 local across the October change (25 October 2026)', () => {
    expect(iso(localTimeToInstant('2026-10-20', '10:00'))).toBe('2026-10-20T09:00:00.000Z');
    expect(iso(localTimeToInstant('2026-10-24', '10:00'))).toBe('2026-10-24T09:00:00.000Z');
    expect(iso(localTimeToInstant('2026-10-25', '10:00'))).toBe('2026-10-25T10:00:00.000Z');
    expect(iso(localTimeToInstant('2026-10-27', '10:00'))).toBe('2026-10-27T10:00:00.000Z');
  });

  it('is exact either side of the change instants themselves', () => {
    expect(iso(localTimeToInstant('2026-03-29', '00:59'))).toBe('2026-03-29T00:59:00.000Z');
    expect(iso(localTimeToInstant('2026-03-29', '02:00'))).toBe('2026-03-29T01:00:00.000Z');
    expect(iso(localTimeToInstant('2026-10-25', '00:59'))).toBe('2026-10-24T23:59:00.000Z');
    expect(iso(localTimeToInstant('2026-10-25', '02:00'))).toBe('2026-10-25T02:00:00.000Z');
  });

  it('moves a time in the skipped March hour forward by the gap', () => {
    expect(iso(localTimeToInstant('2026-03-29', '01:30'))).toBe('2026-03-29T01:30:00.000Z');
    expect(timeZoneOffsetMinutes(localTimeToInstant('2026-03-29', '01:30'))).toBe(60);
  });

  it('takes the first (BST) of a time that happens twice in October', () => {
    expect(iso(localTimeToInstant('2026-10-25', '01:30'))).toBe('2026-10-25T00:30:00.000Z');
  });

  it('uses the right change days in other years (2027: 28 March, 31 October)', () => {
    expect(iso(localTimeToInstant('2027-03-27', '10:00'))).toBe('2027-03-27T10:00:00.000Z');
    expect(iso(localTimeToInstant('2027-03-28', '10:00'))).toBe('2027-03-28T09:00:00.000Z');
    expect(iso(localTimeToInstant('2027-10-30', '10:00'))).toBe('2027-10-30T09:00:00.000Z');
    expect(iso(localTimeToInstant('2027-10-31', '10:00'))).toBe('2027-10-31T10:00:00.000Z');
  });

  it('works for another zone when asked', () => {
    expect(iso(localTimeToInstant('2026-07-01', '10:00', 'America/New_York'))).toBe('2026-07-01T14:00:00.000Z');
  });

  it('reads back as the same wall-clock time for any day and time of day', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3650 }), fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }), (offset, hour, minute) => {
        const date = new Date(Date.UTC(2024, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        if (hour === 1) return; // the change hour is covered above
        const time = `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
        const instant = localTimeToInstant(date, time);
        const local = new Date(instant.getTime() + timeZoneOffsetMinutes(instant) * 60_000).toISOString();
        expect(local.slice(0, 16)).toBe(`${date}T${time}`);
      }),
    );
  });

  it('refuses a date or time that is not real, naming the field', () => {
    expect(() => localTimeToInstant('2026-02-29', '10:00')).toThrow(DomainError);
    expect(() => localTimeToInstant('2026-02-29', '10:00')).toThrow(/^date:/);
    expect(() => localTimeToInstant('2026-03-03', '24:00')).toThrow(/^time:/);
    expect(() => localTimeToInstant('2026-03-03', '9:30')).toThrow(/^time:/);
  });

  it('knows a clock time when it sees one', () => {
    for (const ok of ['00:00', '09:30', '23:59']) expect(isClockTime(ok), ok).toBe(true);
    for (const bad of ['24:00', '9:30', '09:60', '0930', '09:30:00', '']) expect(isClockTime(bad), bad).toBe(false);
  });
});
