import { describe, expect, it } from 'vitest';
import { huddleMeasures, type MeasureRows } from './measures.js';

const rows: MeasureRows = {
  meetings: [
    { id: 'm0', date: '2026-10-27', state: 'closed' }, // before the range
    { id: 'm1', date: '2026-11-03', state: 'closed' },
    { id: 'm2', date: '2026-11-10', state: 'closed' },
    { id: 'm3', date: '2026-11-17', state: 'cancelled' },
    { id: 'm4', date: '2026-11-24', state: 'in_progress' },
  ],
  attendance: [
    { meetingId: 'm0', staffId: 'gp1', role: 'gp' },
    { meetingId: 'm1', staffId: 'gp1', role: 'gp' },
    { meetingId: 'm1', staffId: 'n1', role: 'nurse' },
    { meetingId: 'm1', staffId: 'n2', role: 'nurse' },
    { meetingId: 'm1', staffId: 'n2', role: 'nurse' }, // recorded twice
    { meetingId: 'm2', staffId: 'gp2', role: 'gp' },
    { meetingId: 'm2', staffId: 'p1', role: 'pharmacist' },
    { meetingId: 'm4', staffId: 'sw1', role: 'social_worker' },
  ],
  items: [
    { meetingId: 'm0', personId: 'z', reviewed: true, carriedCount: 5 },
    { meetingId: 'm1', personId: 'a', reviewed: true, carriedCount: 0 },
    { meetingId: 'm1', personId: 'b', reviewed: false, carriedCount: 0 },
    { meetingId: 'm2', personId: 'b', reviewed: true, carriedCount: 1 },
    { meetingId: 'm2', personId: 'a', reviewed: true, carriedCount: 0 },
    { meetingId: 'm2', personId: 'c', reviewed: false, carriedCount: 2 },
    { meetingId: 'm4', personId: 'd', reviewed: false, carriedCount: 0 },
  ],
  tasks: [
    { id: 't0', meetingId: 'm0', state: 'done', dueOn: '2026-11-01', completedOn: '2026-10-30' },
    { id: 't1', meetingId: 'm1', state: 'done', dueOn: '2026-11-10', completedOn: '2026-11-10' },
    { id: 't2', meetingId: 'm1', state: 'done', dueOn: '2026-11-10', completedOn: '2026-11-12' },
    { id: 't3', meetingId: 'm2', state: 'open', dueOn: '2026-11-20', completedOn: null },
    { id: 't4', meetingId: 'm2', state: 'cancelled', dueOn: '2026-11-20', completedOn: null },
    { id: 't5', meetingId: null, state: 'done', dueOn: '2026-11-20', completedOn: '2026-11-05' },
    { id: 't6', meetingId: 'm4', state: 'open', dueOn: '2026-11-30', completedOn: null },
  ],
};

describe('huddle measures', () => {
  it('counts only meetings held (closed) within the range, both ends included', () => {
    expect(huddleMeasures(rows, '2026-11-01', '2026-11-30')).toEqual({
      from: '2026-11-01',
      to: '2026-11-30',
      meetingsHeld: 2,
      attendanceByRole: [
        { role: 'gp', attendances: 2, meetings: 2 },
        { role: 'nurse', attendances: 2, meetings: 1 },
        { role: 'pharmacist', attendances: 1, meetings: 1 },
      ],
      peopleDiscussed: 2,
      actionsCreated: 4,
      actionsCompleted: 2,
      actionsCompletedOnTime: 1,
      actionsCancelled: 1,
      itemsRolledOver: 2,
      longestCarried: 2,
    });
    expect(huddleMeasures(rows, '2026-11-03', '2026-11-03').meetingsHeld).toBe(1);
    expect(huddleMeasures(rows, '2026-10-27', '2026-11-03').peopleDiscussed).toBe(2);
  });

  it('gives zeros for a range with no meetings held', () => {
    expect(huddleMeasures(rows, '2027-01-01', '2027-01-31')).toMatchObject({
      meetingsHeld: 0,
      attendanceByRole: [],
      peopleDiscussed: 0,
      actionsCreated: 0,
      itemsRolledOver: 0,
      longestCarried: 0,
    });
  });

  it('refuses a range that is not one, naming the end at fault', () => {
    expect(() => huddleMeasures(rows, '2026-11-31', '2026-12-01')).toThrow(/^from:/);
    expect(() => huddleMeasures(rows, '2026-11-01', 'soon')).toThrow(/^to:/);
    expect(() => huddleMeasures(rows, '2026-12-01', '2026-11-01')).toThrow('to: The end of the range must not be before its start');
  });
});
