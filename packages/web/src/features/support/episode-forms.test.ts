import { describe, expect, it } from 'vitest';
import { changeIds, readChange, readNewEpisode, readNextVisit } from './episode-forms';

const form = (values: Record<string, string | string[]>) => {
  const data = new FormData();
  for (const [key, value] of Object.entries(values)) for (const one of [value].flat()) data.append(key, one);
  return data;
};
const date = (id: string, day: string, month: string, year: string) => ({ [`${id}-day`]: day, [`${id}-month`]: month, [`${id}-year`]: year });

describe('starting an episode', () => {
  const today = '2026-06-03';
  it('is waiting without a start date, and active from one already past', () => {
    expect(readNewEpisode(form({ 'episode-type': 'pic_independence_support', 'episode-weeks': '12' }), today).value).toEqual({
      type: 'pic_independence_support',
      referralId: undefined,
      plannedWeeks: 12,
      startOn: undefined,
    });
    const started = form({ 'episode-type': 'care_coordination', 'episode-weeks': '8', 'episode-referral': 'r1', ...date('episode-start', '1', '6', '2026') });
    expect(readNewEpisode(started, today).value).toMatchObject({ referralId: 'r1', plannedWeeks: 8, startOn: '2026-06-01' });
  });

  it('asks for the type and a sensible length, and refuses a start date to come', () => {
    const read = readNewEpisode(form({ 'episode-weeks': '60', ...date('episode-start', '4', '6', '2026') }), today);
    expect(read.problems?.map((p) => p.fieldId)).toEqual(['episode-type', 'episode-weeks', 'episode-start-day']);
  });
});

describe('changing an episode', () => {
  const ids = changeIds('pic');
  const today = '2026-06-03';
  const active = { status: 'active' as const, exitPlan: null };

  it('needs a note when paused for another reason', () => {
    expect(readChange('pause', form({ 'pic-pause-reason': 'other' }), ids, active, today).problems?.[0]?.fieldId).toBe('pic-pause-note');
    expect(readChange('pause', form({ 'pic-pause-reason': 'in_hospital' }), ids, active, today).value).toEqual({ kind: 'pause', reason: 'in_hospital', note: undefined });
  });

  it('needs an exit plan to end support once it has begun, unless one is written', () => {
    const end = form({ 'pic-end-reason': 'goals_met' });
    expect(readChange('end', end, ids, active, today).problems?.[0]).toMatchObject({ fieldId: 'pic-end-exit-plan' });
    expect(readChange('end', end, ids, { status: 'waiting', exitPlan: null }, today).value).toMatchObject({ kind: 'end', reason: 'goals_met' });
    expect(readChange('end', form({ 'pic-end-reason': 'goals_met', 'pic-end-exit-plan': 'Lunch club' }), ids, { status: 'active', exitPlan: 'Lunch club' }, today).value).toEqual({
      kind: 'end',
      reason: 'goals_met',
      note: undefined,
      endedOn: undefined,
      exitPlan: undefined,
    });
  });

  it('reads a length and a start date', () => {
    expect(readChange('change_length', form({ 'pic-weeks': '16' }), ids, active, today).value).toEqual({ kind: 'change_length', plannedWeeks: 16 });
    expect(readChange('start', form(date('pic-start-date', '2', '6', '2026')), ids, { status: 'waiting', exitPlan: null }, today).value).toEqual({ kind: 'start', startOn: '2026-06-02' });
  });

  it('books the next visit only for a time to come', () => {
    const ids = { date: 'v', time: 'vt' };
    const now = new Date('2026-06-03T12:00:00.000Z');
    expect(readNextVisit(form({ ...date('v', '4', '6', '2026'), vt: '10:00' }), ids, now).value).toBe('2026-06-04T09:00:00.000Z');
    expect(readNextVisit(form({ ...date('v', '2', '6', '2026'), vt: '10:00' }), ids, now).problems?.[0]?.message).toBe('Book the visit for a time still to come');
  });
});
