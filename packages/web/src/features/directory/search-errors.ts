import { isApiError } from '../../api/client';
import type { FormError } from '../../components/ErrorSummary';
import { SEARCH_FIELD_IDS } from './search';

/**
 * The field errors of a 400 answer to a search, each linked to its field in the form. A list's
 * field may come with its position ("taxonomy.2"), which still belongs to the list's field;
 * a query parameter the form does not have is listed without a link.
 */
export function searchErrors(error: unknown): FormError[] {
  if (!isApiError(error, 400)) return [];
  const fieldErrors = error.problem.errors ?? [];
  if (fieldErrors.length === 0) return [{ message: error.problem.detail ?? error.problem.title }];
  return fieldErrors.map(({ field, reason }) => {
    const fieldId = SEARCH_FIELD_IDS[field.split(/[.[]/)[0] ?? field];
    return fieldId ? { fieldId, message: reason } : { message: reason };
  });
}
