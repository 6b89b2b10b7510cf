import { describe, expect, it } from 'vitest';
import { addDays } from './days.js';
import { episodeSupportDays, episodeWeek } from './episode-week.js';
import type { EpisodeState } from './episode.js';

const startOn = '2026-03-02';
const active: Pick<EpisodeState, 'status' | 'startOn' | 'pausedOn' | 'pausedDays' | 'endedOn' | 'plannedWeeks'> = {
  status: 'active',
  startOn,
  pausedOn: null,
  pausedDays: 0,
  endedOn: null,
  plannedWeeks: 12,
};
const on = (day: number) => addDays(startOn, day);

describe('the episode week', () => {
  it.each([
    [0, 1, false],
    [6, 1, false],
    [7, 2, false],
    [42, 7, false],
    [83, 12, false],
    [84, 13, true],
    [200, 29, true],
  ])('on day %i is week %i (overrun %s)', (day, week, overrun) => {
    expect(episodeWeek(active, on(day))).toEqual({ week, of: 12, overrun, label: `week ${week} of 12` });
  });

  it('is null before the start: waiting, or a start date still to come', () => {
    expect(episodeWeek({ ...active, status: 'waiting', startOn: null }, on(3))).toBeNull();
    expect(episodeWeek(active, on(-1))).toBeNull();
  });

  it('counts the days across the clock change as calendar days', () => {
    // 29 March 2026 is 23 hours long in England; it is still one day.
    expect(episodeSupportDays({ ...active, startOn: '2026-03-28' }, '2026-03-30')).toBe(2);
  });
});

describe('paused time', () => {
  it('stops the count while paused: the week stays the week it was paused in', () => {
    const paused = { ...active, status: 'paused' as const, pausedOn: on(20) };
    expect(episodeWeek(paused, on(20))!.label).toBe('week 3 of 12');
    expect(episodeWeek(paused, on(80))!.label).toBe('week 3 of 12');
  });

  it('is not counted once resumed: three weeks in hospital push the end back three weeks', () => {
    const resumed = { ...active, pausedDays: 21, resumedOn: on(41) };
    expect(episodeWeek(resumed, on(84))!.label).toBe('week 10 of 12');
    expect(episodeWeek(resumed, on(104))).toMatchObject({ week: 12, overrun: false });
    expect(episodeWeek(resumed, on(105))).toMatchObject({ week: 13, overrun: true });
  });

  it('stops at the end date once ended', () => {
    const ended = { ...active, status: 'ended' as const, endedOn: on(50), pausedDays: 8 };
    expect(episodeSupportDays(ended, on(300))).toBe(42);
    expect(episodeWeek(ended, on(300))!.label).toBe('week 7 of 12');
  });

  it('follows a change of planned length', () => {
    expect(episodeWeek({ ...active, plannedWeeks: 16 }, on(84))).toEqual({ week: 13, of: 16, overrun: false, label: 'week 13 of 16' });
  });
});
