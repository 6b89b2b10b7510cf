import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../api/client';
import { apiQueryOf, type DirectorySearch } from './search';
import type { DirectorySearchAnswer, Listing, TaxonomyTerm } from './types';

/** A search with no filters lists the whole directory, freshest first, so it always runs. */
export function useDirectorySearch(search: DirectorySearch) {
  return useQuery({
    queryKey: ['directory', 'search', search],
    queryFn: ({ signal }) => apiRequest<DirectorySearchAnswer>('/directory/services', { query: apiQueryOf(search), signal }),
    // Keeps the last page on screen while the next loads, so pagination does not flash empty.
    placeholderData: keepPreviousData,
  });
}

export function useListing(id: string) {
  return useQuery({
    queryKey: ['directory', 'service', id],
    queryFn: ({ signal }) => apiRequest<Listing>(`/directory/services/${encodeURIComponent(id)}`, { signal }),
  });
}

/**
 * The vocabulary, from the directory's public Open Referral UK API (outside /api/v1, with no
 * session needed). It changes only when someone loads a new one, so it is read once a session.
 */
export function useTaxonomyTerms() {
  return useQuery({
    queryKey: ['directory', 'taxonomy-terms'],
    queryFn: async ({ signal }): Promise<TaxonomyTerm[]> => {
      const response = await fetch('/openreferral/taxonomy_terms', { headers: { accept: 'application/json' }, signal });
      if (!response.ok) throw new Error(`The vocabulary could not be read (${response.status})`);
      const body = (await response.json()) as { contents?: TaxonomyTerm[] };
      return (body.contents ?? []).filter((term) => term.code && term.name);
    },
    staleTime: Infinity,
    retry: 1,
  });
}
