import {
  HUDDLE_DURATION_MINUTES,
  HUDDLE_FREQUENCIES,
  MAX_STANDING_MEMBERS,
  WEEKDAY_LABELS,
  WEEKDAYS,
  isClockTime,
  type HuddleScope,
  type HuddleSeriesInput,
} from '@kith/core';
import type { DatePart } from '../../components/DateInput';
import type { FormError } from '../../components/ErrorSummary';
import { dayFromParts } from '../audit/audit-search';
import { weekdayOfDate } from './labels';

/** A form error that may mark only some of a date's three inputs. */
export interface SeriesFormError extends FormError {
  dateParts?: DatePart[];
}

/** The ids of a series form's inputs, each starting with `prefix` so two forms never share one. */
export function seriesFieldIds(prefix: string) {
  return {
    name: `${prefix}-name`,
    scope: `${prefix}-scope`,
    weekday: `${prefix}-weekday`,
    start: `${prefix}-start`,
    duration: `${prefix}-duration`,
    place: `${prefix}-place`,
    frequency: `${prefix}-frequency`,
    /** The date input; its inputs are `-day`, `-month` and `-year`. */
    firstDay: `${prefix}-first`,
    chair: `${prefix}-chair`,
    members: `${prefix}-members`,
  };
}
export type SeriesFieldIds = ReturnType<typeof seriesFieldIds>;

/** The checkbox of one member of staff among the standing members. */
export const memberCheckboxId = (ids: SeriesFieldIds, staffId: string) => `${ids.members}-${staffId}`;

/** A scope as one radio value: "practice:<id>" or "network:<id>". */
export function scopeValue(scope: HuddleScope): string {
  return scope.kind === 'practice' ? `practice:${scope.practiceId}` : `network:${scope.networkId}`;
}

export function scopeOf(value: string): HuddleScope | undefined {
  const [kind, id] = value.split(':');
  if (!id) return undefined;
  if (kind === 'practice') return { kind, practiceId: id };
  if (kind === 'network') return { kind, networkId: id };
  return undefined;
}

/** "9:30", "09:30" or "9.30" as "09:30"; anything else as typed, for the check to refuse. */
export function clockTimeOf(text: string): string {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(text.trim());
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : text.trim();
}

/**
 * Where the API's field problems link to in the form. Each standing member the API names by
 * position links to that member's checkbox, in the order they were sent.
 */
export function seriesApiFields(ids: SeriesFieldIds, memberIdsSent: readonly string[] = []): Record<string, string> {
  const fields: Record<string, string> = {
    name: ids.name,
    scope: ids.scope,
    'scope.kind': ids.scope,
    'scope.practiceId': ids.scope,
    'scope.networkId': ids.scope,
    weekday: ids.weekday,
    startTime: ids.start,
    durationMinutes: ids.duration,
    place: ids.place,
    frequency: ids.frequency,
    firstMeetingOn: `${ids.firstDay}-day`,
    chairStaffId: ids.chair,
    standingMemberStaffIds: ids.members,
  };
  memberIdsSent.forEach((staffId, index) => {
    fields[`standingMemberStaffIds.${index}`] = memberCheckboxId(ids, staffId);
  });
  return fields;
}

/**
 * The series as the form holds it, checked as the API would check it, so every problem is
 * named at once beside its question. The API checks again, and checks what only it knows (that
 * the chair and members belong to the network).
 */
export function seriesInputOf(data: FormData, ids: SeriesFieldIds): { input?: HuddleSeriesInput; problems: SeriesFormError[] } {
  const text = (name: string) => String(data.get(name) ?? '').trim();
  const problems: SeriesFormError[] = [];
  const name = text(ids.name);
  if (!name) problems.push({ fieldId: ids.name, message: 'Give the huddle a name' });
  const scope = scopeOf(text(ids.scope));
  if (!scope) problems.push({ fieldId: ids.scope, message: 'Choose whose huddle it is' });
  const weekday = WEEKDAYS.find((day) => day === text(ids.weekday));
  if (!weekday) problems.push({ fieldId: ids.weekday, message: 'Choose the day of the week' });
  const startTime = clockTimeOf(text(ids.start));
  if (!startTime) problems.push({ fieldId: ids.start, message: 'Give a start time' });
  else if (!isClockTime(startTime)) problems.push({ fieldId: ids.start, message: 'Give a start time on the 24-hour clock, such as 09:30' });
  const duration = durationOf(text(ids.duration));
  if (typeof duration === 'string') problems.push({ fieldId: ids.duration, message: duration });
  const place = text(ids.place);
  if (!place) problems.push({ fieldId: ids.place, message: 'Say where the huddle meets' });
  const frequency = HUDDLE_FREQUENCIES.find((f) => f === text(ids.frequency));
  if (!frequency) problems.push({ fieldId: ids.frequency, message: 'Choose weekly or fortnightly' });
  const first = firstMeetingOf(data, ids, weekday);
  if (first.error) problems.push(first.error);
  const chairStaffId = text(ids.chair);
  if (!chairStaffId) problems.push({ fieldId: ids.chair, message: 'Choose who chairs the huddle' });
  const standingMemberStaffIds = data.getAll(ids.members).map(String).filter((id) => id && id !== chairStaffId);
  if (standingMemberStaffIds.length > MAX_STANDING_MEMBERS) {
    problems.push({ fieldId: ids.members, message: `A huddle has at most ${MAX_STANDING_MEMBERS} standing members` });
  }
  if (problems.length > 0 || !scope || !weekday || !frequency || !first.date || typeof duration !== 'number') return { problems };
  return {
    input: { name, scope, weekday, startTime, durationMinutes: duration, place, frequency, firstMeetingOn: first.date, chairStaffId, standingMemberStaffIds },
    problems,
  };
}

function durationOf(text: string): number | string {
  const { min, max } = HUDDLE_DURATION_MINUTES;
  if (!text) return 'Give the length of the huddle in minutes';
  const minutes = Number(text);
  if (!/^\d+$/.test(text) || !Number.isInteger(minutes)) return 'Give the length in whole minutes, such as 60';
  if (minutes < min) return `A huddle lasts at least ${min} minutes`;
  if (minutes > max) return `A huddle lasts at most ${max} minutes`;
  return minutes;
}

/** The first meeting: required, a real date, on the weekday chosen (the API's rule too). */
function firstMeetingOf(data: FormData, ids: SeriesFieldIds, weekday: string | undefined): { date?: string; error?: SeriesFormError } {
  const part = (p: DatePart) => String(data.get(`${ids.firstDay}-${p}`) ?? '');
  const { date, problem } = dayFromParts({ day: part('day'), month: part('month'), year: part('year') }, 'The date of the first meeting');
  if (problem) return { error: { fieldId: `${ids.firstDay}-${problem.parts[0] ?? 'day'}`, message: problem.message, dateParts: problem.parts } };
  if (!date) return { error: { fieldId: `${ids.firstDay}-day`, message: 'Enter the date of the first meeting' } };
  const actual = weekdayOfDate(date);
  if (weekday && actual !== weekday) {
    const chosen = WEEKDAY_LABELS[weekday as keyof typeof WEEKDAY_LABELS];
    return { error: { fieldId: `${ids.firstDay}-day`, message: `The first meeting must be on a ${chosen}; this date is a ${WEEKDAY_LABELS[actual]}` } };
  }
  return { date };
}
