/**
 * A coordinator's caseload: first who is on it (the people they are the named coordinator for
 * with an open episode, their own relationships and nothing of the record), for the gate to
 * decide on; then, in one statement, each open episode of those the gate allowed, with the
 * person's overdue actions counted and their plan's review date. Core orders the rows.
 */
import { ACTIVE_TASK_STATES, type CaseloadInput, type EpisodeStatus, type EpisodeType, OPEN_EPISODE_STATUSES } from '@kith/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { myLifePlan, supportEpisode } from '../../platform/db/care-schema.js';
import type { Db } from '../../platform/db/client.js';
import { careTeamMember, person, task } from '../../platform/db/schema.js';

const namedCoordinatorOfOpenEpisode = (staffId: string) =>
  and(eq(careTeamMember.staffId, staffId), eq(careTeamMember.isNamedCoordinator, true), inArray(supportEpisode.status, [...OPEN_EPISODE_STATUSES]));

/** The people on the caseload: those the member of staff is named coordinator for, with an open episode. */
export async function caseloadPeople(db: Db, staffId: string): Promise<string[]> {
  const rows = await db
    .selectDistinct({ personId: careTeamMember.personId })
    .from(careTeamMember)
    .innerJoin(supportEpisode, eq(supportEpisode.personId, careTeamMember.personId))
    .where(namedCoordinatorOfOpenEpisode(staffId));
  return rows.map((r) => r.personId);
}

/** The rows of core's caseload for a named coordinator, for the people shown; `today` is England's date. */
export async function caseloadOf(db: Db, staffId: string, today: string, shown: readonly string[]): Promise<CaseloadInput[]> {
  if (shown.length === 0) return [];
  // An action is overdue from the day after it was due, while still to do.
  const overdue = sql<number>`(SELECT count(*)::int FROM ${task}
    WHERE ${task.personId} = ${supportEpisode.personId}
      AND ${inArray(task.state, [...ACTIVE_TASK_STATES])}
      AND ${task.dueOn} < ${today}::date)`.mapWith(Number);
  const rows = await db
    .select({
      personId: person.id,
      givenName: person.givenName,
      familyName: person.familyName,
      episodeId: supportEpisode.id,
      type: supportEpisode.type,
      status: supportEpisode.status,
      startOn: supportEpisode.startOn,
      plannedWeeks: supportEpisode.plannedWeeks,
      pausedOn: supportEpisode.pausedOn,
      pausedDays: supportEpisode.pausedDays,
      endedOn: supportEpisode.endedOn,
      nextVisitAt: supportEpisode.nextVisitAt,
      overdueActions: overdue,
      planReviewDate: myLifePlan.reviewOn,
    })
    .from(careTeamMember)
    .innerJoin(person, eq(person.id, careTeamMember.personId))
    .innerJoin(supportEpisode, eq(supportEpisode.personId, careTeamMember.personId))
    .leftJoin(myLifePlan, eq(myLifePlan.personId, careTeamMember.personId))
    .where(and(namedCoordinatorOfOpenEpisode(staffId), inArray(careTeamMember.personId, [...shown])));
  return rows.map((r) => ({
    person: { id: r.personId, name: `${r.givenName} ${r.familyName}` },
    episode: {
      id: r.episodeId,
      type: r.type as EpisodeType,
      status: r.status as EpisodeStatus,
      startOn: r.startOn,
      plannedWeeks: r.plannedWeeks,
      pausedOn: r.pausedOn,
      pausedDays: r.pausedDays,
      endedOn: r.endedOn,
    },
    nextVisitAt: r.nextVisitAt?.toISOString() ?? null,
    overdueActions: r.overdueActions,
    planReviewDate: r.planReviewDate,
  }));
}
