import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CareTeamMember } from '@kith/core';
import { apiRequest } from '../../api/client';
import type { StaffAccount } from '../accounts/api';
import { personKey } from '../people/record';

export interface CareTeam {
  members: CareTeamMember[];
}

export interface NewMember {
  staffId: string;
  organisationId?: string;
  responsibility?: string;
  isNamedCoordinator: boolean;
}

/** The most people a staff search lists; a longer list is better narrowed by more of the name. */
export const STAFF_SEARCH_LIMIT = 20;

export interface StaffSearch {
  /** Staff whose name holds the words searched for, at most STAFF_SEARCH_LIMIT of them. */
  staff: StaffAccount[];
  /** Whether more people match than are listed. */
  more: boolean;
}

/**
 * Staff whose name holds `name` (any case), asked of the server only once a name is given. One
 * more than the limit is asked for, so the page can say when there are more.
 */
export function useStaffSearch(name: string) {
  return useQuery({
    queryKey: ['care-team', 'staff-search', name],
    queryFn: async ({ signal }): Promise<StaffSearch> => {
      const staff = await apiRequest<StaffAccount[]>('/staff', { query: { name, limit: STAFF_SEARCH_LIMIT + 1 }, signal });
      return { staff: staff.slice(0, STAFF_SEARCH_LIMIT), more: staff.length > STAFF_SEARCH_LIMIT };
    },
    enabled: name !== '',
    staleTime: 60_000,
  });
}

const teamKey = (personId: string) => [...personKey(personId), 'care-team'];
const teamPath = (personId: string) => `/people/${encodeURIComponent(personId)}/care-team`;

export function useCareTeam(personId: string) {
  return useQuery({
    queryKey: teamKey(personId),
    queryFn: ({ signal }) => apiRequest<CareTeam>(teamPath(personId), { signal }),
  });
}

/**
 * Every change answers with the whole team, which replaces the cached one; the rest of the
 * person's record (the summary lists the team, the header names the coordinator) is read again.
 */
function useTeamChange<T>(personId: string, send: (input: T) => Promise<CareTeam>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (team) => {
      queryClient.setQueryData(teamKey(personId), team);
      void queryClient.invalidateQueries({ queryKey: [...personKey(personId), 'summary'] });
      // The record itself names the coordinator in its header.
      void queryClient.invalidateQueries({ queryKey: personKey(personId), exact: true });
    },
  });
}

export function useAddMember(personId: string) {
  return useTeamChange(personId, (member: NewMember) =>
    apiRequest<CareTeam>(teamPath(personId), { method: 'POST', body: member }),
  );
}

export function useMakeCoordinator(personId: string) {
  return useTeamChange(personId, (staffId: string) =>
    apiRequest<CareTeam>(`${teamPath(personId)}/named-coordinator`, { method: 'PUT', body: { staffId } }),
  );
}

export function useRemoveMember(personId: string) {
  return useTeamChange(personId, (staffId: string) =>
    apiRequest<CareTeam>(`${teamPath(personId)}/${encodeURIComponent(staffId)}`, { method: 'DELETE' }),
  );
}
