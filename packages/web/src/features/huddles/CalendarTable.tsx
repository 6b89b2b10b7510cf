import { meetingTitle, type HuddleCalendarMeeting } from '@kith/core';
import { Link } from 'react-router';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { formatDateTime, todayIso } from '../../format';
import { whenText } from '../huddle-meetings/labels';
import { agendaHref, calendarStateText, meetingHref, seriesHref } from './labels';

const COLUMNS = ['When', 'Huddle', 'Where', 'State', 'Agenda', 'Next step'] as const;

/**
 * Meetings as a table: when and where, the state in words (a cancellation with its reason), whether
 * the agenda is built, and the next step: prepare the agenda of a meeting to come, or open one
 * that has started or closed. The huddle column is left out on a page about one huddle.
 */
export function CalendarTable({ caption, meetings, showSeries = true }: { caption: string; meetings: HuddleCalendarMeeting[]; showSeries?: boolean }) {
  const columns = showSeries ? COLUMNS : COLUMNS.filter((column) => column !== 'Huddle');
  const today = todayIso();
  return (
    <ResponsiveTable caption={caption} columns={columns}>
      {meetings.map((meeting) => (
        <TableRow key={`${meeting.seriesId}-${meeting.date}`}>
          <TableCell column="When">
            {whenText(meeting)}
            {meeting.date === today && <strong> (today)</strong>}
          </TableCell>
          {showSeries && (
            <TableCell column="Huddle">
              <Link to={seriesHref(meeting.seriesId)}>{meeting.seriesName}</Link>
            </TableCell>
          )}
          <TableCell column="Where">{meeting.place}</TableCell>
          <TableCell column="State">{lapsed(meeting, today) ? 'Not held' : calendarStateText(meeting)}</TableCell>
          <TableCell column="Agenda">{meeting.agendaBuiltAt ? `Built ${formatDateTime(meeting.agendaBuiltAt)}` : meeting.state === 'cancelled' ? 'None' : 'Not built yet'}</TableCell>
          <TableCell column="Next step">
            {lapsed(meeting, today) ? 'None' : <NextStep meeting={meeting} />}
          </TableCell>
        </TableRow>
      ))}
    </ResponsiveTable>
  );
}

/** A day gone by on which the meeting never started: there is nothing left to prepare. */
function lapsed(meeting: HuddleCalendarMeeting, today: string): boolean {
  return meeting.state === 'scheduled' && meeting.date < today;
}

/** The link for what can be done next with a meeting, naming the meeting for screen readers (WCAG 2.4.4). */
function NextStep({ meeting }: { meeting: HuddleCalendarMeeting }) {
  const which = <span className="nhsuk-u-visually-hidden"> of {meetingTitle(meeting.seriesName, meeting.date)}</span>;
  if (meeting.state === 'cancelled') return <>None</>;
  if (meeting.meetingId && meeting.state !== 'scheduled') {
    return (
      <Link to={meetingHref(meeting.meetingId)}>
        {meeting.state === 'closed' ? 'Open the record' : 'Open the meeting'}
        {which}
      </Link>
    );
  }
  return (
    <Link to={agendaHref(meeting.seriesId, meeting.date)}>
      Prepare the agenda
      {which}
    </Link>
  );
}
