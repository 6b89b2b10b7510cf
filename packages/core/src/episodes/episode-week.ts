/**
 * Which week of its planned length an episode is in: "week 7 of 12".
 *
 * Paused time is not counted. The planned length is a length of support given, and a person in
 * hospital for three weeks has not had three weeks of it; counting calendar weeks would show them
 * as overrunning when their coordinator has not yet done the work the plan allows for. So the
 * count is the calendar days from the start date to today (to the pause date while paused, to
 * the end date once ended), less the days spent paused, in whole weeks: days 0 to 6 are week 1,
 * day 7 begins week 2, day 84 of a twelve-week episode is "week 13 of 12", overrun.
 */
import type { EpisodeState } from './episode.js';
import { daysFrom } from './days.js';

export interface EpisodeWeek {
  /** 1 on the start day; past `of` once the planned length has run out. */
  week: number;
  of: number;
  overrun: boolean;
  label: string;
}

type Counted = Pick<EpisodeState, 'status' | 'startOn' | 'pausedOn' | 'pausedDays' | 'endedOn'>;

/** Days of support given by today (0 on the start day), or null before the episode starts. */
export function episodeSupportDays(episode: Counted, today: string): number | null {
  if (episode.startOn === null) return null;
  const until = episode.status === 'ended' ? episode.endedOn : episode.status === 'paused' ? episode.pausedOn : today;
  if (until === null || until < episode.startOn) return null;
  return Math.max(0, daysFrom(episode.startOn, until) - episode.pausedDays);
}

/** The episode's week today, or null before it starts (waiting, or a start date still to come). */
export function episodeWeek(episode: Counted & Pick<EpisodeState, 'plannedWeeks'>, today: string): EpisodeWeek | null {
  const days = episodeSupportDays(episode, today);
  if (days === null) return null;
  const week = Math.floor(days / 7) + 1;
  const of = episode.plannedWeeks;
  return { week, of, overrun: week > of, label: `week ${week} of ${of}` };
}
