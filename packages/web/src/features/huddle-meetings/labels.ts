import { MEETING_STATE_LABELS, REFERRAL_STATE_LABELS, type MeetingHeader, type MeetingItemView, type ReferralState } from '@kith/core';
import { formatDate, formatTime } from '../../format';

export const NOTE_KIND_LABELS = { note: 'Note', decision: 'Decision', addendum: 'Addendum' } as const;

export const HOSPITAL_CLASS_LABELS: Record<string, string> = {
  inpatient: 'Hospital admission',
  emergency: 'A&E attendance',
  ambulatory: 'Outpatient or day case',
};

export function referralStateText(status: string): string {
  return REFERRAL_STATE_LABELS[status as ReferralState] ?? status;
}

/** "2 June 2026, 12:30 to 13:30", the times in the user's own time zone. */
export function whenText(meeting: Pick<MeetingHeader, 'date' | 'startsAt' | 'endsAt'>): string {
  return `${formatDate(meeting.date)}, ${formatTime(meeting.startsAt)} to ${formatTime(meeting.endsAt)}`;
}

export function meetingStateText(meeting: Pick<MeetingHeader, 'state'>): string {
  return MEETING_STATE_LABELS[meeting.state];
}

/** The item's name in the agenda list and its heading; a withheld person is never named. */
export function itemName(item: Pick<MeetingItemView, 'person'>): string {
  return item.person?.name ?? 'Not shown to you';
}

/** "Reviewed: discuss again in 4 weeks (30 June 2026)", or "Not reviewed yet". */
export function reviewText(item: Pick<MeetingItemView, 'reviewed' | 'discussAgainInWeeks' | 'nextReviewOn'>): string {
  if (!item.reviewed) return 'Not reviewed yet';
  if (item.discussAgainInWeeks === null) return 'Reviewed: no planned review';
  const weeks = item.discussAgainInWeeks === 1 ? '1 week' : `${item.discussAgainInWeeks} weeks`;
  return `Reviewed: discuss again in ${weeks}${item.nextReviewOn ? ` (${formatDate(item.nextReviewOn)})` : ''}`;
}

export function weeksText(weeks: number): string {
  return weeks === 1 ? '1 week' : `${weeks} weeks`;
}
