import { HUDDLE_FREQUENCY_LABELS, WEEKDAY_LABELS, type HuddleSeriesView } from '@kith/core';
import { isApiError } from '../../api/client';
import { formErrors } from '../../api/form-errors';
import type { FormError } from '../../components/ErrorSummary';
import { formatDate } from '../../format';
import { useFetchSeries } from './api';
import { scopeText } from './labels';

export const STALE_SERIES =
  'Someone else changed this huddle after you opened it, so your change was not saved. The form now shows the huddle as it is: check their change, then make yours again if it is still needed.';

const names = (series: HuddleSeriesView) => series.standingMembers.map((member) => member.name).join(', ') || 'none';

const FACTS: ReadonlyArray<[string, (series: HuddleSeriesView) => string]> = [
  ['Name', (s) => s.name],
  ['Whose huddle', scopeText],
  ['Day', (s) => WEEKDAY_LABELS[s.weekday]],
  ['Start time', (s) => s.startTime],
  ['Length', (s) => `${s.durationMinutes} minutes`],
  ['Place', (s) => s.place],
  ['How often', (s) => HUDDLE_FREQUENCY_LABELS[s.frequency]],
  ['First meeting', (s) => formatDate(s.firstMeetingOn)],
  ['Chair', (s) => s.chair.name],
  ['Standing members', names],
];

/** What changed between the series as read and as it is now, one line each: "Place: Room 2 → Library". */
export function seriesChanges(read: HuddleSeriesView, now: HuddleSeriesView): string[] {
  return FACTS.flatMap(([label, fact]) => (fact(read) === fact(now) ? [] : [`${label}: ${fact(read)} → ${fact(now)}`]));
}

/**
 * What the change form shows when the API refused it. A 409 on the version reads the series
 * again (so the page shows it as it is now) and lists the other person's changes; anything else
 * names the fields at fault.
 */
export function useSeriesProblems(id: string) {
  const fetchSeries = useFetchSeries();
  return async (error: unknown, read: HuddleSeriesView, fields: Record<string, string>): Promise<FormError[]> => {
    if (!isApiError(error, 409)) return formErrors(error, fields);
    if (!(error.problem.errors ?? []).some((e) => e.field === 'version')) return [{ message: error.problem.detail ?? error.problem.title }];
    let fresh: HuddleSeriesView | undefined;
    try {
      fresh = await fetchSeries(id);
    } catch {
      fresh = undefined;
    }
    const changes = fresh ? seriesChanges(read, fresh) : [];
    return [{ message: STALE_SERIES }, ...changes.map((change) => ({ message: `Their change: ${change}` }))];
  };
}
