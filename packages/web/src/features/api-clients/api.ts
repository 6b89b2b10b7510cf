import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ApiScope } from '@kith/core';
import { apiRequest } from '../../api/client';

/** An API client as the administrators' API shows it: never its secret. */
export interface ApiClient {
  id: string;
  name: string;
  organisationId: string;
  organisationName: string;
  scopes: ApiScope[];
  disabled: boolean;
  createdAt: string;
  secretRotatedAt: string | null;
  /** Until when the secret before the last rotation still works; null when it no longer does. */
  previousSecretExpiresAt: string | null;
}

export interface NewApiClient {
  name: string;
  organisationId: string;
  scopes: ApiScope[];
}

export interface ApiClientChange {
  name?: string;
  scopes?: ApiScope[];
  disabled?: boolean;
}

/** The answer to creating a client: the secret is in it this once, and never again. */
export interface CreatedApiClient {
  client: ApiClient;
  clientSecret: string;
}

export interface RotatedSecret {
  clientSecret: string;
  previousSecretExpiresAt: string | null;
}

const API_CLIENTS_KEY = ['api-clients'] as const;

export function useApiClients() {
  return useQuery({
    queryKey: [...API_CLIENTS_KEY, 'list'],
    queryFn: ({ signal }) => apiRequest<ApiClient[]>('/admin/api-clients', { signal }),
  });
}

export function useApiClient(id: string) {
  return useQuery({
    queryKey: [...API_CLIENTS_KEY, 'client', id],
    queryFn: ({ signal }) => apiRequest<ApiClient>(`/admin/api-clients/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useCreateApiClient() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (client: NewApiClient) =>
      apiRequest<CreatedApiClient>('/admin/api-clients', { method: 'POST', body: client }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: API_CLIENTS_KEY }),
  });
}

export function useChangeApiClient(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: ApiClientChange) =>
      apiRequest<void>(`/admin/api-clients/${encodeURIComponent(id)}`, { method: 'PATCH', body: change }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: API_CLIENTS_KEY }),
  });
}

export function useRotateSecret(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () =>
      apiRequest<RotatedSecret>(`/admin/api-clients/${encodeURIComponent(id)}/rotate-secret`, { method: 'POST' }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: API_CLIENTS_KEY }),
  });
}
