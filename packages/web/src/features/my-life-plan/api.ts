import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { GoalProgressInput, MyLifePlanDraftInput, PlanAgreementInput } from '@kith/core';
import { apiRequest, apiUrl } from '../../api/client';
import { personKey } from '../people/record';
import type { GoalProgressView, PlanAgreementView, PlanDiff, PlanHistory, PlanView } from './types';

/** The plan's pages in the web app: the plan, `/edit` and `/versions`. */
export const planPath = (personId: string, below = '') => `/people/${encodeURIComponent(personId)}/plan${below}`;

const planKey = (personId: string) => [...personKey(personId), 'plan'];
const apiPath = (personId: string) => `/people/${encodeURIComponent(personId)}/plan`;

/** GET /people/:id/plan: the one plan every organisation with access reads. */
export function usePlan(personId: string) {
  return useQuery({
    queryKey: planKey(personId),
    queryFn: ({ signal }) => apiRequest<PlanView>(apiPath(personId), { signal }),
  });
}

export function usePlanHistory(personId: string) {
  return useQuery({
    queryKey: [...planKey(personId), 'versions'],
    queryFn: ({ signal }) => apiRequest<PlanHistory>(`${apiPath(personId)}/versions`, { signal }),
  });
}

/** What changed from one version to a later one; a bad choice is answered at once, not retried. */
export function usePlanDiff(personId: string, compare: { from: number; to: number }) {
  return useQuery({
    queryKey: [...planKey(personId), 'diff', compare.from, compare.to],
    queryFn: ({ signal }) => apiRequest<PlanDiff>(`${apiPath(personId)}/diff`, { query: compare, signal }),
    retry: false,
  });
}

/** Everything shown beside the plan changes with a save, an agreement or progress: read it all again. */
function useRefreshPlan(personId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: planKey(personId) });
}

/** Saves the whole plan as the next version, based on the version the editor opened. */
export function useSavePlan(personId: string) {
  const client = useQueryClient();
  const refresh = useRefreshPlan(personId);
  return useMutation({
    mutationFn: (draft: MyLifePlanDraftInput) => apiRequest<PlanView>(apiPath(personId), { method: 'PUT', body: draft }),
    onSuccess: (view) => {
      client.setQueryData(planKey(personId), view);
      void refresh();
    },
  });
}

/** Reads the latest plan again, for an editor who chooses to start over from it. */
export function useReloadPlan(personId: string) {
  const client = useQueryClient();
  return () => client.fetchQuery({ queryKey: planKey(personId), queryFn: () => apiRequest<PlanView>(apiPath(personId)), staleTime: 0 });
}

export function useRecordAgreement(personId: string) {
  const refresh = useRefreshPlan(personId);
  return useMutation({
    mutationFn: (input: PlanAgreementInput) =>
      apiRequest<PlanAgreementView>(`${apiPath(personId)}/agreements`, { method: 'POST', body: input }),
    onSuccess: () => void refresh(),
  });
}

export function useRecordProgress(personId: string, goalId: string) {
  const refresh = useRefreshPlan(personId);
  return useMutation({
    mutationFn: (input: Omit<GoalProgressInput, 'goalId'>) =>
      apiRequest<GoalProgressView>(`${apiPath(personId)}/goals/${encodeURIComponent(goalId)}/progress`, { method: 'POST', body: input }),
    onSuccess: () => void refresh(),
  });
}

/** The large-print PDF, for a plain download link (the server records the print). */
export function planPrintUrl(personId: string): string {
  return apiUrl(`${apiPath(personId)}/print`);
}

/** The plan as JSON for another system (the server records the export). */
export function planExportUrl(personId: string): string {
  return apiUrl(`${apiPath(personId)}/export`);
}
