/**
 * Applying a change to a support episode. A change not allowed from the episode's status is a
 * 409 naming `kind`; a change that is allowed but badly dated or missing a reason is a 400
 * naming every field at fault. Either way nothing has changed, so the server writes nothing.
 *
 * Pause and resume take effect on the day they are recorded (today): a pause is a fact the
 * coordinator learns and records, and a later correction is a new change, not a rewrite. The end
 * date may be given, since support often ends before the paperwork: it may not be after today,
 * nor before the start, the current pause or the last resumption, so the days counted as support
 * can never be negative.
 */
import { DomainError, type FieldProblem } from '../errors.js';
import {
  EPISODE_CHANGES_FROM,
  EPISODE_CHANGE_LABELS,
  EPISODE_STATUS_LABELS,
  type EpisodeChange,
  type EpisodeChangeKind,
  type EpisodeEndReason,
  type EpisodeState,
  type EpisodeStatus,
} from './episode.js';
import { daysFrom } from './days.js';
import { invalidInput } from '../input.js';

type ChangeOf<K extends EpisodeChangeKind> = Extract<EpisodeChange, { kind: K }>;

/** Why a change is not allowed from a status, in plain words, or undefined when it is. */
export function episodeChangeProblem(from: EpisodeStatus, kind: EpisodeChangeKind): string | undefined {
  if (EPISODE_CHANGES_FROM[kind].includes(from)) return undefined;
  if (from === 'ended') return 'This episode has ended and cannot change';
  if (kind === 'start') return 'This episode has already started';
  if (kind === 'pause') return from === 'paused' ? 'This episode is already paused' : 'Only an active episode can be paused: start it first';
  if (kind === 'resume') return 'Only a paused episode can be resumed';
  if (kind === 'write_exit_plan') return 'An exit plan is written once support has started';
  return `${EPISODE_CHANGE_LABELS[kind]} is not possible for an episode that is ${EPISODE_STATUS_LABELS[from].toLowerCase()}`;
}

/** The changes that may be made next, for the buttons shown. */
export function nextEpisodeChanges(status: EpisodeStatus): EpisodeChangeKind[] {
  return (Object.keys(EPISODE_CHANGES_FROM) as EpisodeChangeKind[]).filter((kind) => EPISODE_CHANGES_FROM[kind].includes(status));
}

/** The episode after a change made today, or a DomainError (409 for the wrong status, else 400). */
export function applyEpisodeChange<T extends EpisodeState>(episode: T, change: EpisodeChange, today: string): T {
  const problem = episodeChangeProblem(episode.status, change.kind);
  if (problem) throw new DomainError('conflict', problem, [{ field: 'kind', reason: problem }]);
  switch (change.kind) {
    case 'start':
      return startEpisode(episode, change, today);
    case 'pause':
      return pauseEpisode(episode, change, today);
    case 'resume':
      return resumeEpisode(episode, today);
    case 'end':
      return endEpisode(episode, change, today);
    case 'change_length':
      return { ...episode, plannedWeeks: change.plannedWeeks };
    case 'write_exit_plan':
      return { ...episode, exitPlan: change.exitPlan };
  }
}

function startEpisode<T extends EpisodeState>(episode: T, change: ChangeOf<'start'>, today: string): T {
  const startOn = change.startOn ?? today;
  if (startOn > today) throw DomainError.field('startOn', 'A start date cannot be in the future');
  return { ...episode, status: 'active', startOn };
}

/** Today must not be before the day the current status began (a clock set wrong, say). */
function assertNotBeforeLastChange(episode: EpisodeState, today: string): void {
  const since = [episode.startOn, episode.resumedOn, episode.pausedOn].filter((d): d is string => d !== null).sort().at(-1);
  if (since !== undefined && today < since) {
    throw new DomainError('conflict', `The episode last changed on ${since}, after today`, [{ field: 'kind', reason: 'Today is before the last change' }]);
  }
}

function pauseEpisode<T extends EpisodeState>(episode: T, change: ChangeOf<'pause'>, today: string): T {
  assertNotBeforeLastChange(episode, today);
  const note = change.note?.trim() || null;
  if (change.reason === 'other' && !note) throw DomainError.field('note', 'Say why the episode is paused');
  return { ...episode, status: 'paused', pausedOn: today, pauseReason: change.reason, pauseNote: note };
}

function resumeEpisode<T extends EpisodeState>(episode: T, today: string): T {
  assertNotBeforeLastChange(episode, today);
  return {
    ...episode,
    status: 'active',
    pausedDays: episode.pausedDays + daysFrom(episode.pausedOn!, today),
    pausedOn: null,
    pauseReason: null,
    pauseNote: null,
    resumedOn: today,
  };
}

/** Whether ending needs an exit plan: not before support began, and not when the person died. */
export function exitPlanNeeded(status: EpisodeStatus, reason: EpisodeEndReason): boolean {
  return status !== 'waiting' && reason !== 'died';
}

function endProblems(episode: EpisodeState, change: ChangeOf<'end'>, endedOn: string, today: string): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const endedOnProblem = (reason: string) => problems.push({ field: 'endedOn', reason });
  if (endedOn > today) endedOnProblem('An episode cannot end in the future');
  else if (episode.startOn !== null && endedOn < episode.startOn) endedOnProblem(`The end date cannot be before the start date, ${episode.startOn}`);
  else if (episode.pausedOn !== null && endedOn < episode.pausedOn) endedOnProblem(`The end date cannot be before the pause began, ${episode.pausedOn}`);
  else if (episode.resumedOn !== null && endedOn < episode.resumedOn) endedOnProblem(`The end date cannot be before support resumed, ${episode.resumedOn}`);
  if (change.reason === 'other' && !change.note?.trim()) problems.push({ field: 'note', reason: 'Say why the episode ends' });
  if (exitPlanNeeded(episode.status, change.reason) && !(change.exitPlan ?? episode.exitPlan)?.trim()) {
    problems.push({ field: 'exitPlan', reason: 'Write the exit plan before ending support: what happens for the person next' });
  }
  return problems;
}

function endEpisode<T extends EpisodeState>(episode: T, change: ChangeOf<'end'>, today: string): T {
  const endedOn = change.endedOn ?? today;
  const problems = endProblems(episode, change, endedOn, today);
  if (problems.length > 0) throw invalidInput(problems);
  // An episode ended while paused counts its last pause up to the end date, so the week it
  // ended in is the week it was paused in.
  const lastPause = episode.pausedOn === null ? 0 : daysFrom(episode.pausedOn, endedOn);
  return {
    ...episode,
    status: 'ended',
    endedOn,
    endReason: change.reason,
    endNote: change.note?.trim() || null,
    exitPlan: change.exitPlan ?? episode.exitPlan,
    pausedDays: episode.pausedDays + lastPause,
    pausedOn: null,
    pauseReason: null,
    pauseNote: null,
  };
}
