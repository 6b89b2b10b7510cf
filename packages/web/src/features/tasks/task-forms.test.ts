import type { TaskDetail } from '@kith/core';
import { describe, expect, it } from 'vitest';
import { changesSince } from './conflict';
import { dueDateOf, taskFieldIds } from './due-date';
import { dueText, eventText, ownerOf, ownerValue } from './labels';

const form = (parts: Record<string, string>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(parts)) data.set(key, value);
  return data;
};

describe('task owners as select values', () => {
  it('round-trips a member of staff and a team', () => {
    const staffId = '0a1b2c3d-4e5f-4607-8819-2a3b4c5d6e7f';
    expect(ownerOf(ownerValue({ kind: 'staff', staffId }))).toEqual({ kind: 'staff', staffId });
    expect(ownerOf(ownerValue({ kind: 'team', role: 'pharmacist' }))).toEqual({ kind: 'team', role: 'pharmacist' });
  });

  it('refuses what is neither', () => {
    expect(ownerOf('')).toBeUndefined();
    expect(ownerOf('team:admin')).toBeUndefined();
    expect(ownerOf('staff:')).toBeUndefined();
  });
});

describe('the due date of a task', () => {
  const today = '2026-06-02';
  const due = (day: string, month: string, year: string) => dueDateOf(form({ 'd-day': day, 'd-month': month, 'd-year': year }), 'd', today);

  it('takes a real date from today on', () => {
    expect(due('2', '6', '2026')).toEqual({ date: '2026-06-02' });
    expect(due('15', '3', '2027')).toEqual({ date: '2027-03-15' });
  });

  it('asks for a missing date, links a missing part, and refuses the past', () => {
    expect(due('', '', '').error).toMatchObject({ fieldId: 'd-day', message: 'Enter the due date' });
    expect(due('2', '', '2026').error).toMatchObject({ fieldId: 'd-month', message: 'Due date must include a month', dateParts: ['month'] });
    expect(due('31', '2', '2027').error?.message).toBe('Due date must be a real date');
    expect(due('1', '6', '2026').error?.message).toBe('The due date must be today or in the future');
  });

  it('links the API fields to the form inputs', () => {
    expect(taskFieldIds('action')).toMatchObject({ title: 'action-title', 'owner.role': 'action-owner', dueOn: 'action-due-day' });
  });
});

describe('tasks in words', () => {
  it('says overdue in words', () => {
    expect(dueText({ dueOn: '2026-06-01', overdue: true, state: 'open' })).toBe('Overdue: was due 1 June 2026');
    expect(dueText({ dueOn: '2026-06-01', overdue: false, state: 'done' })).toBe('1 June 2026');
  });

  const event = { text: null, staffId: 's', staffName: 'Sam Jones', at: '2026-06-02T13:05:00.000Z', version: 2 };
  it('describes each step of the trail', () => {
    expect(eventText({ ...event, kind: 'created', fromState: null, toState: 'open' })).toBe('Created');
    expect(eventText({ ...event, kind: 'moved', fromState: 'open', toState: 'in_progress' })).toBe('Open to in progress');
    expect(eventText({ ...event, kind: 'moved', fromState: 'done', toState: 'open' })).toBe('Reopened');
  });

  it("lists another person's changes since the version read, leaving out comments", () => {
    const task = {
      events: [
        { ...event, kind: 'created', fromState: null, toState: 'open', version: 1 },
        { ...event, kind: 'edited', fromState: null, toState: null, text: 'Priority normal → high', version: 2 },
        { ...event, kind: 'commented', fromState: null, toState: null, text: 'Rang, no answer', version: 2 },
      ],
    } as unknown as TaskDetail;
    const changes = changesSince(task, 1);
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatch(/^Sam Jones, 2 June 2026 at \d\d:05: Changed: Priority normal → high$/);
  });
});
