import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { RecordEntryInput, RecordEntryView } from '@kith/core';
import { apiRequest } from '../../api/client';
import { personKey } from '../people/record';

export interface RecordEntries {
  entries: RecordEntryView[];
  /** Entries other organisations wrote that are not shared without the person's consent. */
  notSharedCount: number;
}

const entriesKey = (personId: string) => [...personKey(personId), 'entries'];
const entriesPath = (personId: string) => `/people/${encodeURIComponent(personId)}/entries`;

export function useRecordEntries(personId: string) {
  return useQuery({
    queryKey: entriesKey(personId),
    queryFn: ({ signal }) => apiRequest<RecordEntries>(entriesPath(personId), { signal }),
  });
}

export function useWriteEntry(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (entry: RecordEntryInput) =>
      apiRequest<RecordEntryView>(entriesPath(personId), { method: 'POST', body: entry }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: entriesKey(personId) }),
  });
}
