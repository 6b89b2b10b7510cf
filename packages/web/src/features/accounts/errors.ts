import { isApiError } from '../../api/client';
import type { FormError } from '../../components/ErrorSummary';

/** Where an API field's error links to in a form, and the field's label in words. */
export interface FieldTarget {
  id: string;
  label: string;
}

const SERVICE_PROBLEM = 'Sorry, there is a problem with the service. Try again later.';
const NO_ACCESS = 'You do not have access to manage staff accounts.';

/**
 * The problems an account form shows after the API refused it. The API's reasons do not name
 * the field ("Use at least 12 characters"), so the summary puts the field's label in front.
 * A 409 (the email is used) carries field errors like a 400.
 */
export function accountErrors(error: unknown, fields: Record<string, FieldTarget>): FormError[] {
  if (isApiError(error, 403)) return [{ message: NO_ACCESS }];
  if (!isApiError(error, 400) && !isApiError(error, 409)) return [{ message: SERVICE_PROBLEM }];
  const fieldErrors = error.problem.errors ?? [];
  if (fieldErrors.length === 0) return [{ message: error.problem.detail ?? error.problem.title }];
  return fieldErrors.map(({ field, reason }) => {
    const target = fields[field];
    return target ? { fieldId: target.id, message: `${target.label}: ${lowerFirst(reason)}` } : { message: reason };
  });
}

/** "Use at least…" becomes "use at least…"; an initialism such as "GP" keeps its capitals. */
function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
