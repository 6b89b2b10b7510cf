import { isApiError } from '../../api/client';
import { formErrors } from '../../api/form-errors';
import type { FormError } from '../../components/ErrorSummary';
import { useReloadEpisodes } from './api';

export const STALE_EPISODE =
  'Someone else changed this episode after you opened it, so your change was not saved. The page now shows the episode as it is: check their change, then make yours again if it is still needed.';

/**
 * What an episode form shows when the API refused it. A 409 means the episode is not as the page
 * showed it (changed by someone else, or ended), so the episodes are read again and the forms
 * redrawn from them; anything else names the fields at fault.
 */
export function useEpisodeProblems(personId: string) {
  const reload = useReloadEpisodes(personId);
  return (error: unknown, fields: Record<string, string>): FormError[] => {
    if (!isApiError(error, 409)) return formErrors(error, fields);
    void reload();
    const stale = (error.problem.errors ?? []).some((e) => e.field === 'version');
    return [{ message: stale ? STALE_EPISODE : (error.problem.detail ?? error.problem.title) }];
  };
}
