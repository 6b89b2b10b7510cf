import { keepPreviousData, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PersonSearchResult } from '@kith/core';
import { apiRequest } from '../../api/client';
import type { PersonSearch } from './search-criteria';
import { personKey } from './record';
import type { PersonRecord, RecordOpening } from './types';

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

/** The person alone: the header of every page of their record but the front one. */
export function usePerson(id: string, enabled: boolean) {
  return useQuery({
    queryKey: personKey(id),
    queryFn: ({ signal }) => apiRequest<PersonRecord>(`/people/${encodeURIComponent(id)}`, { signal }),
    enabled,
  });
}

/**
 * The record's front page, in one request: the person, the first page of their timeline and
 * their My Life plan (null where the reader may not see them). Asked for only while the front
 * page is shown, and not again when the window regains focus, since the server records a look
 * at each part it sends. The person it brings is kept as the person query's answer too, so
 * the other pages of the record open without waiting for it.
 */
export function useRecordOpening(id: string, enabled: boolean) {
  const client = useQueryClient();
  return useQuery({
    queryKey: [...personKey(id), 'opening'],
    queryFn: async ({ signal }) => {
      const opening = await apiRequest<RecordOpening>(`/people/${encodeURIComponent(id)}/record`, { signal });
      client.setQueryData(personKey(id), opening.person);
      return opening;
    },
    enabled,
    refetchOnWindowFocus: false,
  });
}
