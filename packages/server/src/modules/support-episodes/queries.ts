/** Reading and writing support episodes and their history; decides nothing. */
import {
  type EpisodeEndReason,
  type EpisodePauseReason,
  type EpisodeState,
  type EpisodeStatus,
  type EpisodeType,
  OPEN_EPISODE_STATUSES,
  WELLBEING_MEASURES,
  type WellbeingMeasure,
} from '@kith/core';
import { and, asc, desc, eq, inArray, isNotNull, isNull, ne } from 'drizzle-orm';
import { episodeEvent, instrumentResult, supportEpisode } from '../../platform/db/care-schema.js';
import type { Db } from '../../platform/db/client.js';
import { organisation, referral, staff } from '../../platform/db/schema.js';

export interface EpisodeRow extends EpisodeState {
  id: string;
  personId: string;
  nextVisitAt: Date | null;
  organisationId: string | null;
  organisationName: string | null;
  createdById: string;
  createdByName: string;
  createdAt: Date;
  version: number;
  /** When the referral the episode came from was received. */
  referredAt: Date | null;
}

const EPISODE_COLUMNS = {
  id: supportEpisode.id,
  personId: supportEpisode.personId,
  type: supportEpisode.type,
  status: supportEpisode.status,
  referralId: supportEpisode.referralId,
  plannedWeeks: supportEpisode.plannedWeeks,
  startOn: supportEpisode.startOn,
  pausedOn: supportEpisode.pausedOn,
  pauseReason: supportEpisode.pauseReason,
  pauseNote: supportEpisode.pauseNote,
  resumedOn: supportEpisode.resumedOn,
  pausedDays: supportEpisode.pausedDays,
  endedOn: supportEpisode.endedOn,
  endReason: supportEpisode.endReason,
  endNote: supportEpisode.endNote,
  exitPlan: supportEpisode.exitPlan,
  nextVisitAt: supportEpisode.nextVisitAt,
  organisationId: supportEpisode.organisationId,
  organisationName: organisation.name,
  createdById: supportEpisode.createdBy,
  createdByName: staff.name,
  createdAt: supportEpisode.createdAt,
  version: supportEpisode.version,
  referredAt: referral.createdAt,
};

function selectEpisodes(db: Db) {
  return db
    .select(EPISODE_COLUMNS)
    .from(supportEpisode)
    .innerJoin(staff, eq(staff.id, supportEpisode.createdBy))
    .leftJoin(organisation, eq(organisation.id, supportEpisode.organisationId))
    .leftJoin(referral, eq(referral.id, supportEpisode.referralId));
}

type SelectedEpisode = Awaited<ReturnType<ReturnType<typeof selectEpisodes>['execute']>>[number];

/** The database keeps core's codes as text: they are read back as core's types. */
function asEpisode(row: SelectedEpisode): EpisodeRow {
  return {
    ...row,
    type: row.type as EpisodeType,
    status: row.status as EpisodeStatus,
    pauseReason: row.pauseReason as EpisodePauseReason | null,
    endReason: row.endReason as EpisodeEndReason | null,
  };
}

/** The person's episodes, newest first. */
export async function episodesOf(db: Db, personId: string): Promise<EpisodeRow[]> {
  const rows = await selectEpisodes(db)
    .where(eq(supportEpisode.personId, personId))
    .orderBy(desc(supportEpisode.createdAt), desc(supportEpisode.id));
  return rows.map(asEpisode);
}

/** One of the person's episodes; undefined when the person has none with this id. */
export async function episodeOf(db: Db, personId: string, episodeId: string): Promise<EpisodeRow | undefined> {
  const [row] = await selectEpisodes(db).where(and(eq(supportEpisode.id, episodeId), eq(supportEpisode.personId, personId)));
  return row && asEpisode(row);
}

/** The person's open episode of this type, if there is one. */
export async function openEpisodeId(db: Db, personId: string, type: EpisodeType): Promise<string | undefined> {
  const [row] = await db
    .select({ id: supportEpisode.id })
    .from(supportEpisode)
    .where(and(eq(supportEpisode.personId, personId), eq(supportEpisode.type, type), inArray(supportEpisode.status, [...OPEN_EPISODE_STATUSES])));
  return row?.id;
}

export async function isReferralOf(db: Db, personId: string, referralId: string): Promise<boolean> {
  const [row] = await db.select({ id: referral.id }).from(referral).where(and(eq(referral.id, referralId), eq(referral.personId, personId)));
  return row !== undefined;
}

