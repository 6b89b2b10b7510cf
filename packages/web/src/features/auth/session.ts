import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { StaffRole } from '@kith/core';
import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { apiRequest, isApiError, onSessionEnded } from '../../api/client';

/** What the sign-in page is told: where to return to, and whether the user just signed out. */
export interface SignInState {
  from?: { pathname: string; search?: string; hash?: string };
  signedOut?: boolean;
}

/** A role the member of staff holds within one organisation. */
export interface StaffRoleGrant {
  organisationId: string;
  organisationName: string;
  role: StaffRole;
}

export interface Staff {
  id: string;
  name: string;
  email: string;
  roles: StaffRoleGrant[];
}

export interface SignInDetails {
  email: string;
  password: string;
}

/** Who is signed in in this browser: staff is null when no one is. */
export interface Session {
  staff: Staff | null;
  /** The user signed out here (rather than the session expiring), so sign-in can confirm it. */
  signedOut?: boolean;
}

const SESSION_KEY = ['session'] as const;

/** A 401 from /auth/me is an answer (no one is signed in), not a failure. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_KEY,
    queryFn: async ({ signal }): Promise<Session> => {
      try {
        const { staff } = await apiRequest<{ staff: Staff }>('/auth/me', { unauthorisedIsAnswer: true, signal });
        return { staff };
      } catch (error) {
        if (isApiError(error, 401)) return { staff: null };
        throw error;
      }
    },
    staleTime: Infinity,
  });
}

export function useSignIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (details: SignInDetails) =>
      apiRequest<{ staff: Staff }>('/auth/sign-in', { method: 'POST', body: details, unauthorisedIsAnswer: true }),
    onSuccess: ({ staff }) => {
      // Nothing read under an earlier session may show through to whoever signs in now.
      queryClient.clear();
      queryClient.setQueryData<Session>(SESSION_KEY, { staff });
    },
  });
}

export function useSignOut() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  return useMutation({
    mutationFn: () => apiRequest<void>('/auth/sign-out', { method: 'POST', unauthorisedIsAnswer: true }),
    // Signed out as far as this browser goes even if the request failed: the cookie may be gone.
    // RequireSession may redirect first; it reads signedOut too, so the sign-in page says the same.
    onSettled: () => {
      forgetRecords(queryClient);
      queryClient.setQueryData<Session>(SESSION_KEY, { staff: null, signedOut: true });
      const state: SignInState = { signedOut: true };
      navigate('/sign-in', { replace: true, state });
    },
  });
}

/**
 * Any 401 means the session has ended: marking it signed out makes RequireSession send the
 * user to sign in, remembering the page they were on.
 */
export function useSessionEndedRedirect(): void {
  const queryClient = useQueryClient();
  useEffect(
    () => onSessionEnded(() => queryClient.setQueryData<Session>(SESSION_KEY, { staff: null })),
    [queryClient],
  );
}

/** Drops every cached record about people, keeping only the (signed-out) session. */
export function forgetRecords(queryClient: QueryClient): void {
  queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}
