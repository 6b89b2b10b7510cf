/**
 * The huddle calendar as iCalendar text (RFC 5545), for members to subscribe to or import.
 *
 * A calendar leaves Kith for phones and mail servers, so it carries the meeting and never the
 * agenda: no person's name, NHS number or reason for discussion goes into a SUMMARY,
 * LOCATION or DESCRIPTION. Times are UTC ("Z" form), so no VTIMEZONE is needed and every
 * client places 10:00 Europe/London correctly on both sides of a clock change.
 *
 * Text values are escaped (backslash, semicolon, comma, newline), control characters other
 * than tab are dropped (RFC 5545 3.3.11 does not allow them), and lines longer than 75 octets
 * of UTF-8 are folded with CRLF and one space, never inside a multi-byte character (3.1).
 */
import { meetingInstants, type HuddleSeries } from './series.js';

export const ICS_PRODID = '-//Kith//Huddles//EN';
const MAX_OCTETS = 75;

export interface CalendarMeeting {
  /** Globally unique and stable across exports, such as `<meeting id>@kith.example.nhs.uk`. */
  uid: string;
  startsAt: Date;
  endsAt: Date;
  summary: string;
  location?: string;
  description?: string;
  /** Bumped whenever the meeting changes, so calendars replace their copy. */
  sequence?: number;
  /** A cancelled meeting stays in the feed as CANCELLED, so calendars remove it. */
  cancelled?: boolean;
}

export interface CalendarOptions {
  /** When the file was made (DTSTAMP); the server passes its clock. */
  stampedAt: Date;
  /** Shown by some clients as the calendar's name (X-WR-CALNAME). */
  name?: string;
}

/** An instant as an iCalendar UTC date-time: 20261103T100000Z. */
export function icsDateTime(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new Error('not a date');
  return instant.toISOString().replace(/\.\d{3}Z$/, 'Z').replaceAll(/[-:]/g, '');
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/g;

/** A TEXT value escaped (RFC 5545 3.3.11); any newline becomes the two characters \n. */
export function icsText(value: string): string {
  return value
    .replace(LONE_SURROGATE, '\uFFFD')
    .replaceAll('\\', '\\\\')
    .replaceAll(';', '\\;')
    .replaceAll(',', '\\,')
    .replace(/\r\n|\r|\n/g, '\\n')
    .replace(CONTROL, '');
}

function utf8Octets(codePoint: number): number {
  if (codePoint < 0x80) return 1;
  if (codePoint < 0x800) return 2;
  if (codePoint < 0x10000) return 3;
  return 4;
}

/**
 * One content line folded to at most 75 octets a line: the first line holds 75, each
 * continuation a space and 74 more. Characters are taken whole (for...of walks code points).
 */
export function foldIcsLine(line: string): string {
  const lines: string[] = [];
  let current = '';
  let octets = 0;
  for (const char of line) {
    const size = utf8Octets(char.codePointAt(0)!);
    if (octets + size > MAX_OCTETS) {
      lines.push(current);
      current = ' ';
      octets = 1;
    }
    current += char;
    octets += size;
  }
  lines.push(current);
  return lines.join('\r\n');
}

function eventLines(meeting: CalendarMeeting, stamp: string): string[] {
  if (meeting.endsAt.getTime() <= meeting.startsAt.getTime()) {
    throw new Error(`meeting ${meeting.uid} ends before it starts`);
  }
  return [
    'BEGIN:VEVENT',
    `UID:${icsText(meeting.uid)}`,
    `DTSTAMP:${stamp}`,
    `DTSTART:${icsDateTime(meeting.startsAt)}`,
    `DTEND:${icsDateTime(meeting.endsAt)}`,
    `SEQUENCE:${meeting.sequence ?? 0}`,
    `STATUS:${meeting.cancelled ? 'CANCELLED' : 'CONFIRMED'}`,
    `SUMMARY:${icsText(meeting.summary)}`,
    ...(meeting.location ? [`LOCATION:${icsText(meeting.location)}`] : []),
    ...(meeting.description ? [`DESCRIPTION:${icsText(meeting.description)}`] : []),
    // Confidential: the meeting is private to its members wherever the calendar is shared.
    'CLASS:PRIVATE',
    'TRANSP:OPAQUE',
    'END:VEVENT',
  ];
}

/** A whole VCALENDAR, every line folded and ended with CRLF. */
export function huddleCalendarIcs(meetings: readonly CalendarMeeting[], options: CalendarOptions): string {
  const stamp = icsDateTime(options.stampedAt);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...(options.name ? [`X-WR-CALNAME:${icsText(options.name)}`] : []),
    ...meetings.flatMap((meeting) => eventLines(meeting, stamp)),
    'END:VCALENDAR',
  ];
  return lines.map(foldIcsLine).join('\r\n') + '\r\n';
}

/**
 * A series' meetings as calendar events: the series' name, place and time, and a description
 * that points to Kith for the agenda. Built here so that nothing about a person can slip in.
 */
export function seriesCalendarMeetings(
  series: Pick<HuddleSeries, 'name' | 'place' | 'startTime' | 'durationMinutes'>,
  meetings: readonly { id: string; date: string; cancelled?: boolean; sequence?: number }[],
  uidDomain: string,
): CalendarMeeting[] {
  return meetings.map((meeting) => ({
    uid: `huddle-meeting-${meeting.id}@${uidDomain}`,
    ...meetingInstants(series, meeting.date),
    summary: series.name,
    location: series.place,
    description: 'MDT huddle. The agenda is confidential: open it in Kith.',
    ...(meeting.sequence === undefined ? {} : { sequence: meeting.sequence }),
    ...(meeting.cancelled ? { cancelled: true } : {}),
  }));
}
