import { useMutation, useQuery } from '@tanstack/react-query';
import { apiRequest } from '../../api/client';
import { type AuditSearch, rangeOf } from './audit-search';

export interface AuditEvent {
  sequence: number;
  at: string;
  actor: {
    kind: string;
    staffId?: string | null;
    apiClientId?: string | null;
    portalId?: string | null;
    role?: string | null;
    organisationId?: string | null;
  };
  subjectPersonId?: string | null;
  resourceType: string;
  resourceId?: string | null;
  action: string;
  purpose?: string | null;
  breakGlass?: boolean;
  outcome: string;
  reason?: string | null;
  /** Names for the ids above, as the log is read: null when there is no such id (or it is gone). */
  staffName: string | null;
  organisationName: string | null;
  person: { name: string; nhsNumber: string } | null;
}

export interface AuditPage {
  events: AuditEvent[];
  /** Pass as `before` for the next, older page; null when there is none. */
  nextBefore: number | null;
}

export interface RecordLook {
  day: string;
  sentence: string;
  who: string | null;
  role: string | null;
  organisation: string | null;
  looks: number;
  actions: string[];
  breakGlass: boolean;
  firstAt: string;
  lastAt: string;
}

export interface WhoLooked {
  person: { id: string; name: string; nhsNumber: string; dateOfBirth: string };
  looks: RecordLook[];
}

export const AUDIT_PAGE_SIZE = 50;

/** Runs only when the search is valid; looking at the log is itself recorded. */
export function useAuditEvents(search: AuditSearch, enabled: boolean) {
  return useQuery({
    queryKey: ['audit', 'events', search],
    queryFn: ({ signal }) =>
      apiRequest<AuditPage>('/audit-events', {
        query: {
          personId: search.personId,
          staffId: search.staffId,
          ...rangeOf(search),
          before: search.before,
          limit: AUDIT_PAGE_SIZE,
        },
        signal,
      }),
    enabled,
  });
}

const whoLookedPath = (personId: string) => `/people/${encodeURIComponent(personId)}/who-looked`;

export function useWhoLooked(personId: string) {
  return useQuery({
    queryKey: ['audit', 'who-looked', personId],
    queryFn: ({ signal }) => apiRequest<WhoLooked>(whoLookedPath(personId), { signal }),
  });
}

/** Records the print (for a subject access request) before the browser's print dialog opens. */
export function usePrintWhoLooked(personId: string) {
  return useMutation({
    mutationFn: () => apiRequest<WhoLooked>(`${whoLookedPath(personId)}/print`, { method: 'POST' }),
  });
}
