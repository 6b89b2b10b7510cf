import { describe, expect, it } from 'vitest';
import { ageToday, formatDate, todayIso } from './format';

describe('web formatting', () => {
  it('writes dates the NHS way, without a leading zero', () => {
    expect(formatDate('1941-03-12')).toBe('12 March 1941');
    expect(formatDate('2000-01-05')).toBe('5 January 2000');
  });

  it('leaves a malformed date as it came', () => {
    expect(formatDate('not a date')).toBe('not a date');
  });

  it("takes today from the user's calendar", () => {
    expect(todayIso(new Date(2025, 2, 12, 0, 30))).toBe('2025-03-12');
  });

  it('counts age in whole years, turning on the birthday', () => {
    expect(ageToday('1941-03-12', new Date(2025, 2, 11))).toBe(83);
    expect(ageToday('1941-03-12', new Date(2025, 2, 12))).toBe(84);
  });
});
