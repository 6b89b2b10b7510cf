import type { StaffRole } from '@kith/core';
import type { NavigationItem } from '../../components/Header';
import type { Staff } from '../auth/session';

/** Those who look after the directory: they review changes others propose and chase listings nobody has checked. */
const DIRECTORY_KEEPERS: readonly StaffRole[] = ['network_lead', 'commissioner', 'admin'];

export function looksAfterDirectory(staff: Staff | null | undefined): boolean {
  return Boolean(staff?.roles.some((grant) => DIRECTORY_KEEPERS.includes(grant.role)));
}

/** The pages that look after the directory; the API refuses everyone else too (403). */
export const DIRECTORY_REVIEWS_PATH = '/directory/reviews';
export const STALE_LISTINGS_PATH = '/directory/stale';

/**
 * The header links: every member of staff may search the directory, which holds no person data;
 * those who look after it also reach the changes waiting for their review.
 */
export function directoryNavigation(staff: Staff | null | undefined): NavigationItem[] {
  if (!staff) return [];
  const search: NavigationItem = { to: '/directory', text: 'Directory' };
  return looksAfterDirectory(staff) ? [search, { to: DIRECTORY_REVIEWS_PATH, text: 'Directory changes' }] : [search];
}
