/**
 * Optimistic concurrency for the plan. Each save says which version it was based on (0 for
 * the first); a save based on an older version than the current one is refused with a 409
 * that says what changed since, so an edit is never silently written over another. The
 * server reads the current version number in the save's transaction and, only when the save
 * is stale, the content of the version it was based on.
 */
import type { DomainError } from '../errors.js';
import type { MyLifePlanContent } from './content.js';
import { diffPlans, type PlanChange } from './diff.js';
import { planError } from './problems.js';

export type PlanVersionCheck = 'current' | 'stale';

/** Whether a save based on `basedOnVersion` may go ahead; a version the plan has not reached yet is a 400. */
export function checkPlanVersion(basedOnVersion: number, currentVersion: number): PlanVersionCheck {
  if (basedOnVersion > currentVersion) {
    const reason = currentVersion === 0 ? 'This person has no plan yet: give 0' : `The plan has no version ${basedOnVersion}: the latest is ${currentVersion}`;
    throw planError('invalid', [{ field: 'basedOnVersion', reason }]);
  }
  return basedOnVersion === currentVersion ? 'current' : 'stale';
}

export interface StalePlanSave {
  basedOnVersion: number;
  /** The content of the version the save was based on; null when it was based on no plan (0). */
  basedOn: MyLifePlanContent | null;
  currentVersion: number;
  current: MyLifePlanContent;
}

/** The body members of a stale save's 409: the latest version and what changed since the editor's. */
export interface StalePlanExtra {
  currentVersion: number;
  whatChanged: PlanChange[];
}

/** The 409 for a stale save, naming `basedOnVersion` and carrying what changed since it. */
export function stalePlanError(save: StalePlanSave): DomainError {
  const extra: StalePlanExtra = { currentVersion: save.currentVersion, whatChanged: diffPlans(save.basedOn, save.current) };
  const since = save.basedOnVersion === 0 ? 'Someone else started this plan while you were writing' : `Someone else saved this plan after version ${save.basedOnVersion}`;
  const reason = `${since}: it is now at version ${save.currentVersion}. Nothing was saved; look at what changed, then make your changes again`;
  return planError('conflict', [{ field: 'basedOnVersion', reason }], { ...extra });
}
