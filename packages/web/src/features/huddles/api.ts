import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  AgendaItemView,
  HuddleAgendaView,
  HuddleCalendarMeeting,
  HuddleSeriesChange,
  HuddleSeriesInput,
  HuddleSeriesView,
  ManualAgendaItem,
  MeetingStatusView,
  PersonHuddleNotes,
} from '@kith/core';
import { apiRequest, apiUrl } from '../../api/client';
import { personKey } from '../people/record';

/** A GP practice as GET /practices lists it: enough to offer it as a huddle's scope. */
export interface PracticeChoice {
  id: string;
  name: string;
  networkId: string;
  networkName: string;
}

const HUDDLES = ['huddles'] as const;
const seriesKey = (id: string) => [...HUDDLES, 'series', 'one', id];
const seriesListKey = [...HUDDLES, 'series', 'list'];
const calendarKey = [...HUDDLES, 'calendar'];
const agendaKey = (seriesId: string, date: string) => [...HUDDLES, 'agenda', seriesId, date];

const seriesPath = (id: string, rest = '') => `/huddles/series/${encodeURIComponent(id)}${rest}`;
const agendaPath = (seriesId: string, date: string, rest = '') => seriesPath(seriesId, `/meetings/${encodeURIComponent(date)}/agenda${rest}`);

/** The addresses of the calendar files, for plain download links. */
export const MY_CALENDAR_ICS = apiUrl('/huddles/calendar.ics');
export const seriesIcsUrl = (id: string) => apiUrl(seriesPath(id, '/calendar.ics'));

/** Every huddle of the networks I belong to. */
export function useSeriesList() {
  return useQuery({
    queryKey: seriesListKey,
    queryFn: async ({ signal }) => (await apiRequest<{ series: HuddleSeriesView[] }>('/huddles/series', { signal })).series,
  });
}

export function useSeries(id: string) {
  return useQuery({
    queryKey: seriesKey(id),
    queryFn: ({ signal }) => apiRequest<HuddleSeriesView>(seriesPath(id), { signal }),
  });
}

/** Reads the series again now, for the form that has just been told it changed under it (409). */
export function useFetchSeries() {
  const queryClient = useQueryClient();
  return (id: string) => queryClient.fetchQuery({ queryKey: seriesKey(id), queryFn: ({ signal }) => apiRequest<HuddleSeriesView>(seriesPath(id), { signal }), staleTime: 0 });
}

/** My next meetings across every huddle I chair or sit on. */
export function useMyCalendar(count = 8) {
  return useQuery({
    queryKey: [...calendarKey, 'mine', count],
    queryFn: async ({ signal }) => (await apiRequest<{ meetings: HuddleCalendarMeeting[] }>('/huddles/calendar', { query: { count }, signal })).meetings,
  });
}

/** The series' meetings from `from` (today when empty), at most `count`. */
export function useSeriesCalendar(id: string, from: string, count: number) {
  return useQuery({
    queryKey: [...calendarKey, 'series', id, from, count],
    queryFn: async ({ signal }) => (await apiRequest<{ meetings: HuddleCalendarMeeting[] }>(seriesPath(id, '/calendar'), { query: { from, count }, signal })).meetings,
  });
}

export function useCreateSeries() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: HuddleSeriesInput) => apiRequest<HuddleSeriesView>('/huddles/series', { method: 'POST', body: input }),
    onSuccess: (series) => {
      queryClient.setQueryData(seriesKey(series.id), series);
      void queryClient.invalidateQueries({ queryKey: [...HUDDLES, 'series', 'list'] });
      void queryClient.invalidateQueries({ queryKey: calendarKey });
    },
  });
}

export function useChangeSeries(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: HuddleSeriesChange) => apiRequest<HuddleSeriesView>(seriesPath(id), { method: 'PUT', body: change }),
    onSuccess: (series) => {
      queryClient.setQueryData(seriesKey(id), series);
      void queryClient.invalidateQueries({ queryKey: [...HUDDLES, 'series', 'list'] });
      void queryClient.invalidateQueries({ queryKey: calendarKey });
    },
  });
}

