import {
  EPISODE_END_REASONS,
  EPISODE_PAUSE_REASONS,
  EPISODE_TYPES,
  EPISODE_WEEKS,
  exitPlanNeeded,
  type EpisodeChange,
  type EpisodeChangeKind,
  type EpisodeCreateInput,
  type EpisodeStatus,
} from '@kith/core';
import type { DateError } from '../tasks/due-date';
import { readDay, readWhen, wholeNumber } from './form-dates';

/** What a form gives: the request to send, or every problem to put right. */
export type Read<T> = { value: T; problems?: undefined } | { value?: undefined; problems: DateError[] };

const done = <T>(problems: DateError[], value: () => T): Read<T> => (problems.length > 0 ? { problems } : { value: value() });
const textOf = (form: FormData) => (id: string) => String(form.get(id) ?? '').trim();
const oneOf = <T extends string>(list: readonly T[], value: string): value is T => (list as readonly string[]).includes(value);

/** The ids of the form that starts an episode. */
export const NEW_EPISODE_IDS = { type: 'episode-type', referral: 'episode-referral', weeks: 'episode-weeks', start: 'episode-start' } as const;

export const NEW_EPISODE_FIELD_IDS: Record<string, string> = {
  type: NEW_EPISODE_IDS.type,
  referralId: NEW_EPISODE_IDS.referral,
  plannedWeeks: NEW_EPISODE_IDS.weeks,
  startOn: `${NEW_EPISODE_IDS.start}-day`,
};

function readWeeks(text: string, id: string, problems: DateError[]): number | undefined {
  const weeks = wholeNumber(text);
  if (weeks === undefined || weeks < EPISODE_WEEKS.min || weeks > EPISODE_WEEKS.max) {
    problems.push({ fieldId: id, message: `Enter the planned length as a whole number of weeks from ${EPISODE_WEEKS.min} to ${EPISODE_WEEKS.max}` });
  }
  return weeks;
}

/** A new episode: waiting when no start date is given, else active from that day (not after today). */
export function readNewEpisode(form: FormData, today: string): Read<EpisodeCreateInput> {
  const text = textOf(form);
  const ids = NEW_EPISODE_IDS;
  const problems: DateError[] = [];
  const type = text(ids.type);
  if (!oneOf(EPISODE_TYPES, type)) problems.push({ fieldId: ids.type, message: 'Choose independence support or care coordination' });
  const plannedWeeks = readWeeks(text(ids.weeks), ids.weeks, problems);
  const start = readDay(form, ids.start, 'Start date', { latest: { day: today, message: 'The start date cannot be in the future: leave it empty while the person waits' } });
  if (start.error) problems.push(start.error);
  return done(problems, () => ({ type: type as EpisodeCreateInput['type'], referralId: text(ids.referral) || undefined, plannedWeeks, startOn: start.date }));
}

/** The ids of one open episode's change forms, each starting with the episode's prefix. */
export function changeIds(prefix: string) {
  return {
    startDate: `${prefix}-start-date`,
    pauseReason: `${prefix}-pause-reason`,
    pauseNote: `${prefix}-pause-note`,
    endReason: `${prefix}-end-reason`,
    endDate: `${prefix}-end-date`,
    endNote: `${prefix}-end-note`,
    endExitPlan: `${prefix}-end-exit-plan`,
    weeks: `${prefix}-weeks`,
    exitPlan: `${prefix}-exit-plan`,
  };
}
export type ChangeIds = ReturnType<typeof changeIds>;

/** Where the API's fields link to in the form for each kind of change. */
export function changeFieldIds(kind: EpisodeChangeKind, ids: ChangeIds): Record<string, string> {
  switch (kind) {
    case 'start':
      return { startOn: `${ids.startDate}-day` };
    case 'pause':
      return { reason: ids.pauseReason, note: ids.pauseNote };
    case 'end':
      return { reason: ids.endReason, note: ids.endNote, endedOn: `${ids.endDate}-day`, exitPlan: ids.endExitPlan };
    case 'change_length':
      return { plannedWeeks: ids.weeks };
    case 'write_exit_plan':
      return { exitPlan: ids.exitPlan };
    case 'resume':
      return {};
  }
}

