/**
 * What the support-episode routes answer, as the web app reads it. The server describes these
 * answers in its own schemas (core holds only the requests), so they are written out here.
 */
import type {
  ContactKind,
  EpisodeChangeKind,
  EpisodeEndReason,
  EpisodePauseReason,
  EpisodeStatus,
  EpisodeType,
  EpisodeWeek,
  WellbeingDirection,
  WellbeingMeasure,
} from '@kith/core';

export interface EpisodeHistoryEntry {
  id: string;
  /** One of core's change kinds, or `created`. */
  change: string;
  changeLabel: string;
  fromStatus: EpisodeStatus | null;
  toStatus: EpisodeStatus;
  reason: string | null;
  reasonLabel: string | null;
  detail: string | null;
  /** The day the change took effect. */
  on: string | null;
  by: string;
  byStaffId: string;
  at: string;
}

export interface FirstVisit {
  /** Days from the referral to the first home visit, or to today while still waiting. */
  days: number;
  firstVisitAt: string | null;
  /** Still counting: no home visit yet and support not closed. */
  running: boolean;
}

export interface WellbeingChange {
  measure: WellbeingMeasure;
  start: number;
  end: number;
  change: number;
  direction: WellbeingDirection;
  words: string;
}

export interface EpisodeView {
  id: string;
  personId: string;
  type: EpisodeType;
  typeLabel: string;
  status: EpisodeStatus;
  statusLabel: string;
  referralId: string | null;
  referredAt: string | null;
  plannedWeeks: number;
  startOn: string | null;
  pausedOn: string | null;
  pauseReason: EpisodePauseReason | null;
  pauseReasonLabel: string | null;
  pauseNote: string | null;
  resumedOn: string | null;
  pausedDays: number;
  endedOn: string | null;
  endReason: EpisodeEndReason | null;
  endReasonLabel: string | null;
  endNote: string | null;
  exitPlan: string | null;
  week: EpisodeWeek | null;
  weekLabel: string;
  nextVisitAt: string | null;
  /** Null when the episode came from no referral. */
  firstVisit: FirstVisit | null;
  /** Only the measures scored at both the start and the end. */
  wellbeing: WellbeingChange[];
  nextChanges: EpisodeChangeKind[];
  organisationId: string | null;
  organisationName: string | null;
  createdBy: string;
  createdAt: string;
  /** Sent back with a change, so a change based on an older version is refused (409). */
  version: number;
  /** Every change, oldest first. */
  history: EpisodeHistoryEntry[];
}

export interface ContactView {
  id: string;
  personId: string;
  episodeId: string | null;
  kind: ContactKind;
  kindLabel: string;
  /** "Home visit, 1 hour 30 minutes". */
  title: string;
  at: string;
  minutes: number;
  note: string;
  recordedBy: { staffId: string; name: string };
  organisationId: string | null;
  organisationName: string | null;
  recordedAt: string;
}

export interface ContactList {
  contacts: ContactView[];
  /** Contacts another organisation recorded, left out because the person has not agreed to sharing. */
  notSharedCount: number;
}
