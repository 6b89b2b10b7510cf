import { useMutation, useQueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/client';
import { personKey } from '../people/record';

export interface BreakGlassGranted {
  id: string;
  reason: string;
  grantedAt: string;
  expiresAt: string;
}

/**
 * Emergency access to one person's record; once granted, everything about them is read again.
 * The reading is not awaited, so the caller hears of the grant before the form it sent goes.
 */
export function useBreakGlass(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) =>
      apiRequest<BreakGlassGranted>(`/people/${encodeURIComponent(personId)}/break-glass`, {
        method: 'POST',
        body: { reason },
      }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: personKey(personId) });
    },
  });
}