/** What the episode is now, as far as the forms need it to check a change before sending it. */
export interface EpisodeNow {
  status: EpisodeStatus;
  exitPlan: string | null;
}

/** Reads the form for one change; each problem names the input to correct. */
export function readChange(kind: EpisodeChangeKind, form: FormData, ids: ChangeIds, episode: EpisodeNow, today: string): Read<EpisodeChange> {
  const text = textOf(form);
  const problems: DateError[] = [];
  switch (kind) {
    case 'start': {
      const start = readDay(form, ids.startDate, 'Start date', { latest: { day: today, message: 'The start date cannot be in the future' } });
      if (start.error) problems.push(start.error);
      return done(problems, () => ({ kind, startOn: start.date }));
    }
    case 'pause': {
      const reason = text(ids.pauseReason);
      const note = text(ids.pauseNote) || undefined;
      if (!oneOf(EPISODE_PAUSE_REASONS, reason)) problems.push({ fieldId: ids.pauseReason, message: 'Choose why support is paused' });
      else if (reason === 'other' && !note) problems.push({ fieldId: ids.pauseNote, message: 'Say why support is paused' });
      return done(problems, () => ({ kind, reason: reason as (typeof EPISODE_PAUSE_REASONS)[number], note }));
    }
    case 'end':
      return readEnd(form, ids, episode, today);
    case 'change_length': {
      const plannedWeeks = readWeeks(text(ids.weeks), ids.weeks, problems);
      return done(problems, () => ({ kind, plannedWeeks: plannedWeeks! }));
    }
    case 'write_exit_plan': {
      const exitPlan = text(ids.exitPlan);
      if (!exitPlan) problems.push({ fieldId: ids.exitPlan, message: 'Write the exit plan: what happens for the person after this support' });
      return done(problems, () => ({ kind, exitPlan }));
    }
    case 'resume':
      return { value: { kind } };
  }
}

/**
 * Ending needs a reason, an end date not after today (today when left empty) and, once support
 * has begun and unless the person died, an exit plan: the one written before, or one written here.
 */
function readEnd(form: FormData, ids: ChangeIds, episode: EpisodeNow, today: string): Read<EpisodeChange> {
  const text = textOf(form);
  const problems: DateError[] = [];
  const reason = text(ids.endReason);
  const note = text(ids.endNote) || undefined;
  const exitPlan = text(ids.endExitPlan);
  if (!oneOf(EPISODE_END_REASONS, reason)) problems.push({ fieldId: ids.endReason, message: 'Choose why support ends' });
  const ended = readDay(form, ids.endDate, 'End date', { latest: { day: today, message: 'The end date cannot be in the future' } });
  if (ended.error) problems.push(ended.error);
  if (reason === 'other' && !note) problems.push({ fieldId: ids.endNote, message: 'Say why support ends' });
  if (oneOf(EPISODE_END_REASONS, reason) && exitPlanNeeded(episode.status, reason) && !exitPlan && !episode.exitPlan?.trim()) {
    problems.push({ fieldId: ids.endExitPlan, message: 'Write the exit plan before ending support: what happens for the person next' });
  }
  // The plan already kept is sent again only when it was changed here.
  const changedPlan = exitPlan && exitPlan !== episode.exitPlan?.trim() ? exitPlan : undefined;
  return done(problems, () => ({ kind: 'end', reason: reason as (typeof EPISODE_END_REASONS)[number], note, endedOn: ended.date, exitPlan: changedPlan }));
}

/** The ids of one episode's next-visit form. */
export const visitIds = (prefix: string) => ({ date: `${prefix}-visit-date`, time: `${prefix}-visit-time` });

/** The next home visit: a date and time still to come. */
export function readNextVisit(form: FormData, ids: { date: string; time: string }, now: Date): Read<string> {
  const when = readWhen(form, ids, 'visit');
  if (!when.at) return { problems: when.errors };
  if (Date.parse(when.at) <= now.getTime()) return { problems: [{ fieldId: `${ids.date}-day`, message: 'Book the visit for a time still to come' }] };
  return { value: when.at };
}
