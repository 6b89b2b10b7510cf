import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { CaseloadRow, ContactRecordInput, EpisodeChangeRequest, EpisodeCreateInput } from '@kith/core';
import { apiRequest } from '../../api/client';
import { personKey } from '../people/record';
import type { ContactList, ContactView, EpisodeView } from './types';

export const episodesKey = (personId: string) => [...personKey(personId), 'episodes'];
const contactsKey = (personId: string) => [...personKey(personId), 'contacts'];
const CASELOAD = ['caseload'] as const;

const personPath = (personId: string, rest: string) => `/people/${encodeURIComponent(personId)}${rest}`;
const episodePath = (personId: string, episodeId: string, rest: string) =>
  personPath(personId, `/episodes/${encodeURIComponent(episodeId)}${rest}`);

/** GET /people/:id/episodes: newest first, each with its week, clocks, wellbeing and history. */
export function useEpisodes(personId: string) {
  return useQuery({
    queryKey: episodesKey(personId),
    queryFn: async ({ signal }) => (await apiRequest<{ episodes: EpisodeView[] }>(personPath(personId, '/episodes'), { signal })).episodes,
  });
}

export function useContacts(personId: string) {
  return useQuery({
    queryKey: contactsKey(personId),
    queryFn: ({ signal }) => apiRequest<ContactList>(personPath(personId, '/contacts'), { signal }),
  });
}

/** The signed-in member of staff's caseload, most in need first (the server's order). */
export function useCaseload() {
  return useQuery({
    queryKey: CASELOAD,
    queryFn: ({ signal }) => apiRequest<{ today: string; rows: CaseloadRow[] }>('/caseload', { signal }),
  });
}

/** An episode as it now is replaces the one in the list; the caseload is read again. */
function keepEpisode(client: QueryClient, personId: string, episode: EpisodeView) {
  client.setQueryData<EpisodeView[]>(episodesKey(personId), (episodes) =>
    episodes?.some((e) => e.id === episode.id) ? episodes.map((e) => (e.id === episode.id ? episode : e)) : [episode, ...(episodes ?? [])],
  );
  void client.invalidateQueries({ queryKey: CASELOAD });
}

export function useOpenEpisode(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: EpisodeCreateInput) => apiRequest<EpisodeView>(personPath(personId, '/episodes'), { method: 'POST', body: input }),
    onSuccess: (episode) => keepEpisode(client, personId, episode),
  });
}

/** Start, pause, resume, end, change length or write the exit plan, at the version read. */
export function useChangeEpisode(personId: string, episodeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: EpisodeChangeRequest) =>
      apiRequest<EpisodeView>(episodePath(personId, episodeId, '/changes'), { method: 'POST', body: change }),
    onSuccess: (episode) => keepEpisode(client, personId, episode),
  });
}

export function useBookNextVisit(personId: string, episodeId: string) {
  const client = useQueryClient();
  return useMutation({
    // `replaces` is the booking the form was read with: a booking made since is a 409, never overwritten.
    mutationFn: (booking: { at: string | null; replaces: string | null }) =>
      apiRequest<EpisodeView>(episodePath(personId, episodeId, '/next-visit'), { method: 'PUT', body: booking }),
    onSuccess: (episode) => keepEpisode(client, personId, episode),
  });
}

/** Reads the episodes again now, for a form just told the episode changed under it (409). */
export function useReloadEpisodes(personId: string) {
  const client = useQueryClient();
  return () => client.invalidateQueries({ queryKey: episodesKey(personId) });
}

/**
 * A home visit may stop the first-visit clock and stands for the booked visit, which the server
 * then clears, so the episodes are read again with the contacts.
 */
export function useRecordContact(personId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ContactRecordInput) => apiRequest<ContactView>(personPath(personId, '/contacts'), { method: 'POST', body: input }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: contactsKey(personId) });
      void client.invalidateQueries({ queryKey: episodesKey(personId) });
      void client.invalidateQueries({ queryKey: CASELOAD });
    },
  });
}
