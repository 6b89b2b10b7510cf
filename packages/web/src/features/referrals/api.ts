import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { ReferralCreate, ReferralDetail, ReferralMove, ReferralSource, ReferralView } from '@kith/core';
import { apiRequest } from '../../api/client';
import { personKey } from '../people/record';

export interface ReferralNetwork {
  id: string;
  name: string;
}

/** The inbox filters, as the URL holds them; '' is "any". */
export interface InboxFilter {
  networkId: string;
  state: string;
  source: ReferralSource | '';
  overdue: '' | 'true';
}

const REFERRALS = ['referrals'] as const;

/** The networks whose inbox the user sees: none for staff outside every network. */
export function useReferralNetworks(enabled = true) {
  return useQuery({
    queryKey: [...REFERRALS, 'networks'],
    queryFn: async ({ signal }) => (await apiRequest<{ networks: ReferralNetwork[] }>('/referrals/networks', { signal })).networks,
    enabled,
    staleTime: 60_000,
  });
}

export function useInbox(filter: InboxFilter) {
  return useQuery({
    queryKey: [...REFERRALS, 'inbox', filter],
    queryFn: async ({ signal }) =>
      (await apiRequest<{ referrals: ReferralView[] }>('/referrals', { query: { ...filter }, signal })).referrals,
    enabled: filter.networkId !== '',
  });
}

export function useSentReferrals() {
  return useQuery({
    queryKey: [...REFERRALS, 'sent'],
    queryFn: async ({ signal }) => (await apiRequest<{ referrals: ReferralView[] }>('/referrals/sent', { signal })).referrals,
  });
}

const referralKey = (id: string) => [...REFERRALS, 'one', id];

export function useReferral(id: string) {
  return useQuery({
    queryKey: referralKey(id),
    queryFn: ({ signal }) => apiRequest<ReferralDetail>(`/referrals/${encodeURIComponent(id)}`, { signal }),
  });
}

export function usePersonReferrals(personId: string) {
  return useQuery({
    queryKey: [...personKey(personId), 'referrals'],
    queryFn: async ({ signal }) =>
      (await apiRequest<{ referrals: ReferralView[] }>(`/people/${encodeURIComponent(personId)}/referrals`, { signal })).referrals,
  });
}

/** A referral opens the person's record to the network, so everything about them is read again. */
export function useRefer(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReferralCreate) => apiRequest<ReferralDetail>('/referrals', { method: 'POST', body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: personKey(personId) });
      void queryClient.invalidateQueries({ queryKey: REFERRALS });
    },
  });
}

/** Each change answers with the referral, which replaces the cached one; the lists are read again. */
function useReferralChange<T>(id: string, send: (input: T) => Promise<ReferralDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onError: () => {
      void queryClient.invalidateQueries({ queryKey: referralKey(id) });
    },
    onSuccess: (referral) => {
      queryClient.setQueryData(referralKey(id), referral);
      void queryClient.invalidateQueries({ queryKey: [...REFERRALS, 'inbox'] });
      void queryClient.invalidateQueries({ queryKey: [...REFERRALS, 'sent'] });
      void queryClient.invalidateQueries({ queryKey: personKey(referral.personId) });
    },
  });
}

export function useMoveReferral(id: string) {
  return useReferralChange(id, (move: ReferralMove) =>
    apiRequest<ReferralDetail>(`/referrals/${encodeURIComponent(id)}/moves`, { method: 'POST', body: move }),
  );
}

export function useFirstContact(id: string) {
  return useReferralChange(id, (input: { version: number; note?: string }) =>
    apiRequest<ReferralDetail>(`/referrals/${encodeURIComponent(id)}/first-contact`, { method: 'POST', body: input }),
  );
}
