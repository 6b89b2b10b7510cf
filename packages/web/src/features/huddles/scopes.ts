import type { RadioOption } from '../../components/Radios';
import type { Staff } from '../auth/session';
import { useReferralNetworks } from '../referrals/api';
import { usePractices } from './api';
import { scopeValue } from './series-form';

/**
 * Whose huddle a user may set up: a practice where they hold a role, or a network they belong
 * to (a place on one of its teams, or a role at one of its practices).
 */
export function useScopeOptions(me: Staff | undefined) {
  const networks = useReferralNetworks(Boolean(me));
  const practices = usePractices();
  const mine = new Set((me?.roles ?? []).map((grant) => grant.organisationId));
  const options: RadioOption[] = [
    ...(practices.data ?? [])
      .filter((practice) => mine.has(practice.id))
      .map((practice) => ({ value: scopeValue({ kind: 'practice', practiceId: practice.id }), text: practice.name, hint: `A practice huddle, in ${practice.networkName}` })),
    ...(networks.data ?? []).map((network) => ({ value: scopeValue({ kind: 'network', networkId: network.id }), text: network.name, hint: 'A network huddle, for all its practices' })),
  ];
  return { options, isPending: networks.isPending || practices.isPending, error: networks.error ?? practices.error };
}
