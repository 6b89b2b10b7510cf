import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.js';
import { addDays, daysFrom } from './days.js';
import { applyEpisodeChange, episodeChangeProblem, nextEpisodeChanges } from './episode-changes.js';
import { episodeWeek } from './episode-week.js';
import {
  EPISODE_CHANGES_FROM,
  EPISODE_CHANGE_KINDS,
  EPISODE_STATUSES,
  episodeChangeRequestSchema,
  episodeChangeSchema,
  newEpisode,
  parseEpisodeCreate,
  type EpisodeChange,
  type EpisodeState,
  type EpisodeStatus,
} from './episode.js';
import { caught } from '../../test/domain-problems.js';

const today = '2026-05-20';
const referralId = '00000000-0000-4000-8000-000000000001';

const waiting = newEpisode(parseEpisodeCreate({ type: 'pic_independence_support', referralId }, today));
const active: EpisodeState = { ...waiting, status: 'active', startOn: '2026-04-01' };
const paused: EpisodeState = { ...active, status: 'paused', pausedOn: '2026-05-10', pauseReason: 'in_hospital' };
const ended: EpisodeState = { ...active, status: 'ended', endedOn: '2026-05-15', endReason: 'goals_met', exitPlan: 'Lunch club on Tuesdays' };
const byStatus: Record<EpisodeStatus, EpisodeState> = { waiting, active, paused, ended };

const sampleChange: Record<(typeof EPISODE_CHANGE_KINDS)[number], EpisodeChange> = {
  start: { kind: 'start' },
  pause: { kind: 'pause', reason: 'in_hospital' },
  resume: { kind: 'resume' },
  end: { kind: 'end', reason: 'goals_met', exitPlan: 'Joins the lunch club; GP reviews in three months' },
  change_length: { kind: 'change_length', plannedWeeks: 16 },
  write_exit_plan: { kind: 'write_exit_plan', exitPlan: 'Befriender weekly' },
};

describe('a new episode', () => {
  it('waits, for twelve weeks, from its referral, unless a start date is given', () => {
    expect(waiting).toMatchObject({ status: 'waiting', plannedWeeks: 12, referralId, startOn: null, pausedDays: 0 });
    const started = newEpisode(parseEpisodeCreate({ type: 'care_coordination', plannedWeeks: 8, startOn: '2026-05-18' }, today));
    expect(started).toMatchObject({ status: 'active', startOn: '2026-05-18', plannedWeeks: 8, referralId: null });
  });

  it('names each field at fault, including a start date after today', () => {
    const bad = caught(() => parseEpisodeCreate({ type: 'respite', plannedWeeks: 53, startOn: '2026-02-30' }, today));
    expect(bad.problems.map((p) => p.field)).toEqual(['type', 'plannedWeeks', 'startOn']);
    expect(caught(() => parseEpisodeCreate({ type: 'care_coordination', plannedWeeks: 0 }, today)).problems[0]!.field).toBe('plannedWeeks');
    const future = caught(() => parseEpisodeCreate({ type: 'care_coordination', startOn: '2026-05-21' }, today));
    expect(future.problems).toEqual([{ field: 'startOn', reason: 'A start date cannot be in the future' }]);
    expect(caught(() => parseEpisodeCreate({ type: 'care_coordination', colour: 'red' }, today)).problems).toEqual([{ field: 'colour', reason: 'Unknown field' }]);
  });
});

