import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../api/client';
import { apiQueryOf, type DirectorySearch } from '../directory/search';
import type { DirectorySearchAnswer } from '../directory/types';
import type { EnquiryBody } from './form';
import type { Period } from './statistics';
import type { LoggedEnquiry, MyPointsOfAccessAnswer, PointStatistics } from './types';

/** The points of access the signed-in member of staff logs enquiries at: those their organisation runs. */
export function useMyPointsOfAccess() {
  return useQuery({
    queryKey: ['points-of-access', 'mine'],
    queryFn: async ({ signal }) => (await apiRequest<MyPointsOfAccessAnswer>('/points-of-access/mine', { signal })).pointsOfAccess,
  });
}

/** POST one enquiry; the answer says what came of it and who was given a safeguarding task. */
export function useLogEnquiry() {
  return useMutation({
    mutationFn: (body: EnquiryBody) => apiRequest<LoggedEnquiry>('/enquiries', { method: 'POST', body }),
  });
}

/**
 * The directory searched from the enquiry form, once "Find" is pressed (nothing is asked before).
 * Under the directory's search key, so a change to a listing refreshes these results too.
 */
export function useServiceSearch(search: DirectorySearch | undefined) {
  return useQuery({
    queryKey: ['directory', 'search', 'enquiry', search],
    queryFn: ({ signal }) => apiRequest<DirectorySearchAnswer>('/directory/services', { query: apiQueryOf(search!), signal }),
    enabled: search !== undefined,
    // The results stay on screen while the next search runs, so ticked boxes do not flash away.
    placeholderData: keepPreviousData,
  });
}

export const statisticsPath = (id: string) => `/points-of-access/${encodeURIComponent(id)}/statistics`;

/** Counts of one point of access's enquiries over a period (network leads and commissioners). */
export function usePointStatistics(id: string, period: Period) {
  return useQuery({
    queryKey: ['points-of-access', id, 'statistics', period.from, period.to],
    queryFn: ({ signal }) => apiRequest<PointStatistics>(statisticsPath(id), { query: { from: period.from, to: period.to }, signal }),
    placeholderData: keepPreviousData,
  });
}
