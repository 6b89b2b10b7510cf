import type { Minutes, MinutesItem } from '@kith/core';
import { useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { BackLink } from '../../components/BackLink';
import { Loading } from '../../components/ServiceProblem';
import { SummaryList } from '../../components/SummaryList';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatDateTime, formatNhsNumber } from '../../format';
import { SectionProblem } from '../people/SectionProblem';
import { minutesPdfUrl, useMinutes } from './api';
import { reviewText, whenText } from './labels';
import { ActionsTable, NotesList } from './NotesList';

/**
 * The minutes of a closed meeting, made to be printed: the print stylesheet leaves out the
 * header, navigation and buttons. Opening them is recorded as printing each person's notes.
 */
export function MinutesPage() {
  const { id = '' } = useParams();
  const minutes = useMinutes(id);
  const notClosed = isApiError(minutes.error, 409) ? minutes.error : undefined;
  usePageTitle(minutes.data ? `Minutes – ${minutes.data.meeting.title}` : 'Minutes');
  return (
    <>
      <BackLink to={`/huddles/meetings/${encodeURIComponent(id)}`}>Back to the meeting</BackLink>
      {minutes.isPending && <Loading what="the minutes" />}
      {minutes.isError && (
        <>
          <h1>Minutes</h1>
          {notClosed ? (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>{notClosed.problem.detail ?? notClosed.problem.title}.</p>
            </div>
          ) : (
            <SectionProblem error={minutes.error} />
          )}
        </>
      )}
      {minutes.data && <MinutesRecord minutes={minutes.data} />}
    </>
  );
}

function MinutesRecord({ minutes }: { minutes: Minutes }) {
  const { meeting } = minutes;
  return (
    <article className="kith-minutes" aria-labelledby="minutes-heading">
      <h1 id="minutes-heading">
        <span className="nhsuk-caption-l">Minutes</span>
        {meeting.title}
      </h1>
      <div className="kith-button-row kith-no-print">
        <button className="nhsuk-button" type="button" onClick={() => window.print()}>
          Print
        </button>
        <a className="nhsuk-button nhsuk-button--secondary" href={minutesPdfUrl(meeting.id)}>
          Download PDF
        </a>
      </div>
      <SummaryList
        rows={[
          { key: 'When', value: whenText(meeting) },
          { key: 'Where', value: meeting.place },
          { key: 'Network', value: meeting.networkName },
          { key: 'Chair', value: meeting.chair.name },
          ...(meeting.closedAt ? [{ key: 'Closed', value: `${formatDateTime(meeting.closedAt)}${meeting.closedBy ? ` by ${meeting.closedBy.name}` : ''}` }] : []),
        ]}
      />
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          <strong>Lawful basis:</strong> {minutes.lawfulBasis}
        </p>
        {minutes.withheldNotice && <p>{minutes.withheldNotice}.</p>}
      </div>
      <h2>Attendance</h2>
      {minutes.attendance.length > 0 ? (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {minutes.attendance.map((attendee) => (
            <li key={attendee.staffId}>
              {attendee.name}, {attendee.roleLabel}
            </li>
          ))}
        </ul>
      ) : (
        <p>No attendance was recorded.</p>
      )}
      {minutes.items.map((item) => (
        <MinutesPerson key={item.id} item={item} />
      ))}
      <h2>Addenda about the meeting</h2>
      <NotesList notes={minutes.addenda} empty="None." />
      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">
        Produced {formatDateTime(minutes.producedAt)} by {minutes.producedBy.name}. Confidential: for the care of the people named.
      </p>
    </article>
  );
}

function MinutesPerson({ item }: { item: MinutesItem }) {
  const name = item.person.name;
  return (
    <section className="kith-minutes__person" aria-labelledby={`minutes-${item.id}`}>
      <h2 id={`minutes-${item.id}`}>
        {item.position}. {name}
      </h2>
      <p>
        NHS number {formatNhsNumber(item.person.nhsNumber)}, born {formatDate(item.person.dateOfBirth)} ({item.person.age})
      </p>
      <h3>Why {name} was discussed</h3>
      <ul className="nhsuk-list nhsuk-list--bullet">
        {item.reasons.map((reason, index) => (
          <li key={index}>{reason.text}</li>
        ))}
      </ul>
      <SummaryList
        rows={[
          { key: 'Presented by', value: item.presenter?.name ?? 'Not recorded' },
          { key: 'Review', value: reviewText(item) },
        ]}
      />
      <h3>Notes</h3>
      <NotesList notes={item.notes} empty="None." />
      <h3>Decisions</h3>
      <NotesList notes={item.decisions} empty="None." />
      <h3>Actions</h3>
      {item.actions.length > 0 ? <ActionsTable caption={`Actions agreed for ${name}`} actions={item.actions} /> : <p>None.</p>}
      {item.addenda.length > 0 && (
        <>
          <h3>Addenda</h3>
          <NotesList notes={item.addenda} empty="None." />
        </>
      )}
    </section>
  );
}