/**
 * Cancels one of the series' days: the meeting is stored first if it is not yet (so it has an
 * id), then cancelled by the meetings module, which takes the chair's reason.
 */
export function useCancelMeetingOn(seriesId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ date, reason }: { date: string; reason: string }) => {
      const stored = await apiRequest<HuddleCalendarMeeting>(seriesPath(seriesId, `/meetings/${encodeURIComponent(date)}`), { method: 'POST' });
      if (!stored.meetingId) throw new Error('The meeting was not stored');
      return apiRequest<MeetingStatusView>(`/huddles/meetings/${encodeURIComponent(stored.meetingId)}/cancel`, { method: 'POST', body: { reason } });
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: calendarKey }),
  });
}

/** The meeting's agenda; a 404 means none has been built yet. */
export function useAgenda(seriesId: string, date: string) {
  return useQuery({
    queryKey: agendaKey(seriesId, date),
    queryFn: ({ signal }) => apiRequest<HuddleAgendaView>(agendaPath(seriesId, date), { signal }),
  });
}

/** Each change answers with the agenda as now shown, which replaces the cached one; calendars show when it was built. */
function useAgendaChange<T>(seriesId: string, date: string, send: (input: T) => Promise<HuddleAgendaView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (agenda) => {
      queryClient.setQueryData(agendaKey(seriesId, date), agenda);
      void queryClient.invalidateQueries({ queryKey: calendarKey });
    },
  });
}

export function useBuildAgenda(seriesId: string, date: string) {
  return useAgendaChange(seriesId, date, () => apiRequest<HuddleAgendaView>(agendaPath(seriesId, date), { method: 'POST' }));
}

export function useReorderAgenda(seriesId: string, date: string) {
  return useAgendaChange(seriesId, date, (personIds: string[]) => apiRequest<HuddleAgendaView>(agendaPath(seriesId, date, '/order'), { method: 'PUT', body: { personIds } }));
}

export function useSetItemMinutes(seriesId: string, date: string) {
  return useAgendaChange(seriesId, date, ({ personId, minutes }: { personId: string; minutes: number | null }) =>
    apiRequest<HuddleAgendaView>(agendaPath(seriesId, date, `/items/${encodeURIComponent(personId)}/minutes`), { method: 'PUT', body: { minutes } }),
  );
}

/** A person added by hand answers with their item; the agenda is read again, for its order and counts. */
export function useAddManualItem(seriesId: string, date: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (item: ManualAgendaItem) => apiRequest<AgendaItemView>(agendaPath(seriesId, date, '/items'), { method: 'POST', body: item }),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: agendaKey(seriesId, date) });
      void queryClient.invalidateQueries({ queryKey: calendarKey });
    },
  });
}

/** Starts the meeting, at the version read, so the room can open it. */
export function useStartMeeting() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ meetingId, version }: { meetingId: string; version: number }) =>
      apiRequest<MeetingStatusView>(`/huddles/meetings/${encodeURIComponent(meetingId)}/start`, { method: 'POST', body: { version } }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: HUDDLES }),
  });
}

/** The practices, for the scopes a user may set a huddle up for (the practices where they hold a role). */
export function usePractices() {
  return useQuery({
    queryKey: ['practices'],
    queryFn: ({ signal }) => apiRequest<PracticeChoice[]>('/practices', { signal }),
    staleTime: 300_000,
  });
}

export function usePersonHuddleNotes(personId: string) {
  return useQuery({
    queryKey: [...personKey(personId), 'huddle-notes'],
    queryFn: ({ signal }) => apiRequest<PersonHuddleNotes>(`/people/${encodeURIComponent(personId)}/huddle-notes`, { signal }),
  });
}
