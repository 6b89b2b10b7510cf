/**
 * An episode as the coordinator and the care team see it: which week of support it is in, the
 * referral-to-first-visit clock, wellbeing at the start and end compared, and its history with
 * who made each change. Everything is worked out by core's rules from what was read.
 */
import {
  EPISODE_END_REASON_LABELS,
  EPISODE_PAUSE_REASON_LABELS,
  EPISODE_STATUS_LABELS,
  EPISODE_TYPE_LABELS,
  type EpisodeEndReason,
  type EpisodePauseReason,
  type EpisodeStatus,
  type WellbeingScores,
  compareEpisodeWellbeing,
  episodeWeek,
  firstVisitClock,
  nextEpisodeChanges,
} from '@kith/core';
import type { EpisodeHistoryEntry, EpisodeView } from './schemas.js';
import type { EpisodeRow, EpisodeScore, EventRow } from './queries.js';

/** What else the views need, read once for all of a person's episodes. */
export interface EpisodeFacts {
  events: readonly EventRow[];
  scores: readonly EpisodeScore[];
  /** When the person's home visits took place, whichever episode they belong to. */
  homeVisits: readonly Date[];
}

/** Each change in the history, in the past tense. */
const HISTORY_LABELS: Readonly<Record<string, string>> = {
  created: 'Episode opened',
  start: 'Support started',
  pause: 'Paused',
  resume: 'Resumed',
  end: 'Support ended',
  change_length: 'Planned length changed',
  write_exit_plan: 'Exit plan written',
};

const iso = (at: Date | null) => (at === null ? null : at.toISOString());

function reasonLabel(change: string, reason: string | null): string | null {
  if (reason === null) return null;
  if (change === 'pause') return EPISODE_PAUSE_REASON_LABELS[reason as EpisodePauseReason] ?? reason;
  if (change === 'end') return EPISODE_END_REASON_LABELS[reason as EpisodeEndReason] ?? reason;
  return reason;
}

function historyEntry(event: EventRow): EpisodeHistoryEntry {
  return {
    id: event.id,
    change: event.change,
    changeLabel: HISTORY_LABELS[event.change] ?? event.change,
    fromStatus: event.fromStatus as EpisodeStatus | null,
    toStatus: event.toStatus as EpisodeStatus,
    reason: event.reason,
    reasonLabel: reasonLabel(event.change, event.reason),
    detail: event.detail,
    on: event.on,
    by: event.byName,
    byStaffId: event.byStaffId,
    at: event.at.toISOString(),
  };
}

/** Start and end scores of one episode, the latest of each kept, compared. */
function wellbeingOf(episodeId: string, scores: readonly EpisodeScore[]) {
  const start: WellbeingScores = {};
  const end: WellbeingScores = {};
  for (const s of scores) {
    if (s.episodeId === episodeId) (s.moment === 'start' ? start : end)[s.measure] = s.score;
  }
  return compareEpisodeWellbeing(start, end);
}

function firstVisitOf(row: EpisodeRow, homeVisits: readonly Date[], today: string) {
  if (row.referredAt === null) return null;
  return firstVisitClock({
    referredAt: row.referredAt.toISOString(),
    visits: homeVisits.map((at) => ({ kind: 'home_visit' as const, at: at.toISOString() })),
    today,
    closedOn: row.status === 'ended' ? row.endedOn : null,
  });
}

export function episodeView(row: EpisodeRow, facts: EpisodeFacts, today: string): EpisodeView {
  const week = episodeWeek(row, today);
  return {
    id: row.id,
    personId: row.personId,
    type: row.type,
    typeLabel: EPISODE_TYPE_LABELS[row.type],
    status: row.status,
    statusLabel: EPISODE_STATUS_LABELS[row.status],
    referralId: row.referralId,
    referredAt: iso(row.referredAt),
    plannedWeeks: row.plannedWeeks,
    startOn: row.startOn,
    pausedOn: row.pausedOn,
    pauseReason: row.pauseReason,
    pauseReasonLabel: row.pauseReason && EPISODE_PAUSE_REASON_LABELS[row.pauseReason],
    pauseNote: row.pauseNote,
    resumedOn: row.resumedOn,
    pausedDays: row.pausedDays,
    endedOn: row.endedOn,
    endReason: row.endReason,
    endReasonLabel: row.endReason && EPISODE_END_REASON_LABELS[row.endReason],
    endNote: row.endNote,
    exitPlan: row.exitPlan,
    week,
    weekLabel: week?.label ?? EPISODE_STATUS_LABELS[row.status],
    nextVisitAt: iso(row.nextVisitAt),
    firstVisit: firstVisitOf(row, facts.homeVisits, today),
    wellbeing: wellbeingOf(row.id, facts.scores),
    nextChanges: nextEpisodeChanges(row.status),
    organisationId: row.organisationId,
    organisationName: row.organisationName,
    createdBy: row.createdByName,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
    history: facts.events.filter((e) => e.episodeId === row.id).map(historyEntry),
  };
}
