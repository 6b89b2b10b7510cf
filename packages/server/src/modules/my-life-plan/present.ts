/** The plan as it is read: rows made into the views of views.ts. */
import {
  type GoalProgressRecord,
  type MyLifePlanContent,
  type PlanAuthor,
  PLAN_SECTIONS,
  goalProgressSeries,
  planReviewState,
} from '@kith/core';
import type { SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import * as q from './queries.js';
import type { AgreementView, GoalProgressSeriesView, PlanView, Recorder } from './views.js';

/** A staff id and name as stored; no staff member means the person recorded it themselves. */
export function recorderOf(staffId: string | null, name: string | null): Recorder {
  return staffId === null ? { kind: 'person' } : { kind: 'staff', staffId, name: name ?? '' };
}

export function agreementView(row: q.AgreementRow): AgreementView {
  return {
    version: row.version,
    how: row.how,
    agreedOn: row.agreedOn,
    ...(row.note ? { note: row.note } : {}),
    recordedAt: row.recordedAt,
    recordedBy: recorderOf(row.recordedById, row.recordedByName),
  };
}

/**
 * Core's series over the stored records. A record keeps who made it but not the role they
 * held, which core's author needs; core only carries each record's author over into its
 * point, so the recorder as stored is carried in that place instead.
 */
export function progressSeries(content: MyLifePlanContent | null, rows: readonly q.ProgressRow[]): GoalProgressSeriesView[] {
  const records = rows.map((row) => ({
    goalId: row.goalId,
    status: row.status,
    ...(row.note ? { note: row.note } : {}),
    recordedAt: row.recordedAt,
    recordedBy: recorderOf(row.recordedById, row.recordedByName) as unknown as PlanAuthor,
  })) satisfies GoalProgressRecord[];
  return goalProgressSeries(content?.goals ?? [], records) as unknown as GoalProgressSeriesView[];
}

const emptySections = () => Object.fromEntries(PLAN_SECTIONS.map((section) => [section, []])) as unknown as Omit<MyLifePlanContent, 'goals' | 'reviewDate'>;

/** The current plan, its review state on `today` (England's), agreement and progress; empty before the first save. */
export async function planView(db: Db, personId: string, today: string, recordLook?: SQL): Promise<PlanView> {
  return planViewOf(personId, await q.planRows(db, personId, recordLook), today);
}

/** The view of the rows q.planRows reads. */
export function planViewOf(personId: string, { current, agreement, progress }: q.PlanRows, today: string): PlanView {
  if (!current) {
    return {
      personId,
      version: 0,
      content: { ...emptySections(), goals: [], reviewDate: null },
      reviewDate: null,
      reviewState: null,
      lastSaved: null,
      agreement: null,
      goalProgress: [],
    };
  }
  return {
    personId,
    version: current.version,
    content: current.content,
    reviewDate: current.content.reviewDate,
    reviewState: planReviewState(current.content.reviewDate, today),
    lastSaved: savedOf(current),
    agreement: agreement ? agreementView(agreement) : null,
    goalProgress: progressSeries(current.content, progress),
  };
}

export function savedOf(row: q.VersionRow) {
  return { by: recorderOf(row.savedById, row.savedByName), organisationName: row.organisationName, at: row.savedAt };
}
