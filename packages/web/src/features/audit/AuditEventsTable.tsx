import { Link } from 'react-router';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { formatDateTime, formatNhsNumber } from '../../format';
import type { AuditEvent } from './api';
import { actorKindInWords, outcomeInWords, roleLabel, whatHappened } from './labels';

const COLUMNS = ['When', 'Who', 'Role', 'Record', 'What happened', 'Outcome'] as const;

export function AuditEventsTable({ events }: { events: AuditEvent[] }) {
  return (
    <ResponsiveTable caption="Audit events, newest first" columns={COLUMNS}>
      {events.map((event) => {
        const { actor } = event;
        const who = event.staffName ?? (actor.staffId ? 'A member of staff' : actorKindInWords(actor.kind));
        const organisation = event.organisationName;
        return (
          <TableRow key={event.sequence}>
            <TableCell column="When">{formatDateTime(event.at)}</TableCell>
            <TableCell column="Who">{who}</TableCell>
            <TableCell column="Role">
              {actor.role ? roleLabel(actor.role) : ''}
              {organisation && (
                <>
                  <br />
                  {organisation}
                </>
              )}
            </TableCell>
            <TableCell column="Record">
              {event.subjectPersonId && <RecordLink personId={event.subjectPersonId} person={event.person} />}
            </TableCell>
            <TableCell column="What happened">
              {whatHappened(event.action, event.resourceType)}
              {event.breakGlass && (
                <>
                  <br />
                  <strong className="nhsuk-tag nhsuk-tag--red">Emergency access</strong>
                </>
              )}
            </TableCell>
            <TableCell column="Outcome">
              {outcomeInWords(event.outcome)}
              {event.reason && (
                <>
                  <br />
                  <span className="nhsuk-body-s">{event.reason}</span>
                </>
              )}
            </TableCell>
          </TableRow>
        );
      })}
    </ResponsiveTable>
  );
}

/** The person whose record it was, linking to who has looked at it; the id stands in if they are no longer in Kith. */
function RecordLink({ personId, person }: { personId: string; person: AuditEvent['person'] }) {
  const to = `/people/${encodeURIComponent(personId)}/who-looked`;
  if (!person) {
    return (
      <Link to={to}>
        <span className="nhsuk-u-visually-hidden">Who has looked at record </span>
        {personId}
      </Link>
    );
  }
  return (
    <>
      <Link to={to}>
        {person.name}
        <span className="nhsuk-u-visually-hidden">: who has looked at their record</span>
      </Link>
      <br />
      {formatNhsNumber(person.nhsNumber)}
    </>
  );
}
