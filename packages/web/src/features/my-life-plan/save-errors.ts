/** What the plan editor shows when the server refuses a save. */
import { PLAN_PART_TITLES, PLAN_PARTS, type PlanChange, type PlanPart } from '@kith/core';
import { isApiError } from '../../api/client';
import { formErrors } from '../../api/form-errors';
import { inFormOrder, linkedField, type PlanFields, type PlanFormError } from './plan-draft';

/** Someone else saved the plan after the version the editor opened: the latest, and what changed since. */
export interface StaleSave {
  currentVersion: number;
  whatChanged: PlanChange[];
}

export function staleSaveOf(error: unknown): StaleSave | undefined {
  if (!isApiError(error, 409)) return undefined;
  const { currentVersion, whatChanged } = error.problem as { currentVersion?: unknown; whatChanged?: unknown };
  if (typeof currentVersion !== 'number' || !Array.isArray(whatChanged)) return undefined;
  return { currentVersion, whatChanged: whatChanged as PlanChange[] };
}

/**
 * A refused save (400 bad input, 403 a write this editor may not make): each problem linked
 * to its input, in the form's order. One with no input left, such as a removal refused, says
 * which part of the plan it is about.
 */
export function saveErrors(error: unknown, fields: PlanFields): PlanFormError[] {
  const named = isApiError(error, 400) || isApiError(error, 403) ? (error.problem.errors ?? []) : [];
  if (named.length === 0) return formErrors(error);
  const errors = named.map(({ field, reason }): PlanFormError => {
    const fieldId = linkedField(field, fields.ids);
    return fieldId ? { fieldId, message: reason } : { message: inPart(field, reason) };
  });
  return inFormOrder(errors, fields.order);
}

function inPart(field: string, reason: string): string {
  const part = field.split('.')[0] ?? '';
  return (PLAN_PARTS as readonly string[]).includes(part) ? `${PLAN_PART_TITLES[part as PlanPart]}: ${reason}` : reason;
}
