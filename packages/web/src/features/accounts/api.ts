import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { OrganisationType, StaffRole } from '@kith/core';
import { apiRequest } from '../../api/client';
import type { StaffRoleGrant } from '../auth/session';

/** A staff account as GET /staff lists it; only accounts with at least one role are listed. */
export interface StaffAccount {
  id: string;
  name: string;
  email: string;
  disabled: boolean;
  roles: StaffRoleGrant[];
}

export interface Organisation {
  id: string;
  name: string;
  type: OrganisationType;
  odsCode: string | null;
}

/** A role to give: which organisation, and what the person does there. */
export interface RoleChoice {
  organisationId: string;
  role: StaffRole;
}

export interface NewAccount {
  email: string;
  name: string;
  password: string;
  roles: RoleChoice[];
}

export interface AccountChange {
  name?: string;
  disabled?: boolean;
  roles?: RoleChoice[];
}

const ACCOUNTS_KEY = ['accounts'] as const;

export function useStaffAccounts() {
  return useQuery({
    queryKey: [...ACCOUNTS_KEY, 'list'],
    queryFn: ({ signal }) => apiRequest<StaffAccount[]>('/staff', { signal }),
  });
}

export function useStaffAccount(id: string) {
  return useQuery({
    queryKey: [...ACCOUNTS_KEY, 'account', id],
    queryFn: ({ signal }) => apiRequest<StaffAccount>(`/staff/${encodeURIComponent(id)}`, { signal }),
  });
}

export function useOrganisations() {
  return useQuery({
    queryKey: ['organisations'],
    queryFn: ({ signal }) => apiRequest<Organisation[]>('/organisations', { signal }),
    staleTime: 5 * 60_000,
  });
}

export function useCreateAccount() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (account: NewAccount) =>
      apiRequest<{ id: string }>('/admin/staff', { method: 'POST', body: account }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY }),
  });
}

export function useChangeAccount(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: AccountChange) =>
      apiRequest<void>(`/admin/staff/${encodeURIComponent(id)}`, { method: 'PATCH', body: change }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ACCOUNTS_KEY }),
  });
}

export function useSetPassword(id: string) {
  return useMutation({
    mutationFn: (password: string) =>
      apiRequest<void>(`/admin/staff/${encodeURIComponent(id)}/password`, { method: 'PUT', body: { password } }),
  });
}
