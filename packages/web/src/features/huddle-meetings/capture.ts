import type { MeetingItemView } from '@kith/core';
import type { FormError } from '../../components/ErrorSummary';

/**
 * What each live capture form on the meeting page gets. `done` says what was recorded in a
 * polite status message beside the forms, leaving focus where it is so the room can go on
 * typing; problems go to the page's error summary, which takes focus as everywhere else.
 */
export interface CaptureFeedback {
  errors: FormError[];
  failed: (errors: FormError[]) => void;
  done: (message: string) => void;
}

export interface CaptureProps extends CaptureFeedback {
  meetingId: string;
  item: MeetingItemView;
}

