import { HUDDLE_LAWFUL_BASIS, MEETING_STATE_LABELS } from '@kith/core';
import { Link } from 'react-router';
import { Loading } from '../../components/ServiceProblem';
import { usePageTitle } from '../../components/usePageTitle';
import { NotesList } from '../huddle-meetings/NotesList';
import { fullName } from '../people/labels';
import { sectionTitle, usePersonId, usePersonOutlet } from '../people/record';
import { SectionProblem } from '../people/SectionProblem';
import { usePersonHuddleNotes } from './api';
import { byMeeting } from './huddle-notes';
import { meetingHref } from './labels';

/**
 * What the person's huddles said about them, meeting by meeting, with the lawful basis for
 * discussing them. Huddle notes are confidential: a reader the gate refuses sees why.
 */
export function PersonHuddleNotesPage() {
  const id = usePersonId();
  const { person } = usePersonOutlet();
  const notes = usePersonHuddleNotes(id);
  const name = fullName(person);
  usePageTitle(sectionTitle('huddle-notes', name));
  return (
    <section aria-labelledby="huddle-notes-heading">
      <h2 id="huddle-notes-heading">Huddle notes</h2>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Information: </span>
        <p>
          <strong>Lawful basis:</strong> {HUDDLE_LAWFUL_BASIS}.
        </p>
      </div>
      {notes.isPending && <Loading what="huddle notes" />}
      {notes.isError && <SectionProblem error={notes.error} />}
      {notes.data &&
        (notes.data.notes.length > 0 ? (
          byMeeting(notes.data.notes).map((meeting) => (
            <section key={meeting.meetingId} aria-labelledby={`notes-${meeting.meetingId}`}>
              <h3 id={`notes-${meeting.meetingId}`}>
                <Link to={meetingHref(meeting.meetingId)}>{meeting.meetingTitle}</Link>
              </h3>
              <p className="nhsuk-u-secondary-text-colour">Meeting {MEETING_STATE_LABELS[meeting.meetingState].toLowerCase()}</p>
              <NotesList notes={meeting.notes} empty="Nothing recorded." />
            </section>
          ))
        ) : (
          <p>Nothing has been recorded about {name} at a huddle.</p>
        ))}
    </section>
  );
}
