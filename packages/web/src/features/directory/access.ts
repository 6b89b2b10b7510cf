import type { NavigationItem } from '../../components/Header';
import type { Staff } from '../auth/session';

/** The header link: every member of staff may search the directory, which holds no person data. */
export function directoryNavigation(staff: Staff | null | undefined): NavigationItem[] {
  return staff ? [{ to: '/directory', text: 'Directory' }] : [];
}
