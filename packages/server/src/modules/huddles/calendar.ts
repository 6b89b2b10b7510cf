/**
 * The calendar of huddle meetings: the dates a series' rhythm gives (core's
 * upcomingMeetingDates), merged with the meetings stored for it, which carry their state and
 * cancellations (and any stored on a day off the rhythm). For one series, to its network's
 * members; for me, across the series I chair or sit on. As iCalendar, the same meetings with
 * nothing about any person in them (core's seriesCalendarMeetings builds each event).
 *
 * A meeting's calendar UID is made from its series and day, never from its stored row, so it
 * is the same before and after the row exists and a calendar keeps one copy; its SEQUENCE rises
 * with every change to the series or to the meeting.
 */
import {
  DomainError,
  HUDDLE_FREQUENCY_LABELS,
  WEEKDAY_LABELS,
  type CalendarMeeting,
  type HuddleCalendarMeeting,
  type HuddleCalendarQuery,
  englandDate,
  huddleCalendarIcs,
  isSeriesMeetingDate,
  meetingInstants,
  seriesCalendarMeetings,
  upcomingMeetingDates,
} from '@kith/core';
import { type AccessContext, withAccess } from '../../platform/access/index.js';
import type { Db } from '../../platform/db/client.js';
import { HUDDLE_CARE_ROLES, requireNetworkMember } from './membership.js';
import { meetingOn, meetingsBetween, seriesById, seriesOfMember, storedMeeting, type HuddleSeriesRecord, type MeetingRecord } from './queries.js';

/** The domain in every event's UID. */
export const CALENDAR_UID_DOMAIN = 'huddles.kith';
/** A calendar file reaches back this far, so that recent cancellations still reach calendars... */
const ICS_DAYS_BACK = 28;
/** ...and forward this many meetings of each series. */
const ICS_MEETINGS = 30;

