import { isApiError } from '../../api/client';
import type { FormError } from '../../components/ErrorSummary';

/** Where an API field's error links to in a form, and the field's label in words. */
export interface FieldTarget {
  id: string;
  label: string;
}

const SERVICE_PROBLEM = 'Sorry, there is a problem with the service. Try again later.';
const NO_ACCESS = 'You do not have access to manage API clients.';

/** The problems a form shows after the API refused it, each field's label in front of its reason. */
export function apiClientErrors(error: unknown, fields: Record<string, FieldTarget>): FormError[] {
  if (isApiError(error, 403)) return [{ message: NO_ACCESS }];
  if (!isApiError(error, 400)) return [{ message: SERVICE_PROBLEM }];
  const fieldErrors = error.problem.errors ?? [];
  if (fieldErrors.length === 0) return [{ message: error.problem.detail ?? error.problem.title }];
  return fieldErrors.map(({ field, reason }) => {
    // "scopes.0" is a problem with the scopes as a whole, as far as the form is concerned.
    const target = fields[field] ?? fields[field.split('.')[0]!];
    return target ? { fieldId: target.id, message: `${target.label}: ${lowerFirst(reason)}` } : { message: reason };
  });
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text;
}
