import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { BreakGlassGrantView, BreakGlassReview } from '@kith/core';
import { apiRequest } from '../../api/client';

export type ReviewStatus = 'unreviewed' | 'reviewed' | 'all';

export const REVIEW_STATUSES: readonly ReviewStatus[] = ['unreviewed', 'reviewed', 'all'];

const REVIEWS_KEY = ['break-glass-reviews'] as const;
const grantKey = (grantId: string) => [...REVIEWS_KEY, 'grant', grantId];

export function useReviewList(status: ReviewStatus) {
  return useQuery({
    queryKey: [...REVIEWS_KEY, status],
    queryFn: ({ signal }) =>
      apiRequest<{ grants: BreakGlassGrantView[] }>('/break-glass-reviews', { query: { status }, signal }),
  });
}

/** One grant, reviewed or not; 404 when there is no grant with this id. */
export function useReview(grantId: string) {
  return useQuery({
    queryKey: grantKey(grantId),
    queryFn: ({ signal }) => apiRequest<BreakGlassGrantView>(`/break-glass-reviews/${encodeURIComponent(grantId)}`, { signal }),
  });
}

export function useRecordReview(grantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (review: BreakGlassReview) =>
      apiRequest<void>(`/break-glass-reviews/${encodeURIComponent(grantId)}`, { method: 'POST', body: review }),
    // The page leaves for the list once the outcome is recorded, so the grant is not read again meanwhile.
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: grantKey(grantId), refetchType: 'none' }),
        queryClient.invalidateQueries({ queryKey: REVIEWS_KEY, predicate: (query) => query.queryKey[1] !== 'grant' }),
      ]),
  });
}
