import type { FormError } from '../components/ErrorSummary';
import { isApiError } from './client';

export const SERVICE_PROBLEM = 'Sorry, there is a problem with the service. Try again later.';

/**
 * What a form shows after the API refused it: each field problem linked to its input where
 * the form has one, or the problem's own plain words (a refusal, a conflict). A 401 is left
 * to the session handling, which sends the user to sign in.
 */
export function formErrors(error: unknown, fieldIds: Record<string, string> = {}): FormError[] {
  if (!isApiError(error) || error.status >= 500) return [{ message: SERVICE_PROBLEM }];
  const fieldErrors = error.problem.errors ?? [];
  if (fieldErrors.length === 0) return [{ message: error.problem.detail ?? error.problem.title }];
  return fieldErrors.map(({ field, reason }) => {
    const fieldId = fieldIds[field];
    return fieldId ? { fieldId, message: reason } : { message: reason };
  });
}
