import type { FormError } from '../components/ErrorSummary';
import { isApiError } from './client';

/**
 * The field errors of a 400 problem, for the error summary. Each API field name that matches
 * a form input links to it; the rest are listed without a link.
 */
export function problemErrors(error: unknown, fieldIds: Record<string, string>): FormError[] {
  if (!isApiError(error, 400)) return [];
  const fieldErrors = error.problem.errors ?? [];
  if (fieldErrors.length === 0) return [{ message: error.problem.detail ?? error.problem.title }];
  return fieldErrors.map(({ field, reason }) => {
    const fieldId = fieldIds[field];
    return fieldId ? { fieldId, message: reason } : { message: reason };
  });
}
