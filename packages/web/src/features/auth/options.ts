import { useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../api/client';

/** How this Kith lets staff sign in, beyond a Kith password. */
export interface SignInOptions {
  /** Null when no organisation sign-in (OpenID Connect) is set up. */
  singleSignOn: { label: string; startUrl: string } | null;
}

/**
 * Asked once per visit. Kept under the session's key so that forgetting records on the sign-in
 * page does not drop it; if the question fails, the page simply offers the password form.
 */
export function useSignInOptions() {
  return useQuery({
    queryKey: ['session', 'sign-in-options'],
    queryFn: ({ signal }) => apiRequest<SignInOptions>('/auth/options', { unauthorisedIsAnswer: true, signal }),
    staleTime: Infinity,
    retry: false,
  });
}
