import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PersonSearchResult } from '@kith/core';
import { apiRequest } from '../../api/client';
import type { PersonSearch } from './search-criteria';
import type { PersonRecord } from './types';

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

export function usePerson(id: string) {
  return useQuery({
    queryKey: ['people', 'record', id],
    queryFn: ({ signal }) => apiRequest<PersonRecord>(`/people/${encodeURIComponent(id)}`, { signal }),
  });
}
