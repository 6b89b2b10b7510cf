import { useQuery } from '@tanstack/react-query';
import type { CareTeamMember } from '@kith/core';
import { apiRequest, apiUrl } from '../../api/client';
import { personKey } from '../people/record';

export interface Condition {
  codeSystem: string;
  code: string;
  display: string | null;
  onsetDate: string | null;
}

export interface HospitalVisit {
  class: string;
  emergency: boolean;
  startDate: string;
  endDate: string | null;
}

/** GET /people/:id/summary: long-term conditions, the last 12 months in hospital, and the care team. */
export interface PersonSummary {
  personId: string;
  conditions: Condition[];
  hospitalActivity: HospitalVisit[];
  careTeam: CareTeamMember[];
}

export function useSummary(personId: string) {
  return useQuery({
    queryKey: [...personKey(personId), 'summary'],
    queryFn: ({ signal }) => apiRequest<PersonSummary>(`/people/${encodeURIComponent(personId)}/summary`, { signal }),
  });
}

/** The download address; the browser fetches it with the session cookie, and it is audited as an export. */
export function summaryExportUrl(personId: string): string {
  return apiUrl(`/people/${encodeURIComponent(personId)}/summary/export`);
}
