import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Criterion } from '@kith/core';
import { apiRequest } from '../../api/client';

/** A case-finding rule at its current version. */
export interface StoredRule {
  id: string;
  name: string;
  /** null: the rule is for the whole borough. */
  networkId: string | null;
  version: number;
  criteria: Criterion;
}

export interface RuleVersion {
  version: number;
  criteria: Criterion;
  description: string;
  createdAt: string;
  createdBy: string | null;
}

export interface NewRule {
  name: string;
  criteria: Criterion;
  networkId?: string | null;
}

export interface RuleChange extends NewRule {
  /** The version the change was made from; a stale one is refused with 409. */
  version: number;
}

const RULES_KEY = ['case-finding', 'rules'] as const;

export function useRules() {
  return useQuery({
    queryKey: [...RULES_KEY, 'list'],
    queryFn: async ({ signal }) => (await apiRequest<{ rules: StoredRule[] }>('/case-finding/rules', { signal })).rules,
  });
}

export function useRuleVersions(id: string) {
  return useQuery({
    queryKey: [...RULES_KEY, 'versions', id],
    queryFn: async ({ signal }) =>
      (await apiRequest<{ versions: RuleVersion[] }>(`/case-finding/rules/${encodeURIComponent(id)}/versions`, { signal })).versions,
  });
}

export function useCreateRule() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (rule: NewRule) => apiRequest<StoredRule>('/case-finding/rules', { method: 'POST', body: rule }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['case-finding'] }),
  });
}

export function useChangeRule(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: RuleChange) =>
      apiRequest<StoredRule>(`/case-finding/rules/${encodeURIComponent(id)}`, { method: 'PUT', body: change }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['case-finding'] }),
  });
}

/** Reads the rules and their history again, as after someone else's change. */
export function useReloadRules() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: RULES_KEY });
}
