import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { apiRequest } from '../../api/client';
import type { DirectorySearchAnswer } from '../directory/types';
import { personKey } from '../people/record';
import { serviceSearchQuery, type MoveBody, type NewPrescriptionBody, type ServiceSearch, type SessionBody } from './forms';
import type { SocialPrescriptionView } from './types';

export const prescriptionsKey = (personId: string) => [...personKey(personId), 'social-prescriptions'];

const personPath = (personId: string, rest = '') => `/people/${encodeURIComponent(personId)}/social-prescriptions${rest}`;
const prescriptionPath = (personId: string, id: string, rest: string) => personPath(personId, `/${encodeURIComponent(id)}${rest}`);

/** GET the person's social prescriptions, newest first, each with its sessions and moves. */
export function useSocialPrescriptions(personId: string) {
  return useQuery({
    queryKey: prescriptionsKey(personId),
    queryFn: async ({ signal }) =>
      (await apiRequest<{ prescriptions: SocialPrescriptionView[] }>(personPath(personId), { signal })).prescriptions,
  });
}

/**
 * One prescription as it now is: it replaces the one in the list, or a new one goes at the top.
 * The rest of the record (the summary, the timeline) is read again, as it tells of it too.
 */
function keep(client: QueryClient, personId: string, view: SocialPrescriptionView) {
  client.setQueryData<SocialPrescriptionView[]>(prescriptionsKey(personId), (list) =>
    list?.some((p) => p.id === view.id) ? list.map((p) => (p.id === view.id ? view : p)) : [view, ...(list ?? [])],
  );
  void client.invalidateQueries({
    queryKey: personKey(personId),
    predicate: (query) => query.queryKey[personKey(personId).length] !== 'social-prescriptions',
  });
}

export function usePrescribe(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: NewPrescriptionBody) => apiRequest<SocialPrescriptionView>(personPath(personId), { method: 'POST', body }),
    onSuccess: (view) => keep(client, personId, view),
  });
}

/**
 * A move at the version read, or a session. Refused as out of date or not allowed (409), the
 * list is read again so the page shows the prescription as it now is; the form keeps what was typed.
 */
function usePrescriptionChange<T>(personId: string, id: string, path: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: T) => apiRequest<SocialPrescriptionView>(prescriptionPath(personId, id, path), { method: 'POST', body }),
    onSuccess: (view) => keep(client, personId, view),
    onError: () => void client.invalidateQueries({ queryKey: prescriptionsKey(personId) }),
  });
}

export const useMovePrescription = (personId: string, id: string) => usePrescriptionChange<MoveBody>(personId, id, '/moves');
export const useRecordSession = (personId: string, id: string) => usePrescriptionChange<SessionBody>(personId, id, '/attendance');

/**
 * Searches the directory for a service to choose, when the search form is sent, so its answer or
 * its problems come back to that form. Searching near the person's home reads where they live,
 * so the server checks and audits it like any other look at their record.
 */
export function useFindServices(personId: string) {
  return useMutation({
    mutationFn: (search: ServiceSearch) =>
      apiRequest<DirectorySearchAnswer>('/directory/services', { query: serviceSearchQuery(search, personId) }),
  });
}
