import type { FormEvent } from 'react';
import { DateInput } from '../../components/DateInput';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { TextInput } from '../../components/TextInput';
import type { Feedback } from '../../components/useFeedback';
import { formatDateTime } from '../../format';
import { dateErrorOf } from '../tasks/due-date';
import { useBookNextVisit } from './api';
import { useEpisodeProblems } from './episode-problems';
import { readNextVisit, visitIds } from './episode-forms';
import { EPISODE_ID_PREFIX } from './episode-words';
import { dateParts, englandClock } from './form-dates';
import type { EpisodeView } from './types';

interface NextVisitFormProps extends Feedback {
  personId: string;
  episode: EpisodeView;
  errors: FormError[];
}

/** Book the next home visit, change it, or cancel it; the form starts from the visit booked. */
export function NextVisitForm({ personId, episode, errors, succeeded, failed }: NextVisitFormProps) {
  const book = useBookNextVisit(personId, episode.id);
  const problemsOf = useEpisodeProblems(personId);
  const prefix = EPISODE_ID_PREFIX[episode.type];
  const ids = visitIds(prefix);
  const fields = { at: `${ids.date}-day`, replaces: `${ids.date}-day`, episodeId: `${ids.date}-day` };
  const booked = episode.nextVisitAt ? englandClock(episode.nextVisitAt) : undefined;

  function send(at: string | null, done: string) {
    book.mutate({ at, replaces: episode.nextVisitAt }, { onSuccess: () => succeeded(done), onError: (error) => failed(problemsOf(error, fields)) });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (book.isPending) return;
    const read = readNextVisit(new FormData(event.currentTarget), ids, new Date());
    if (read.value === undefined) return failed(read.problems);
    send(read.value, `The next home visit is booked for ${formatDateTime(read.value)}.`);
  }

  function cancel(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!book.isPending) send(null, 'The booked home visit is cancelled.');
  }

  const dateError = dateErrorOf(errors, ids.date);
  const headingId = `${prefix}-visit-heading`;
  return (
    <section aria-labelledby={headingId}>
      <h4 id={headingId}>{booked ? 'Change the next home visit' : 'Book the next home visit'}</h4>
      <form onSubmit={submit} noValidate>
        <DateInput id={ids.date} legend="Date of the visit" hint="For example, 15 3 2027" defaultValue={dateParts(booked?.date)} error={dateError?.message} errorParts={dateError?.dateParts} />
        <TextInput id={ids.time} label="Time of the visit" hint="On the 24-hour clock, UK time, for example 14:30" width={5} autoComplete="off" spellCheck={false} defaultValue={booked?.time ?? ''} error={errorFor(errors, ids.time)} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          {booked ? 'Change the visit' : 'Book the visit'}
        </button>
      </form>
      {booked && (
        <form onSubmit={cancel} noValidate>
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            Cancel the booked visit
          </button>
        </form>
      )}
    </section>
  );
}
