import type { TaskDetail } from '@kith/core';
import { isApiError } from '../../api/client';
import { formErrors } from '../../api/form-errors';
import type { FormError } from '../../components/ErrorSummary';
import { formatDateTime } from '../../format';
import { useFetchTask } from './api';
import { eventText } from './labels';

const STALE =
  'Someone else changed this task after you opened it, so your change was not saved. The page now shows the task as it is: check their change, then make yours again if it is still needed.';

/** The changes made since `version`, one line each: "Sam Jones, 3 June 2026 at 14:05: Changed: Priority normal → high". */
export function changesSince(task: TaskDetail, version: number): string[] {
  return task.events
    .filter((event) => event.version > version && event.kind !== 'commented')
    .map((event) => `${event.staffName}, ${formatDateTime(event.at)}: ${eventText(event)}${event.text ? `: ${event.text}` : ''}`);
}

/**
 * What a task form shows when the API refused it. A 409 (the task moved on since it was read)
 * reads the task again, so the page and its forms show it as it is now, and lists the other
 * person's changes; anything else names the fields at fault.
 */
export function useTaskProblems(id: string) {
  const fetchTask = useFetchTask();
  return async (error: unknown, versionRead: number, fields: Record<string, string>): Promise<FormError[]> => {
    if (!isApiError(error, 409)) return formErrors(error, fields);
    const stale = (error.problem.errors ?? []).some((e) => e.field === 'version');
    let fresh: TaskDetail | undefined;
    try {
      fresh = await fetchTask(id);
    } catch {
      fresh = undefined;
    }
    if (!stale) return [{ message: error.problem.detail ?? error.problem.title }];
    const changes = fresh ? changesSince(fresh, versionRead) : [];
    return [{ message: STALE }, ...changes.map((change) => ({ message: `Their change: ${change}` }))];
  };
}