/** A day some whole days before or after another (ISO dates, no clock involved). */
export function dayOffset(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/** The day must be one the series meets on (or one a meeting is already stored for); 400 naming `date` otherwise. */
export function requireMeetingDay(series: HuddleSeriesRecord, date: string, stored: MeetingRecord | undefined): void {
  if (stored || isSeriesMeetingDate(series, date)) return;
  const rhythm = `${HUDDLE_FREQUENCY_LABELS[series.frequency].toLowerCase()} on ${WEEKDAY_LABELS[series.weekday]} from ${series.firstMeetingOn}`;
  throw DomainError.field('date', `This huddle does not meet on ${date}: it meets ${rhythm}`);
}

interface CalendarEntry {
  series: HuddleSeriesRecord;
  date: string;
  stored: MeetingRecord | undefined;
}

function instantsOf(entry: CalendarEntry): { startsAt: Date; endsAt: Date } {
  return entry.stored ? { startsAt: entry.stored.startsAt, endsAt: entry.stored.endsAt } : meetingInstants(entry.series, entry.date);
}

/** Each series' next `count` dates from `from`, with the meetings stored up to the last of them. */
async function entriesOf(tx: Db, seriesList: readonly HuddleSeriesRecord[], from: string, count: number): Promise<CalendarEntry[]> {
  const dates = new Map(seriesList.map((s) => [s.id, upcomingMeetingDates(s, from, count)]));
  const lasts = [...dates.values()].flatMap((days) => days.slice(-1));
  if (lasts.length === 0) return [];
  const stored = await meetingsBetween(tx, [...dates.keys()], from, lasts.reduce((a, b) => (a > b ? a : b)));
  const entries = seriesList.flatMap((series) => {
    const days = dates.get(series.id) ?? [];
    const last = days.at(-1) ?? from;
    const mine = new Map(stored.filter((m) => m.seriesId === series.id && m.date <= last).map((m) => [m.date, m]));
    return [...new Set([...days, ...mine.keys()])].map((date) => ({ series, date, stored: mine.get(date) }));
  });
  return entries.sort(
    (a, b) => instantsOf(a).startsAt.getTime() - instantsOf(b).startsAt.getTime() || a.series.name.localeCompare(b.series.name) || a.series.id.localeCompare(b.series.id),
  );
}

function calendarView(entry: CalendarEntry): HuddleCalendarMeeting {
  const { startsAt, endsAt } = instantsOf(entry);
  return {
    seriesId: entry.series.id,
    seriesName: entry.series.name,
    date: entry.date,
    startsAt: startsAt.toISOString(),
    endsAt: endsAt.toISOString(),
    place: entry.series.place,
    meetingId: entry.stored?.id ?? null,
    state: entry.stored?.state ?? 'scheduled',
    cancelledReason: entry.stored?.cancelledReason ?? null,
    agendaBuiltAt: entry.stored?.agendaBuiltAt?.toISOString() ?? null,
  };
}

/** The upcoming meetings of one series, for the members of its network. */
export function seriesCalendar(db: Db, context: AccessContext, seriesId: string, query: HuddleCalendarQuery): Promise<HuddleCalendarMeeting[]> {
  return withAccess(db, context, async (gate, tx) => {
    const series = await seriesById(tx, seriesId);
    await requireNetworkMember(gate, tx, series.networkId, { what: 'see its huddles', action: 'read', resourceType: 'huddle_calendar' });
    return (await entriesOf(tx, [series], query.from ?? englandDate(gate.now), query.count)).map(calendarView);
  });
}

/** My next meetings across every series I chair or sit on, soonest first. */
export function myCalendar(db: Db, context: AccessContext, query: HuddleCalendarQuery): Promise<HuddleCalendarMeeting[]> {
  return withAccess(db, context, async (gate, tx) => {
    const series = await seriesOfMember(tx, gate.actor.staffId);
    return (await entriesOf(tx, series, query.from ?? englandDate(gate.now), query.count)).slice(0, query.count).map(calendarView);
  });
}

function eventsOf(entries: readonly CalendarEntry[]): CalendarMeeting[] {
  return entries.flatMap((entry) => {
    const sequence = entry.series.version - 1 + (entry.stored?.version ?? 1) - 1;
    const meeting = { id: `${entry.series.id}-${entry.date}`, date: entry.date, cancelled: entry.stored?.state === 'cancelled', sequence };
    return seriesCalendarMeetings(entry.series, [meeting], CALENDAR_UID_DOMAIN).map((event) => ({ ...event, ...instantsOf(entry) }));
  });
}

async function calendarFile(tx: Db, series: readonly HuddleSeriesRecord[], now: Date, name: string): Promise<string> {
  const entries = await entriesOf(tx, series, dayOffset(englandDate(now), -ICS_DAYS_BACK), ICS_MEETINGS);
  return huddleCalendarIcs(eventsOf(entries), { stampedAt: now, name });
}

/** One series as an iCalendar file, for the members of its network. */
export function seriesCalendarIcs(db: Db, context: AccessContext, seriesId: string): Promise<string> {
  return withAccess(db, context, async (gate, tx) => {
    const series = await seriesById(tx, seriesId);
    await requireNetworkMember(gate, tx, series.networkId, { what: 'see its huddles', action: 'read', resourceType: 'huddle_calendar' });
    return calendarFile(tx, [series], gate.now, series.name);
  });
}

/** Every series I chair or sit on, as one iCalendar file. */
export function myCalendarIcs(db: Db, context: AccessContext): Promise<string> {
  return withAccess(db, context, async (gate, tx) => calendarFile(tx, await seriesOfMember(tx, gate.actor.staffId), gate.now, 'My huddles'));
}

/**
 * The meeting of a series on one of its days, stored if it was not yet (so that it has an id the
 * meeting's own routes take: to cancel that day, say); the calendar entry for it.
 */
export function storeMeetingOn(db: Db, context: AccessContext, seriesId: string, date: string): Promise<HuddleCalendarMeeting> {
  return withAccess(db, context, async (gate, tx) => {
    const series = await seriesById(tx, seriesId);
    await requireNetworkMember(gate, tx, series.networkId, { what: 'arrange its huddles', roles: HUDDLE_CARE_ROLES, resourceType: 'huddle_calendar' });
    const stored = await meetingOn(tx, series.id, date);
    requireMeetingDay(series, date, stored);
    return calendarView({ series, date, stored: stored ?? (await storedMeeting(tx, series, date)) });
  });
}
