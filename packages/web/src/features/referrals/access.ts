import { permits, ROLE_PERMISSIONS, type StaffRole } from '@kith/core';
import type { NavigationItem } from '../../components/Header';
import type { Staff } from '../auth/session';
import { useReferralNetworks } from './api';

/** Whether any of the user's roles may write to a person's summary, which making a referral is. */
export function mayRefer(staff: Staff | null | undefined): boolean {
  return Boolean(
    staff?.roles.some((grant) => {
      const permissions = ROLE_PERMISSIONS[grant.role as StaffRole];
      return permissions ? permits(permissions.resources, 'summary', 'write') : false;
    }),
  );
}

/**
 * The header's referral links: the network's inbox for its members (the API refuses everyone
 * else too), and the referrals the user made for those who may refer.
 */
export function useReferralNavigation(staff: Staff | null | undefined): NavigationItem[] {
  const networks = useReferralNetworks(Boolean(staff));
  const items: NavigationItem[] = [];
  if ((networks.data ?? []).length > 0) items.push({ to: '/referrals', text: 'Referrals' });
  if (mayRefer(staff)) items.push({ to: '/referrals-made', text: 'Referrals I made' });
  return items;
}
