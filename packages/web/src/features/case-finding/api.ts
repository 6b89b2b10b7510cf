import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiRequest, apiUrl } from '../../api/client';

/** Whose list: one practice or one network. */
export interface CaseFindingView {
  practiceId?: string;
  networkId?: string;
}

export interface CaseFindingPerson {
  personId: string;
  name: string;
  nhsNumber: string;
  dateOfBirth: string;
  practiceName: string | null;
  score: number;
  reasons: string;
}

export interface CaseFindingList {
  rule: { id: string; name: string; version: number };
  asOf: string | null;
  people: CaseFindingPerson[];
  /** People on the list whose records the reader may not open: counted, not named. */
  notShown: number;
}

export interface Network {
  id: string;
  name: string;
  practices: { id: string; name: string }[];
}

const CASE_FINDING = ['case-finding'] as const;

export function useNetworks() {
  return useQuery({
    queryKey: [...CASE_FINDING, 'networks'],
    queryFn: ({ signal }) => apiRequest<Network[]>('/networks', { signal }),
    staleTime: 60_000,
  });
}

export function useCaseFindingList(view: CaseFindingView | undefined) {
  return useQuery({
    queryKey: [...CASE_FINDING, 'list', view],
    queryFn: ({ signal }) => apiRequest<CaseFindingList>('/case-finding', { query: { ...view }, signal }),
    enabled: view !== undefined,
  });
}

/** The CSV of the same list; the browser downloads it with the session cookie. */
export function exportUrl(view: CaseFindingView): string {
  return apiUrl('/case-finding/export', { ...view });
}

/** Recomputes the rule for everyone now, then reads the list again. */
export function useRecompute() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (ruleId: string) =>
      apiRequest<{ ruleId: string; version: number; found: number }>(`/case-finding/rules/${encodeURIComponent(ruleId)}/runs`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: [...CASE_FINDING, 'list'] }),
  });
}
