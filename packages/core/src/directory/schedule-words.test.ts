import { describe, expect, it } from 'vitest';
import { describeSchedule, hoursInWords, weekdaysInWords } from './schedule-words.js';

describe('a schedule in plain English', () => {
  it('says weekly sessions as days then times', () => {
    expect(describeSchedule({ freq: 'WEEKLY', byday: 'TU', opens_at: '10:00', closes_at: '12:00' })).toBe('Tuesdays 10:00 to 12:00');
    expect(describeSchedule({ byday: 'TH,MO', opens_at: '10:00:00', closes_at: '11:30:00' })).toBe('Mondays and Thursdays 10:00 to 11:30');
    expect(describeSchedule({ byday: 'MO,WE,FR', opens_at: '09:00', closes_at: '17:00' })).toBe('Mondays, Wednesdays and Fridays 09:00 to 17:00');
    expect(describeSchedule({ byday: 'MO,TU,WE,TH,FR', opens_at: '09:00', closes_at: '17:00' })).toBe('Monday to Friday 09:00 to 17:00');
    expect(describeSchedule({ byday: 'MO,TU,WE,TH,FR,SA,SU', opens_at: '00:00', closes_at: '24:00' })).toBe('Every day midnight to midnight');
    expect(describeSchedule({ byday: 'SA' })).toBe('Saturdays');
  });

  it('says monthly sessions by their week of the month', () => {
    expect(describeSchedule({ freq: 'MONTHLY', byday: '1MO', opens_at: '14:00', closes_at: '16:00' })).toBe('First Monday of the month, 14:00 to 16:00');
    expect(describeSchedule({ freq: 'MONTHLY', byday: '3MO,1MO' })).toBe('First and third Monday of the month');
    expect(describeSchedule({ freq: 'MONTHLY', byday: '-1FR,2TU' })).toBe('Second Tuesday and last Friday of the month');
    expect(describeSchedule({ freq: 'MONTHLY', byday: '-2WE' })).toBe('Second to last Wednesday of the month');
    expect(describeSchedule({ freq: 'MONTHLY', byday: 'MO' })).toBe('Mondays');
  });

  it('says days of the month as ordinals', () => {
    expect(describeSchedule({ freq: 'MONTHLY', bymonthday: '15' })).toBe('15th of the month');
    expect(describeSchedule({ freq: 'MONTHLY', bymonthday: '1,22,-1', opens_at: '10:00', closes_at: '11:00' })).toBe('1st, 22nd and last day of the month, 10:00 to 11:00');
    expect(describeSchedule({ freq: 'MONTHLY', bymonthday: '11,12,13,23' })).toBe('11th, 12th, 13th and 23rd of the month');
    expect(describeSchedule({ freq: 'MONTHLY', byday: 'FR', bymonthday: '13' })).toBe('Fridays that fall on the 13th of the month');
  });

  it('says the interval', () => {
    expect(describeSchedule({ byday: 'WE', interval: 2, dtstart: '2026-11-04', opens_at: '10:00', closes_at: '11:00' })).toBe('Every other Wednesday, 10:00 to 11:00');
    expect(describeSchedule({ byday: 'MO,WE', interval: 3, dtstart: '2026-11-04' })).toBe('Mondays and Wednesdays, every 3 weeks');
    expect(describeSchedule({ freq: 'MONTHLY', byday: '1MO', interval: 2, dtstart: '2026-11-02' })).toBe('First Monday of every other month');
    expect(describeSchedule({ freq: 'MONTHLY', bymonthday: '1', interval: 3, dtstart: '2026-11-01' })).toBe('1st of every 3 months');
  });

  it('says the last date always, and the first date only when it is still to come', () => {
    const winter = { byday: 'TU', opens_at: '10:00', closes_at: '12:00', valid_from: '2026-11-03', valid_to: '2027-03-30' };
    expect(describeSchedule(winter)).toBe('Tuesdays 10:00 to 12:00, until 30 March 2027');
    expect(describeSchedule(winter, '2026-11-02')).toBe('Tuesdays 10:00 to 12:00, from 3 November 2026, until 30 March 2027');
    expect(describeSchedule(winter, '2026-11-03')).toBe('Tuesdays 10:00 to 12:00, until 30 March 2027');
  });

  it('shows the description of a free-text or unreadable schedule', () => {
    expect(describeSchedule({ description: ' Ring to book a time ' })).toBe('Ring to book a time');
    expect(describeSchedule({ byday: 'XX', description: 'Most Tuesdays' })).toBe('Most Tuesdays');
    expect(describeSchedule({})).toBe('Times not given');
  });

  it('has the small pieces right', () => {
    expect(weekdaysInWords(['saturday', 'friday', 'sunday'])).toBe('Friday to Sunday');
    expect(weekdaysInWords(['monday', 'tuesday'])).toBe('Mondays and Tuesdays');
    expect(weekdaysInWords(['monday', 'tuesday', 'thursday'])).toBe('Mondays, Tuesdays and Thursdays');
    expect(hoursInWords({ fromMinute: 1320, toMinute: 1440 })).toBe('22:00 to midnight');
  });
});
