import type { HuddleAgendaView } from '@kith/core';
import type { FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { formErrors } from '../../api/form-errors';
import type { Feedback } from '../../components/useFeedback';
import { useBuildAgenda, useStartMeeting } from './api';
import { meetingHref } from './labels';

interface BuildProps extends Feedback {
  seriesId: string;
  date: string;
  /** The agenda as built, when it has been. */
  agenda: HuddleAgendaView | undefined;
}

/** Builds the agenda from what happened since the last meeting, or refreshes it keeping the order and times set. */
export function BuildAgenda({ seriesId, date, agenda, succeeded, failed }: BuildProps) {
  const build = useBuildAgenda(seriesId, date);
  const built = Boolean(agenda?.meeting.agendaBuiltAt);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (build.isPending) return;
    build.mutate(undefined, {
      onSuccess: (updated) => {
        const people = updated.items.length === 1 ? '1 person' : `${updated.items.length} people`;
        succeeded(`The agenda is ${built ? 'refreshed' : 'built'}: ${people} on it.`);
      },
      onError: (error) => failed(formErrors(error)),
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <div className="nhsuk-hint" id="build-hint">
        {built
          ? 'Refreshing reads the sources again: people newly found join at the end, people no longer due leave, and the order and times set are kept.'
          : 'The agenda gathers the people carried over, raised by hand, in or out of hospital, newly referred or found, and due a review since the last meeting.'}
      </div>
      <button className="nhsuk-button" type="submit" aria-describedby="build-hint">
        {built ? 'Refresh the agenda' : 'Build the agenda'}
      </button>
    </form>
  );
}

/**
 * Into the meeting: a scheduled one is started (at the version read) and opened; one in
 * progress or closed is a link to it.
 */
export function OpenMeeting({ agenda, failed }: { agenda: HuddleAgendaView } & Pick<Feedback, 'failed'>) {
  const start = useStartMeeting();
  const navigate = useNavigate();
  const { meeting } = agenda;

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (start.isPending) return;
    start.mutate(
      { meetingId: meeting.id, version: meeting.version },
      { onSuccess: () => void navigate(meetingHref(meeting.id)), onError: (error) => failed(formErrors(error)) },
    );
  }

  if (meeting.state === 'cancelled') return null;
  if (meeting.state !== 'scheduled') {
    return (
      <p>
        <Link className="nhsuk-button nhsuk-button--secondary" to={meetingHref(meeting.id)}>
          {meeting.state === 'closed' ? 'Open the meeting record' : 'Open the meeting'}
        </Link>
      </p>
    );
  }
  return (
    <form onSubmit={submit} noValidate>
      <div className="nhsuk-hint" id="open-hint">
        Opening the meeting starts it: notes, decisions, actions and attendance can then be recorded.
      </div>
      <button className="nhsuk-button" type="submit" aria-describedby="open-hint">
        Open the meeting
      </button>
    </form>
  );
}
