import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ConsentOverview, ConsentRecordInput } from '@kith/core';
import { apiRequest } from '../../api/client';
import { personKey } from '../people/record';

const consentPath = (personId: string) => `/people/${encodeURIComponent(personId)}/consent`;

export function useConsent(personId: string) {
  return useQuery({
    queryKey: [...personKey(personId), 'consent'],
    queryFn: ({ signal }) => apiRequest<ConsentOverview>(consentPath(personId), { signal }),
  });
}

/** Consent decides what other organisations see, so everything about the person is read again. */
export function useRecordConsent(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ConsentRecordInput) =>
      apiRequest<ConsentOverview>(consentPath(personId), { method: 'POST', body: input }),
    onSuccess: (overview) => {
      queryClient.setQueryData([...personKey(personId), 'consent'], overview);
      void queryClient.invalidateQueries({ queryKey: personKey(personId) });
    },
  });
}
