import {
  HUDDLE_FREQUENCIES,
  HUDDLE_FREQUENCY_LABELS,
  MEETING_STATE_LABELS,
  WEEKDAY_LABELS,
  WEEKDAYS,
  type HuddleCalendarMeeting,
  type HuddleSeriesView,
  type Weekday,
} from '@kith/core';
import type { RadioOption } from '../../components/Radios';
import type { SelectOption } from '../../components/Select';

export const WEEKDAY_OPTIONS: SelectOption[] = WEEKDAYS.map((day) => ({ value: day, text: WEEKDAY_LABELS[day] }));

export const FREQUENCY_OPTIONS: RadioOption[] = HUDDLE_FREQUENCIES.map((frequency) => ({ value: frequency, text: HUDDLE_FREQUENCY_LABELS[frequency] }));

/** The weekday of an ISO date, read from the string so no time zone moves it. */
export function weekdayOfDate(date: string): Weekday {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return WEEKDAYS[(new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7]!;
}

/** "Every week on Tuesday, 10:00 for 60 minutes" */
export function rhythmText(series: Pick<HuddleSeriesView, 'frequency' | 'weekday' | 'startTime' | 'durationMinutes'>): string {
  return `${HUDDLE_FREQUENCY_LABELS[series.frequency]} on ${WEEKDAY_LABELS[series.weekday]}, ${series.startTime} for ${series.durationMinutes} minutes`;
}

/** "Tollgate Surgery (a practice huddle)" or "Tollgate network (a network huddle)" */
export function scopeText(series: Pick<HuddleSeriesView, 'scope' | 'practiceName' | 'networkName'>): string {
  return series.scope === 'practice' ? `${series.practiceName ?? 'A practice'} (a practice huddle in ${series.networkName})` : `${series.networkName} (a network huddle)`;
}

/** The state of a meeting in a calendar, in words, with the reason when it is cancelled. */
export function calendarStateText(meeting: Pick<HuddleCalendarMeeting, 'state' | 'cancelledReason'>): string {
  const state = MEETING_STATE_LABELS[meeting.state];
  return meeting.state === 'cancelled' && meeting.cancelledReason ? `${state}: ${meeting.cancelledReason}` : state;
}

/** "Carried over from 2 meetings", said plainly. */
export function carriedText(count: number): string {
  return count === 1 ? 'Carried over from 1 meeting' : `Carried over from ${count} meetings`;
}

/** The user's part in a series: "You chair it", "You are a standing member", or nothing. */
export function partText(series: Pick<HuddleSeriesView, 'chair' | 'standingMembers'>, staffId: string | undefined): string | undefined {
  if (!staffId) return undefined;
  if (series.chair.staffId === staffId) return 'You chair it';
  if (series.standingMembers.some((member) => member.staffId === staffId)) return 'You are a standing member';
  return undefined;
}

export const agendaHref = (seriesId: string, date: string) => `/huddles/series/${encodeURIComponent(seriesId)}/meetings/${encodeURIComponent(date)}`;
export const meetingHref = (meetingId: string) => `/huddles/meetings/${encodeURIComponent(meetingId)}`;
export const seriesHref = (seriesId: string) => `/huddles/series/${encodeURIComponent(seriesId)}`;
