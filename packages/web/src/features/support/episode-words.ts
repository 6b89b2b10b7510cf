import type { CaseloadRow, EpisodeType, EpisodeWeek } from '@kith/core';
import { formatDate, formatDateTime } from '../../format';
import type { EpisodeHistoryEntry, EpisodeView, FirstVisit } from './types';

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * "week 7 of 12", with an overrun said in words, never by colour alone: "week 14 of 12: 2 weeks
 * past the planned 12". Before support starts there is no week, and the status says why.
 */
export function weekText(week: EpisodeWeek | null, statusLabel: string): string {
  if (!week) return statusLabel;
  const label = `week ${week.week} of ${week.of}`;
  return week.overrun ? `${label}: ${plural(week.week - week.of, 'week')} past the planned ${week.of}` : label;
}

/** The referral-to-first-visit clock in words, or undefined when the episode came from no referral. */
export function firstVisitText(clock: FirstVisit | null): string | undefined {
  if (!clock) return undefined;
  const days = clock.days === 0 ? 'on the day of referral' : `${plural(clock.days, 'day')} after referral`;
  if (clock.firstVisitAt) return `First home visit ${days}`;
  if (clock.running) return `No home visit yet: ${plural(clock.days, 'day')} since referral`;
  return `No home visit: support ended ${days}`;
}

export function nextVisitText(at: string | null): string {
  return at ? formatDateTime(at) : 'None booked';
}

/** Open episodes first (the one being worked on), then the ended ones; newest first within each. */
export function openFirst(episodes: readonly EpisodeView[]): EpisodeView[] {
  return [...episodes.filter((e) => e.status !== 'ended'), ...episodes.filter((e) => e.status === 'ended')];
}

/** What a change was, with its reason and detail: "Paused: In hospital. Fell at home". */
export function historyText(entry: Pick<EpisodeHistoryEntry, 'changeLabel' | 'reasonLabel' | 'detail'>): string {
  const reason = entry.reasonLabel ? `: ${entry.reasonLabel}` : '';
  const detail = entry.detail ? `${reason ? '.' : ':'} ${entry.detail}` : '';
  return `${entry.changeLabel}${reason}${detail}`;
}

/** The plan review on the caseload, with its date: "Plan review overdue (was due 1 June 2026)". */
export function planReviewText(review: CaseloadRow['planReview']): string {
  if (!review.on) return review.label;
  if (review.state === 'overdue') return `${review.label} (was due ${formatDate(review.on)})`;
  return `${review.label}: ${formatDate(review.on)}`;
}

/** A short prefix for the ids of one episode's forms: a person has at most one open episode of each type. */
export const EPISODE_ID_PREFIX: Readonly<Record<EpisodeType, string>> = {
  pic_independence_support: 'pic',
  care_coordination: 'coordination',
};

/** The status with what explains it: "Paused since 3 June 2026: In hospital (fell at home)". */
export function statusText(
  episode: Pick<EpisodeView, 'status' | 'statusLabel' | 'pausedOn' | 'pauseReasonLabel' | 'pauseNote' | 'endedOn' | 'endReasonLabel' | 'endNote' | 'resumedOn'>,
): string {
  const note = (text: string | null) => (text ? ` (${text})` : '');
  if (episode.status === 'paused' && episode.pausedOn) {
    return `Paused since ${formatDate(episode.pausedOn)}: ${episode.pauseReasonLabel ?? 'no reason given'}${note(episode.pauseNote)}`;
  }
  if (episode.status === 'ended' && episode.endedOn) {
    return `Ended on ${formatDate(episode.endedOn)}: ${episode.endReasonLabel ?? 'no reason given'}${note(episode.endNote)}`;
  }
  if (episode.status === 'active' && episode.resumedOn) return `Active, resumed on ${formatDate(episode.resumedOn)}`;
  return episode.statusLabel;
}
