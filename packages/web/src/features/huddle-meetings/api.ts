import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type {
  Attendance,
  MeetingActionInput,
  MeetingAddendumInput,
  MeetingNoteInput,
  MeetingNoteView,
  MeetingReviewInput,
  MeetingReviewView,
  MeetingStatusView,
  MeetingView,
  Minutes,
  TaskView,
} from '@kith/core';
import { apiRequest } from '../../api/client';

const MEETINGS = ['huddle-meetings'] as const;
const meetingKey = (id: string) => [...MEETINGS, 'one', id];
const path = (id: string, rest = '') => `/huddles/meetings/${encodeURIComponent(id)}${rest}`;

export function useMeeting(id: string) {
  return useQuery({
    queryKey: meetingKey(id),
    queryFn: ({ signal }) => apiRequest<MeetingView>(path(id), { signal }),
  });
}

export function useMinutes(id: string) {
  return useQuery({
    queryKey: [...MEETINGS, 'minutes', id],
    queryFn: ({ signal }) => apiRequest<Minutes>(path(id, '/minutes'), { signal }),
  });
}

/** The address of the minutes as a PDF, for a plain download link. */
export function minutesPdfUrl(id: string): string {
  return `/api/v1${path(id, '/minutes.pdf')}`;
}

/**
 * Every change on the meeting reads the whole view again: a note, an action or a review shows
 * in the item, the agenda list and the summaries (an action is also one of the person's tasks).
 */
function useMeetingChange<T, R>(id: string, send: (input: T) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSettled: async () => {
      await queryClient.invalidateQueries({ queryKey: meetingKey(id) });
      void queryClient.invalidateQueries({ queryKey: ['tasks'] });
    },
  });
}

export function useMeetingStep(id: string) {
  return useMeetingChange(id, (step: { to: 'start' | 'close'; version: number }) =>
    apiRequest<MeetingStatusView>(path(id, `/${step.to}`), { method: 'POST', body: { version: step.version } }),
  );
}

export function useCancelMeeting(id: string) {
  return useMeetingChange(id, (input: { reason: string; version: number }) => apiRequest<MeetingStatusView>(path(id, '/cancel'), { method: 'POST', body: input }));
}

export function useAddNote(id: string) {
  return useMeetingChange(id, ({ itemId, ...note }: MeetingNoteInput & { itemId: string }) =>
    apiRequest<MeetingNoteView>(path(id, `/items/${encodeURIComponent(itemId)}/notes`), { method: 'POST', body: note }),
  );
}

export function useAddAction(id: string) {
  return useMeetingChange(id, ({ itemId, action }: { itemId: string; action: MeetingActionInput }) =>
    apiRequest<TaskView>(path(id, `/items/${encodeURIComponent(itemId)}/actions`), { method: 'POST', body: action }),
  );
}

export function useReviewItem(id: string) {
  return useMeetingChange(id, ({ itemId, review }: { itemId: string; review: MeetingReviewInput }) =>
    apiRequest<MeetingReviewView>(path(id, `/items/${encodeURIComponent(itemId)}/review`), { method: 'PUT', body: review }),
  );
}

export function useRecordAttendance(id: string) {
  return useMeetingChange(id, (attendance: Attendance) => apiRequest<MeetingStatusView>(path(id, '/attendance'), { method: 'PUT', body: attendance }));
}

export function useAddAddendum(id: string) {
  return useMeetingChange(id, (addendum: MeetingAddendumInput) => apiRequest<MeetingNoteView>(path(id, '/addenda'), { method: 'POST', body: addendum }));
}
