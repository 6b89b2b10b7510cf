import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import type { Goal, MyLifePlanContent, PlanAuthor } from './content.js';
import { currentGoalStatuses, goalProgressSeries, recordGoalProgress, type GoalProgressRecord } from './progress.js';

const SAM = '7b5c3c1e-1f0a-4a57-9d7e-1b2c3d4e5f60';
const sam: PlanAuthor = { kind: 'staff', staffId: SAM, name: 'Sam Patel', role: 'coordinator' };

const goal = (id: string, text: string, writtenAt = '2026-03-03T10:00:00.000Z'): Goal => ({
  id,
  domain: 'home',
  inMyWords: { id: `${id}-words`, text, personsOwnWords: true, writtenBy: sam, writtenAt, comments: [] },
  actions: [],
});

const stairs = goal('g1', 'Get upstairs to my bedroom again');
const lunch = goal('g2', 'Back to the lunch club');

const record = (goalId: string, status: GoalProgressRecord['status'], recordedAt: string, note?: string): GoalProgressRecord => ({
  goalId,
  status,
  recordedAt,
  recordedBy: sam,
  ...(note ? { note } : {}),
});

describe('goal progress for the chart', () => {
  it('gives each goal its statuses oldest first, and its current status', () => {
    const records = [
      record('g1', 'achieved', '2026-05-01T09:00:00.000Z', 'Managed the stairs with the rail'),
      record('g1', 'in_progress', '2026-03-20T09:00:00.000Z'),
      record('gone', 'achieved', '2026-04-01T09:00:00.000Z'),
    ];
    const series = goalProgressSeries([stairs, lunch], records);
    expect(series.map((s) => s.goalId)).toEqual(['g1', 'g2']);
    expect(series[0]).toEqual({
      goalId: 'g1',
      goal: { domain: 'home', inMyWords: 'Get upstairs to my bedroom again' },
      since: '2026-03-03T10:00:00.000Z',
      points: [
        { status: 'in_progress', at: '2026-03-20T09:00:00.000Z', recordedBy: sam },
        { status: 'achieved', at: '2026-05-01T09:00:00.000Z', note: 'Managed the stairs with the rail', recordedBy: sam },
      ],
      current: 'achieved',
    });
    expect(series[1]).toMatchObject({ points: [], current: 'not_started' });
    expect(currentGoalStatuses([stairs, lunch], records)).toEqual({ g1: 'achieved', g2: 'not_started' });
  });

  it('orders by instant, whatever the offset, and keeps the given order for a tie', () => {
    const records = [
      record('g1', 'in_progress', '2026-06-01T10:30:00+01:00'),
      record('g1', 'changed', '2026-06-01T09:45:00Z'),
      record('g1', 'achieved', '2026-06-01T09:45:00Z'),
    ];
    expect(goalProgressSeries([stairs], records)[0]!.points.map((p) => p.status)).toEqual(['in_progress', 'changed', 'achieved']);
  });

  it('starts a reworded goal’s line at its first record', () => {
    const reworded = goal('g1', 'Sleep upstairs again', '2026-04-10T09:00:00.000Z');
    expect(goalProgressSeries([reworded], [record('g1', 'in_progress', '2026-03-20T09:00:00.000Z')])[0]!.since).toBe('2026-03-20T09:00:00.000Z');
  });
});

describe('recording progress', () => {
  const plan = { goals: [stairs] } as MyLifePlanContent;
  const now = new Date('2026-03-20T09:00:00.000Z');

  it('stamps who and when', () => {
    const editor = { staffId: SAM, name: 'Sam Patel', roles: ['coordinator' as const] };
    expect(recordGoalProgress({ input: { goalId: 'g1', status: 'in_progress', note: ' Rail ordered ' }, plan, editor, now })).toEqual({
      goalId: 'g1',
      status: 'in_progress',
      note: 'Rail ordered',
      recordedAt: '2026-03-20T09:00:00.000Z',
      recordedBy: sam,
    });
    expect(recordGoalProgress({ input: { goalId: 'g1', status: 'achieved' }, plan, editor: { kind: 'person' }, now }).recordedBy).toEqual({ kind: 'person' });
  });

  it('refuses a goal not in the plan and a status not on the list, naming the field', () => {
    const fields = (input: unknown) => {
      try {
        recordGoalProgress({ input, plan, editor: { kind: 'person' }, now });
      } catch (error) {
        return (error as DomainError).problems.map((p) => p.field);
      }
      return [];
    };
    expect(fields({ goalId: 'g9', status: 'achieved' })).toEqual(['goalId']);
    expect(fields({ goalId: 'g1', status: 'done' })).toEqual(['status']);
    expect(fields({ goalId: 'g1', status: 'achieved', colour: 'green' })).toEqual(['colour']);
  });
});
