import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { InstrumentRecord, InstrumentResultView } from '@kith/core';
import { apiRequest } from '../../api/client';
import { personKey } from '../people/record';
import { episodesKey } from '../support/api';

const resultsKey = (personId: string) => [...personKey(personId), 'instruments'];
const path = (personId: string) => `/people/${encodeURIComponent(personId)}/instruments`;

/** GET /people/:id/instruments: every instrument completed with the person, newest first. */
export function useInstrumentResults(personId: string) {
  return useQuery({
    queryKey: resultsKey(personId),
    queryFn: async ({ signal }) => (await apiRequest<{ results: InstrumentResultView[] }>(path(personId), { signal })).results,
  });
}

/** Records and scores an instrument; one measuring an episode changes that episode's wellbeing. */
export function useRecordInstrument(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (record: InstrumentRecord) => apiRequest<InstrumentResultView>(path(personId), { method: 'POST', body: record }),
    onSuccess: (saved) => {
      void client.invalidateQueries({ queryKey: resultsKey(personId) });
      if (saved.episodeId) void client.invalidateQueries({ queryKey: episodesKey(personId) });
    },
  });
}
