import type {
  GoalDomain,
  GoalStatus,
  MyLifePlanContent,
  PlanAgreementMethod,
  PlanChange,
  PlanReviewState,
} from '@kith/core';

/** Who recorded something beside the plan: a member of staff by name, or the person themselves. */
export type Recorder = { kind: 'staff'; staffId: string; name: string } | { kind: 'person' };

/** Who saved a version, for whom they work, and when. */
export interface PlanSaved {
  by: Recorder;
  organisationName: string | null;
  at: string;
}

export interface PlanAgreementView {
  version: number;
  how: PlanAgreementMethod;
  agreedOn: string;
  note?: string;
  recordedAt: string;
  recordedBy: Recorder;
}

export interface GoalProgressPointView {
  status: GoalStatus;
  at: string;
  note?: string;
  recordedBy: Recorder;
}

export interface GoalProgressView {
  goalId: string;
  goal: { domain: GoalDomain; inMyWords: string };
  /** When the goal's line starts, as not started. */
  since: string;
  /** Oldest first. */
  points: GoalProgressPointView[];
  current: GoalStatus;
}

/** GET /people/:id/plan: version 0, every part empty and no review date until the first save. */
export interface PlanView {
  personId: string;
  version: number;
  content: Omit<MyLifePlanContent, 'reviewDate'> & { reviewDate: string | null };
  reviewDate: string | null;
  reviewState: PlanReviewState | null;
  lastSaved: PlanSaved | null;
  /** The person's agreement to the current version, when given. */
  agreement: PlanAgreementView | null;
  goalProgress: GoalProgressView[];
}

export interface PlanVersionSummary {
  version: number;
  basedOn: number;
  savedBy: Recorder;
  organisationName: string | null;
  savedAt: string;
  reviewDate: string | null;
  agreed: boolean;
}

export interface PlanHistory {
  versions: PlanVersionSummary[];
}

export interface PlanDiff {
  from: number;
  to: number;
  changes: PlanChange[];
}
