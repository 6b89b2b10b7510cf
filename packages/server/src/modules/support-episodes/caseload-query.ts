/**
 * A coordinator's caseload in one statement: each open episode of each person they are the
 * named coordinator for, with the person's overdue actions counted and their plan's review
 * date. Decides nothing; core orders the rows and the gate decides who is shown.
 */
import { ACTIVE_TASK_STATES, type CaseloadInput, type EpisodeStatus, type EpisodeType, OPEN_EPISODE_STATUSES } from '@kith/core';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { myLifePlan, supportEpisode } from '../../platform/db/care-schema.js';
import type { Db } from '../../platform/db/client.js';
import { careTeamMember, person, task } from '../../platform/db/schema.js';

/** The rows of core's caseload for a named coordinator; `today` is England's date. */
export async function caseloadOf(db: Db, staffId: string, today: string): Promise<CaseloadInput[]> {
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
    .innerJoin(supportEpisode, and(eq(supportEpisode.personId, careTeamMember.personId), inArray(supportEpisode.status, [...OPEN_EPISODE_STATUSES])))
    .leftJoin(myLifePlan, eq(myLifePlan.personId, careTeamMember.personId))
    .where(and(eq(careTeamMember.staffId, staffId), eq(careTeamMember.isNamedCoordinator, true)));
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