describe('changes between statuses', () => {
  const table = EPISODE_STATUSES.flatMap((from) => EPISODE_CHANGE_KINDS.map((kind) => ({ from, kind, allowed: EPISODE_CHANGES_FROM[kind].includes(from) })));

  it('lists exactly the documented moves', () => {
    expect(table.filter((t) => t.allowed).map((t) => `${t.from} ${t.kind}`)).toEqual([
      'waiting start',
      'waiting end',
      'waiting change_length',
      'active pause',
      'active end',
      'active change_length',
      'active write_exit_plan',
      'paused resume',
      'paused end',
      'paused change_length',
      'paused write_exit_plan',
    ]);
  });

  it.each(table)('$kind from $from: allowed $allowed', ({ from, kind, allowed }) => {
    const episode = byStatus[from];
    if (allowed) {
      const to: Partial<Record<string, EpisodeStatus>> = { start: 'active', pause: 'paused', resume: 'active', end: 'ended' };
      expect(applyEpisodeChange(episode, sampleChange[kind], today).status).toBe(to[kind] ?? from);
    } else {
      const error = caught(() => applyEpisodeChange(episode, sampleChange[kind], today));
      expect(error.code).toBe('conflict');
      expect(error.problems[0]!.field).toBe('kind');
      expect(error.message).toBe(episodeChangeProblem(from, kind));
    }
  });

  it('says why in plain words, and offers the next changes', () => {
    expect(episodeChangeProblem('ended', 'resume')).toBe('This episode has ended and cannot change');
    expect(episodeChangeProblem('waiting', 'pause')).toBe('Only an active episode can be paused: start it first');
    expect(episodeChangeProblem('paused', 'pause')).toBe('This episode is already paused');
    expect(episodeChangeProblem('active', 'resume')).toBe('Only a paused episode can be resumed');
    expect(nextEpisodeChanges('waiting')).toEqual(['start', 'end', 'change_length']);
    expect(nextEpisodeChanges('ended')).toEqual([]);
  });

  it('starts today or on an earlier date, never a later one', () => {
    expect(applyEpisodeChange(waiting, { kind: 'start' }, today).startOn).toBe(today);
    expect(applyEpisodeChange(waiting, { kind: 'start', startOn: '2026-05-01' }, today).startOn).toBe('2026-05-01');
    expect(caught(() => applyEpisodeChange(waiting, { kind: 'start', startOn: '2026-05-21' }, today)).problems[0]!.field).toBe('startOn');
  });

  it('pauses with a reason, a note needed for "other", and counts the pause on resuming', () => {
    expect(caught(() => applyEpisodeChange(active, { kind: 'pause', reason: 'other' }, today)).problems).toEqual([
      { field: 'note', reason: 'Say why the episode is paused' },
    ]);
    const p = applyEpisodeChange(active, { kind: 'pause', reason: 'other', note: ' Caring for her sister ' }, '2026-05-01');
    expect(p).toMatchObject({ status: 'paused', pausedOn: '2026-05-01', pauseReason: 'other', pauseNote: 'Caring for her sister' });
    const r = applyEpisodeChange(p, { kind: 'resume' }, '2026-05-11');
    expect(r).toMatchObject({ status: 'active', pausedOn: null, pauseReason: null, pausedDays: 10, resumedOn: '2026-05-11' });
  });

  it('refuses a change dated before the last one (a clock set wrong)', () => {
    expect(caught(() => applyEpisodeChange(paused, { kind: 'resume' }, '2026-05-09')).code).toBe('conflict');
  });
});

describe('ending an episode', () => {
  const end = (episode: EpisodeState, change: Partial<Extract<EpisodeChange, { kind: 'end' }>>) =>
    applyEpisodeChange(episode, { kind: 'end', reason: 'goals_met', exitPlan: 'Lunch club', ...change }, today);

  it('refuses an end before the start, naming endedOn, and an end in the future', () => {
    const before = caught(() => end(active, { endedOn: '2026-03-31' }));
    expect(before.code).toBe('invalid');
    expect(before.problems).toEqual([{ field: 'endedOn', reason: 'The end date cannot be before the start date, 2026-04-01' }]);
    expect(caught(() => end(active, { endedOn: '2026-05-21' })).problems[0]!.field).toBe('endedOn');
    expect(end(active, { endedOn: '2026-04-01' }).endedOn).toBe('2026-04-01');
  });

  it('refuses an end inside a pause or before the last resumption', () => {
    expect(caught(() => end(paused, { endedOn: '2026-05-09' })).problems[0]!.field).toBe('endedOn');
    const resumed = { ...active, resumedOn: '2026-05-12', pausedDays: 5 };
    expect(caught(() => end(resumed, { endedOn: '2026-05-11' })).problems[0]!.field).toBe('endedOn');
  });

  it('needs an exit plan once support has begun, unless one was written or the person died', () => {
    const none = caught(() => end(active, { exitPlan: undefined }));
    expect(none.problems.map((p) => p.field)).toEqual(['exitPlan']);
    expect(caught(() => end(paused, { exitPlan: undefined })).problems[0]!.field).toBe('exitPlan');
    const written = applyEpisodeChange(active, { kind: 'write_exit_plan', exitPlan: 'Befriender weekly' }, today);
    expect(end(written, { exitPlan: undefined }).exitPlan).toBe('Befriender weekly');
    expect(end(active, { reason: 'died', exitPlan: undefined }).status).toBe('ended');
    expect(end(waiting, { reason: 'person_declined', exitPlan: undefined }).status).toBe('ended');
  });

  it('needs a reason, and a note for "other", naming every field at once', () => {
    expect(episodeChangeSchema.safeParse({ kind: 'end' }).error?.issues[0]?.path).toEqual(['reason']);
    const error = caught(() => end(active, { reason: 'other', exitPlan: undefined, endedOn: '2026-03-01' }));
    expect(error.problems.map((p) => p.field)).toEqual(['endedOn', 'note', 'exitPlan']);
  });

  it('closes a pause on the end date, so the episode ends in the week it was paused in', () => {
    const e = end(paused, { endedOn: '2026-05-18' });
    expect(e).toMatchObject({ status: 'ended', pausedOn: null, pausedDays: 8, endedOn: '2026-05-18' });
    expect(episodeWeek(e, today)).toEqual(episodeWeek(paused, today));
  });
});

