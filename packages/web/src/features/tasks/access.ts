import { permits, ROLE_PERMISSIONS, TASK_TEAM_ROLES, type StaffRole } from '@kith/core';
import type { NavigationItem } from '../../components/Header';
import type { Staff } from '../auth/session';

/** The network's care roles: the ones a task can be given to, and who work from a task list. */
export function hasTaskList(staff: Staff | null | undefined): boolean {
  return Boolean(staff?.roles.some((grant) => (TASK_TEAM_ROLES as readonly string[]).includes(grant.role)));
}

/** The header link, for the care roles; the API answers anyone else with empty lists. */
export function taskNavigation(staff: Staff | null | undefined): NavigationItem[] {
  return hasTaskList(staff) ? [{ to: '/tasks', text: 'Tasks' }] : [];
}

/** Making a task for someone is writing to their summary, as the API decides it. */
export function mayAddTask(staff: Staff | null | undefined): boolean {
  return Boolean(
    staff?.roles.some((grant) => {
      const permissions = ROLE_PERMISSIONS[grant.role as StaffRole];
      return permissions ? permits(permissions.resources, 'summary', 'write') : false;
    }),
  );
}
