/**
 * What the service page is given in the history state: the search it was opened from, so "Back
 * to search results" returns to the same results, and a notice after its listing was updated.
 */
export interface ServicePageState {
  search?: string;
  updated?: string;
}

/** The search the user came from, when they came from one; "" when not. */
export function searchOf(state: unknown): string {
  const search = (state as ServicePageState | null)?.search;
  return typeof search === 'string' && search.startsWith('?') ? search : '';
}

/** The state to pass on to the next page, so the way back to the search is kept. */
export function fromSearchOf(state: unknown): ServicePageState {
  const search = searchOf(state);
  return search ? { search } : {};
}

export function updatedNoticeOf(state: unknown): string | undefined {
  const updated = (state as ServicePageState | null)?.updated;
  return typeof updated === 'string' ? updated : undefined;
}
