import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PersonSearchResult } from '@kith/core';
import { apiRequest } from '../../api/client';
import type { PersonSearch } from './search-criteria';
import { personKey } from './record';
import type { RecordOpening } from './types';

export const PAGE_SIZE = 20;

/** Runs only when there is something to search for; the API refuses a search with no criteria. */
export function usePersonSearch(search: PersonSearch, enabled: boolean) {
  return useQuery({
    queryKey: ['people', 'search', search],
    queryFn: ({ signal }) =>
      apiRequest<PersonSearchResult>('/people', {
        query: { ...search.criteria, page: search.page, pageSize: PAGE_SIZE },
        signal,
      }),
    enabled,
    // Keeps the last page on screen while the next loads, so pagination does not flash empty.
    placeholderData: keepPreviousData,
  });
}

/**
 * The record as it opens, in one request: the person, the first page of their timeline and
 * their My Life plan (null where the reader may not see them). Every page of the record is
 * drawn under it, so anything that changes the record reads it again (personKey).
 */
export function useRecordOpening(id: string, staleTime = 0) {
  return useQuery({
    queryKey: personKey(id),
    staleTime,
    queryFn: ({ signal }) => apiRequest<RecordOpening>(`/people/${encodeURIComponent(id)}/record`, { signal }),
  });
}
