/**
 * A coordinator's caseload: one row per person with an open episode, saying which week of
 * support they are in, when they are next visited, how many of their actions are overdue and
 * whether their plan review is due. The list puts those most in need first:
 *
 *   1. a plan review overdue, or any action overdue;
 *   2. then an episode past its planned length;
 *   3. then everyone else;
 *
 * and within each, the person with no visit booked first (someone needs to book one), then the
 * soonest next visit, then by name, so the order is the same every time it is drawn.
 */
import { episodeWeek, type EpisodeWeek } from './episode-week.js';
import { EPISODE_STATUS_LABELS, EPISODE_TYPE_LABELS, type EpisodeState, type EpisodeStatus, type EpisodeType } from './episode.js';
import { daysFrom } from './days.js';

export const CASELOAD_REVIEW_STATES = ['overdue', 'due_soon', 'not_due', 'none'] as const;
export type CaseloadReviewState = (typeof CASELOAD_REVIEW_STATES)[number];

export const CASELOAD_REVIEW_STATE_LABELS: Readonly<Record<CaseloadReviewState, string>> = {
  overdue: 'Plan review overdue',
  due_soon: 'Plan review due soon',
  not_due: 'Plan review not due',
  none: 'No plan review set',
};

/** A review within this many days (today included) is "due soon": two weeks to arrange a visit. */
export const CASELOAD_REVIEW_DUE_SOON_DAYS = 14;

/** Due on its date, overdue from the day after, "due soon" in the fortnight before. */
export function caseloadReviewState(reviewOn: string | null, today: string): CaseloadReviewState {
  if (reviewOn === null) return 'none';
  const daysLeft = daysFrom(today, reviewOn);
  if (daysLeft < 0) return 'overdue';
  return daysLeft <= CASELOAD_REVIEW_DUE_SOON_DAYS ? 'due_soon' : 'not_due';
}

export interface CaseloadInput {
  person: { id: string; name: string };
  episode: { id: string } & Pick<EpisodeState, 'type' | 'status' | 'startOn' | 'plannedWeeks' | 'pausedOn' | 'pausedDays' | 'endedOn'>;
  /** The next visit booked (an ISO instant), or null when none is. */
  nextVisitAt: string | null;
  overdueActions: number;
  /** The day the person's plan is next to be reviewed, or null when no review is set. */
  planReviewDate: string | null;
}

/** 0: overdue review or actions; 1: past its planned length; 2: the rest. */
export type CaseloadNeed = 0 | 1 | 2;

export interface CaseloadRow {
  personId: string;
  personName: string;
  episodeId: string;
  type: EpisodeType;
  typeLabel: string;
  status: EpisodeStatus;
  statusLabel: string;
  week: EpisodeWeek | null;
  /** "week 7 of 12", or the status in words before the episode starts. */
  weekLabel: string;
  nextVisitAt: string | null;
  overdueActions: number;
  planReview: { state: CaseloadReviewState; on: string | null; label: string };
  need: CaseloadNeed;
  /** Why the row is where it is, in words: "Plan review overdue", "2 actions overdue". */
  flags: string[];
}

function flagsOf(review: CaseloadReviewState, overdueActions: number, week: EpisodeWeek | null): string[] {
  const flags: string[] = [];
  if (review === 'overdue') flags.push(CASELOAD_REVIEW_STATE_LABELS.overdue);
  if (overdueActions > 0) flags.push(`${overdueActions} ${overdueActions === 1 ? 'action' : 'actions'} overdue`);
  if (week?.overrun) flags.push('Past its planned length');
  return flags;
}

export function caseloadRow(input: CaseloadInput, today: string): CaseloadRow {
  const { person, episode } = input;
  const week = episodeWeek(episode, today);
  const review = caseloadReviewState(input.planReviewDate, today);
  const need: CaseloadNeed = review === 'overdue' || input.overdueActions > 0 ? 0 : week?.overrun ? 1 : 2;
  return {
    personId: person.id,
    personName: person.name,
    episodeId: episode.id,
    type: episode.type,
    typeLabel: EPISODE_TYPE_LABELS[episode.type],
    status: episode.status,
    statusLabel: EPISODE_STATUS_LABELS[episode.status],
    week,
    weekLabel: week?.label ?? EPISODE_STATUS_LABELS[episode.status],
    nextVisitAt: input.nextVisitAt,
    overdueActions: input.overdueActions,
    planReview: { state: review, on: input.planReviewDate, label: CASELOAD_REVIEW_STATE_LABELS[review] },
    need,
    flags: flagsOf(review, input.overdueActions, week),
  };
}

function compareNextVisit(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return Date.parse(a) - Date.parse(b);
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The caseload's order: most in need first (see the head of this file). */
export function compareCaseloadRows(a: CaseloadRow, b: CaseloadRow): number {
  return (
    a.need - b.need ||
    compareNextVisit(a.nextVisitAt, b.nextVisitAt) ||
    a.personName.localeCompare(b.personName, 'en-GB', { sensitivity: 'base' }) ||
    byText(a.personId, b.personId) ||
    byText(a.episodeId, b.episodeId)
  );
}

/** The caseload as rows in its order. */
export function caseloadRows(inputs: readonly CaseloadInput[], today: string): CaseloadRow[] {
  return inputs.map((input) => caseloadRow(input, today)).sort(compareCaseloadRows);
}
