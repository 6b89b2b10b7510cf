import { useInfiniteQuery } from '@tanstack/react-query';
import type { TimelineEntryType, TimelinePage } from '@kith/core';
import { apiRequest } from '../../api/client';
import { personKey } from '../people/record';

export interface TimelineFilter {
  type?: TimelineEntryType;
  organisationId?: string;
}

/** The person's timeline, a page at a time, newest first; "show older" asks for the next page by cursor. */
export function useTimeline(personId: string, filter: TimelineFilter) {
  return useInfiniteQuery({
    queryKey: [...personKey(personId), 'timeline', filter],
    initialPageParam: undefined as string | undefined,
    queryFn: ({ pageParam, signal }) =>
      apiRequest<TimelinePage>(`/people/${encodeURIComponent(personId)}/timeline`, {
        query: { types: filter.type, organisationId: filter.organisationId, before: pageParam, limit: 25 },
        signal,
      }),
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}
