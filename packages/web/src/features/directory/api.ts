import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ListingEdit } from '@kith/core';
import { apiRequest } from '../../api/client';
import { apiQueryOf, type DirectorySearch } from './search';
import type { DirectorySearchAnswer, Listing, PendingEditsAnswer, StaleListingsAnswer, TaxonomyTerm } from './types';

/** A search with no filters lists the whole directory, freshest first, so it always runs. */
export function useDirectorySearch(search: DirectorySearch) {
  return useQuery({
    queryKey: ['directory', 'search', search],
    queryFn: ({ signal }) => apiRequest<DirectorySearchAnswer>('/directory/services', { query: apiQueryOf(search), signal }),
    // Keeps the last page on screen while the next loads, so pagination does not flash empty.
    placeholderData: keepPreviousData,
  });
}

/** A service's page in the web app, and the form that updates its listing. */
export const servicePath = (id: string, below = '') => `/directory/services/${encodeURIComponent(id)}${below}`;

const listingKey = (id: string) => ['directory', 'service', id];
const listingPath = (id: string) => `/directory/services/${encodeURIComponent(id)}`;

export function useListing(id: string) {
  return useQuery({
    queryKey: listingKey(id),
    queryFn: ({ signal }) => apiRequest<Listing>(listingPath(id), { signal }),
  });
}

/** Reads the listing again, for someone who chooses to start their change over from the latest version. */
export function useReloadListing(id: string) {
  const client = useQueryClient();
  return () => client.fetchQuery({ queryKey: listingKey(id), queryFn: () => apiRequest<Listing>(listingPath(id)), staleTime: 0 });
}

/** Either the listing as changed (applied at once), or the review the change waits in. */
export type ListingEditOutcome = { applied: true; listing: Listing } | { applied: false; reviewId: string };

/** A change to a listing changes what searches, the review queue and the stale report show, so all are read again. */
function useRefreshDirectory() {
  const client = useQueryClient();
  return () =>
    Promise.all(
      [['directory', 'search'], ['directory', 'reviews'], ['directory', 'stale']].map((queryKey) => client.invalidateQueries({ queryKey })),
    );
}

/** PUT the change at the version read: 200 with the listing when it applies at once, 202 when it waits for review. */
export function useUpdateListing(id: string) {
  const client = useQueryClient();
  const refresh = useRefreshDirectory();
  return useMutation({
    mutationFn: async (edit: ListingEdit): Promise<ListingEditOutcome> => {
      const answer = await apiRequest<Listing | { reviewId: string }>(`${listingPath(id)}/listing`, { method: 'PUT', body: edit });
      return 'reviewId' in answer ? { applied: false, reviewId: answer.reviewId } : { applied: true, listing: answer };
    },
    onSuccess: (outcome) => {
      if (outcome.applied) client.setQueryData(listingKey(id), outcome.listing);
      void refresh();
    },
  });
}

const reviewsKey = ['directory', 'reviews'];

/** Changes waiting for review, oldest first; only those who look after the directory may read them. */
export function usePendingEdits() {
  return useQuery({
    queryKey: reviewsKey,
    queryFn: ({ signal }) => apiRequest<PendingEditsAnswer>('/directory/reviews', { signal }),
  });
}

export interface EditDecision {
  editId: string;
  serviceId: string;
  decision: 'approve' | 'reject';
  note?: string;
}

/** Approves or rejects a change; once decided it leaves the queue, and an approved one changes the listing. */
export function useDecideEdit() {
  const client = useQueryClient();
  const refresh = useRefreshDirectory();
  return useMutation({
    mutationFn: ({ editId, decision, note }: EditDecision) =>
      apiRequest<void>(`/directory/reviews/${encodeURIComponent(editId)}`, { method: 'POST', body: note ? { decision, note } : { decision } }),
    onSuccess: (_answer, { editId, serviceId, decision }) => {
      client.setQueryData<PendingEditsAnswer>(reviewsKey, (was) => was && { edits: was.edits.filter((edit) => edit.id !== editId) });
      if (decision === 'approve') void client.invalidateQueries({ queryKey: listingKey(serviceId) });
      void refresh();
    },
    // A refusal may mean the listing or the edit changed: read the queue again so it shows what is true now.
    onError: () => void client.invalidateQueries({ queryKey: reviewsKey }),
  });
}

export const STALE_PER_PAGE = 20;

/** Listings not checked with their service for six months or more, or never, oldest first. */
export function useStaleListings(page: number) {
  return useQuery({
    queryKey: ['directory', 'stale', page],
    queryFn: ({ signal }) => apiRequest<StaleListingsAnswer>('/directory/stale', { query: { page, perPage: STALE_PER_PAGE }, signal }),
    placeholderData: keepPreviousData,
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