describe('change bodies', () => {
  it('carry the version read, and name an unknown kind', () => {
    expect(episodeChangeRequestSchema.parse({ kind: 'resume', version: 3 })).toEqual({ kind: 'resume', version: 3 });
    expect(episodeChangeRequestSchema.safeParse({ kind: 'resume' }).error?.issues[0]?.path).toEqual(['version']);
    expect(episodeChangeSchema.safeParse({ kind: 'restart' }).error?.issues[0]?.message).toBe(
      'Choose start, pause, resume, end, change_length or write_exit_plan',
    );
    expect(episodeChangeSchema.safeParse({ kind: 'change_length', plannedWeeks: 53 }).success).toBe(false);
  });
});

/** What every episode must satisfy, whatever changes brought it there. */
function consistent(e: EpisodeState, today: string): void {
  expect(e.pausedDays).toBeGreaterThanOrEqual(0);
  expect(e.pausedOn !== null).toBe(e.status === 'paused');
  expect(e.pauseReason !== null).toBe(e.status === 'paused');
  expect(e.endedOn !== null && e.endReason !== null).toBe(e.status === 'ended');
  if (e.status === 'active' || e.status === 'paused') expect(e.startOn).not.toBeNull();
  if (e.status === 'ended' && e.startOn !== null && e.endReason !== 'died') expect(e.exitPlan).toBeTruthy();
  if (e.startOn === null) {
    expect(episodeWeek(e, today)).toBeNull();
    return;
  }
  const until = e.endedOn ?? e.pausedOn ?? today;
  expect(e.startOn <= until).toBe(true);
  expect(daysFrom(e.startOn, until)).toBeGreaterThanOrEqual(e.pausedDays);
  if (e.resumedOn !== null) expect(e.startOn <= e.resumedOn && e.resumedOn <= until).toBe(true);
  expect(episodeWeek(e, today)!.week).toBeGreaterThanOrEqual(1);
}

/** A change as made on a given day: its dates are a few days either side of that day. */
type ChangeOn = (day: string) => EpisodeChange;
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

// Weighted so that most sequences start, pause and resume a few times before ending.
const changeArb: fc.Arbitrary<ChangeOn> = fc.oneof(
  {
    weight: 3,
    arbitrary: maybe(fc.integer({ min: -20, max: 2 })).map((offset): ChangeOn => (day) => ({ kind: 'start', startOn: offset === undefined ? undefined : addDays(day, offset) })),
  },
  {
    weight: 4,
    arbitrary: fc
      .tuple(fc.constantFrom('in_hospital', 'person_request', 'other' as const), maybe(fc.constant('Staying with family')))
      .map(([reason, note]): ChangeOn => () => ({ kind: 'pause', reason, note })),
  },
  { weight: 4, arbitrary: fc.constant((): EpisodeChange => ({ kind: 'resume' })) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom('goals_met', 'died', 'other' as const), maybe(fc.constant('Moved in with her daughter')), maybe(fc.integer({ min: -60, max: 2 })), maybe(fc.constant('Lunch club')))
      .map(([reason, note, offset, exitPlan]): ChangeOn => (day) => ({ kind: 'end', reason, note, exitPlan, endedOn: offset === undefined ? undefined : addDays(day, offset) })),
  },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 52 }).map((plannedWeeks): ChangeOn => () => ({ kind: 'change_length', plannedWeeks })) },
  { weight: 1, arbitrary: fc.constant((): EpisodeChange => ({ kind: 'write_exit_plan', exitPlan: 'Befriender' })) },
);

describe('any sequence of changes', () => {
  it('leaves a consistent episode, refusing (without change) whatever would break it', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.integer({ min: 0, max: 20 }), changeArb), { maxLength: 25 }), (steps) => {
        let episode = waiting;
        let day = today;
        for (const [wait, changeOn] of steps) {
          day = addDays(day, wait);
          const before = structuredClone(episode);
          try {
            episode = applyEpisodeChange(episode, changeOn(day), day);
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            expect(episode).toEqual(before);
          }
          consistent(episode, day);
        }
      }),
    );
  });

  it('never gives a week before 1 once started, whatever the pauses', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 400 }), fc.integer({ min: 0, max: 400 }), fc.integer({ min: 1, max: 52 }), (days, paused, plannedWeeks) => {
        const started: EpisodeState = { ...active, plannedWeeks, pausedDays: Math.min(paused, days) };
        const week = episodeWeek(started, addDays(active.startOn!, days))!;
        expect(week.week).toBeGreaterThanOrEqual(1);
        expect(week.overrun).toBe(week.week > plannedWeeks);
      }),
    );
  });
});