export async function insertEpisode(
  db: Db,
  row: EpisodeState & { id: string; personId: string; organisationId: string | null; createdBy: string; createdAt: Date },
): Promise<void> {
  await db.insert(supportEpisode).values({ ...row, version: 1 });
}

/** The episode's course as core changed it; only at the version read. False when someone changed it since. */
export async function updateEpisode(db: Db, id: string, readVersion: number, state: EpisodeState): Promise<boolean> {
  const updated = await db
    .update(supportEpisode)
    .set({
      status: state.status,
      plannedWeeks: state.plannedWeeks,
      startOn: state.startOn,
      pausedOn: state.pausedOn,
      pauseReason: state.pauseReason,
      pauseNote: state.pauseNote,
      resumedOn: state.resumedOn,
      pausedDays: state.pausedDays,
      endedOn: state.endedOn,
      endReason: state.endReason,
      endNote: state.endNote,
      exitPlan: state.exitPlan,
      // Once support has ended there is no next visit to make.
      ...(state.status === 'ended' ? { nextVisitAt: null } : {}),
      version: readVersion + 1,
    })
    .where(and(eq(supportEpisode.id, id), eq(supportEpisode.version, readVersion)))
    .returning({ id: supportEpisode.id });
  return updated.length === 1;
}

/**
 * Books (or clears) the next home visit of an episode still open, only if the booking is still
 * the one read; false when it has ended or someone booked it since.
 */
export async function setNextVisit(db: Db, id: string, at: Date | null, replaces: Date | null): Promise<boolean> {
  const updated = await db
    .update(supportEpisode)
    .set({ nextVisitAt: at })
    .where(
      and(
        eq(supportEpisode.id, id),
        ne(supportEpisode.status, 'ended'),
        replaces === null ? isNull(supportEpisode.nextVisitAt) : eq(supportEpisode.nextVisitAt, replaces),
      ),
    )
    .returning({ id: supportEpisode.id });
  return updated.length === 1;
}

export type EpisodeEventInsert = typeof episodeEvent.$inferInsert;

export async function insertEvent(db: Db, event: EpisodeEventInsert): Promise<void> {
  await db.insert(episodeEvent).values(event);
}

export interface EventRow {
  id: string;
  episodeId: string;
  change: string;
  fromStatus: string | null;
  toStatus: string;
  reason: string | null;
  detail: string | null;
  on: string | null;
  byStaffId: string;
  byName: string;
  at: Date;
}

/** The history of these episodes, oldest first. */
export function historyOf(db: Db, episodeIds: readonly string[]): Promise<EventRow[]> {
  if (episodeIds.length === 0) return Promise.resolve([]);
  return db
    .select({
      id: episodeEvent.id,
      episodeId: episodeEvent.episodeId,
      change: episodeEvent.change,
      fromStatus: episodeEvent.fromStatus,
      toStatus: episodeEvent.toStatus,
      reason: episodeEvent.reason,
      detail: episodeEvent.detail,
      on: episodeEvent.on,
      byStaffId: episodeEvent.by,
      byName: staff.name,
      at: episodeEvent.at,
    })
    .from(episodeEvent)
    .innerJoin(staff, eq(staff.id, episodeEvent.by))
    .where(inArray(episodeEvent.episodeId, [...episodeIds]))
    .orderBy(asc(episodeEvent.at), asc(episodeEvent.id));
}

export interface EpisodeScore {
  episodeId: string;
  measure: WellbeingMeasure;
  moment: 'start' | 'end';
  score: number;
}

/** Wellbeing scores measured at the start or end of these episodes, oldest first (a later one supersedes). */
export async function wellbeingScoresOf(db: Db, episodeIds: readonly string[]): Promise<EpisodeScore[]> {
  if (episodeIds.length === 0) return [];
  const rows = await db
    .select({ episodeId: instrumentResult.episodeId, measure: instrumentResult.instrument, moment: instrumentResult.moment, score: instrumentResult.score })
    .from(instrumentResult)
    .where(
      and(
        inArray(instrumentResult.episodeId, [...episodeIds]),
        inArray(instrumentResult.instrument, [...WELLBEING_MEASURES]),
        isNotNull(instrumentResult.score),
        isNotNull(instrumentResult.moment),
      ),
    )
    .orderBy(asc(instrumentResult.recordedAt), asc(instrumentResult.id));
  return rows.map((r) => ({ episodeId: r.episodeId!, measure: r.measure as WellbeingMeasure, moment: r.moment as 'start' | 'end', score: r.score! }));
}
