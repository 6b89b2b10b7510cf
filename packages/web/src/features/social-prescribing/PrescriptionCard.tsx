import {
  SOCIAL_PRESCRIPTION_MOVE_LABELS,
  SOCIAL_PRESCRIPTION_OUTCOME_LABELS,
  SOCIAL_PRESCRIPTION_OUTCOMES,
  nextSocialPrescriptionStates,
} from '@kith/core';
import { useState, type FormEvent } from 'react';
import { ChoiceGroup } from '../../components/ChoiceGroup';
import { DateInput } from '../../components/DateInput';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { SummaryList } from '../../components/SummaryList';
import { Textarea } from '../../components/Textarea';
import type { Feedback } from '../../components/useFeedback';
import { formatDateTime, todayIso } from '../../format';
import { dateParts } from '../support/form-dates';
import { dateErrorOf } from '../tasks/due-date';
import { useMovePrescription, useRecordSession } from './api';
import {
  cardIds,
  formsFor,
  moveFieldIds,
  outcomeAsked,
  problemsOf,
  readMove,
  readSession,
  sessionFieldIds,
  type CardIds,
} from './forms';
import type { SocialPrescriptionView } from './types';
import {
  consentText,
  eventText,
  historySummary,
  kindText,
  savedText,
  sessionCountText,
  sessionSavedText,
  sessionText,
  stateTagClass,
} from './words';

interface CardProps extends Feedback {
  personId: string;
  prescription: SocialPrescriptionView;
  errors: FormError[];
}

/** Words written over several lines keep their line breaks. */
const KEEP_LINES = { whiteSpace: 'pre-line' } as const;

const OUTCOME_CHOICES = SOCIAL_PRESCRIPTION_OUTCOMES.map((outcome) => ({ value: outcome, text: SOCIAL_PRESCRIPTION_OUTCOME_LABELS[outcome] }));

/**
 * One social prescription: the service, where it has got to, the person's words and needs, the
 * sessions, and while it is open the forms that record what happened next; its moves last.
 */
export function PrescriptionCard({ personId, prescription: p, errors, ...feedback }: CardProps) {
  const prefix = `sp-${p.id}`;
  const headingId = `${prefix}-heading`;
  const ids = cardIds(prefix);
  const forms = formsFor(p.state);
  return (
    <article className="nhsuk-card" aria-labelledby={headingId}>
      <div className="nhsuk-card__content">
        <h3 className="nhsuk-card__heading" id={headingId}>
          {p.service.name}
        </h3>
        <p className="nhsuk-u-margin-bottom-3">
          <span className="nhsuk-u-margin-right-2">{kindText(p.kind)}</span>
          <strong className={stateTagClass(p.state)}>{p.stateLabel}</strong>
        </p>
        <p>{p.words}</p>
        <SummaryList
          rows={[
            { key: 'Provided by', value: p.service.organisation },
            {
              key: 'Needs',
              value: (
                <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
                  {p.needs.map((need) => (
                    <li key={need.code}>{need.label}</li>
                  ))}
                </ul>
              ),
            },
            { key: 'What matters to them, in their words', value: <q style={KEEP_LINES}>{p.whatMatters}</q> },
            { key: 'Support offered', value: <span style={KEEP_LINES}>{p.supportOffered}</span> },
            { key: 'Consent to share their details', value: consentText(p.consent) },
            ...(p.outcomeLabel ? [{ key: 'Outcome', value: p.outcomeLabel }] : []),
            ...(p.note ? [{ key: 'Note', value: <span style={KEEP_LINES}>{p.note}</span> }] : []),
            { key: 'Made by', value: `${p.referredBy} on ${formatDateTime(p.createdAt)}` },
          ]}
        />
        <h4>Sessions</h4>
        <p>{sessionCountText(p.attendance)}</p>
        {p.attendance.length > 0 && (
          <ul>
            {p.attendance.map((session, index) => (
              <li key={`${session.on}-${index}`}>
                {sessionText(session)}
                {session.note && <span style={KEEP_LINES}>. {session.note}</span>}
              </li>
            ))}
          </ul>
        )}
        {forms.session && <SessionForm personId={personId} prescription={p} ids={ids} errors={errors} {...feedback} />}
        {forms.move && <MoveForm personId={personId} prescription={p} ids={ids} errors={errors} {...feedback} />}
        <details className="nhsuk-details nhsuk-u-margin-bottom-0">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">{historySummary(p.events.length)}</span>
          </summary>
          <div className="nhsuk-details__text">
            <ol className="nhsuk-list">
              {p.events.map((event, index) => (
                <li key={`${event.at}-${index}`}>
                  <strong>{eventText(event)}</strong>, by {event.by} on {formatDateTime(event.at)}
                  {event.note && <span style={KEEP_LINES}>: {event.note}</span>}
                </li>
              ))}
            </ol>
          </div>
        </details>
      </div>
    </article>
  );
}

interface FormProps extends Feedback {
  personId: string;
  prescription: SocialPrescriptionView;
  ids: CardIds;
  errors: FormError[];
}

/**
 * What happened next: the provider's answer, attending, or the end (with its outcome). Sent at
 * the version on screen; refused as out of date, the page shows it as it now is and the form
 * keeps what was typed, to send again once checked.
 */
function MoveForm({ personId, prescription, ids, errors, succeeded, failed }: FormProps) {
  const move = useMovePrescription(personId, prescription.id);
  const [to, setTo] = useState('');
  const next = nextSocialPrescriptionStates(prescription.state);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (move.isPending) return;
    const form = event.currentTarget;
    // The state and version as shown now, which a refused move has just read again.
    const read = readMove(new FormData(form), ids, prescription.state, prescription.version);
    if (!read.value) return failed(read.problems);
    move.mutate(read.value, {
      onSuccess: (view) => {
        form.reset();
        setTo('');
        succeeded(savedText(view));
      },
      onError: (error) => failed(problemsOf(error, moveFieldIds(ids))),
    });
  }

  return (
    <form onSubmit={submit} noValidate>
      <h4>Update where it has got to</h4>
      <ChoiceGroup
        id={ids.to}
        legend="What has happened?"
        choices={next.map((state) => ({ value: state, text: SOCIAL_PRESCRIPTION_MOVE_LABELS[state] }))}
        chosen={(next as string[]).includes(to) ? [to] : []}
        onChange={(value) => setTo(value)}
        error={errorFor(errors, ids.to)}
        revealFor={(state) => {
          const asked = outcomeAsked(state);
          return (
            asked && (
              <ChoiceGroup
                id={ids.outcome}
                legend={asked === 'required' ? 'Outcome' : 'Outcome (optional)'}
                hint="How far their needs were met"
                choices={OUTCOME_CHOICES}
                error={errorFor(errors, ids.outcome)}
              />
            )
          );
        }}
      />
      <Textarea id={ids.moveNote} label="Note about this change (optional)" rows={2} error={errorFor(errors, ids.moveNote)} />
      <button className="nhsuk-button" type="submit">
        Record change
      </button>
    </form>
  );
}

/** A session attended or missed, today unless changed; the first attended marks it as attending. */
function SessionForm({ personId, prescription, ids, errors, succeeded, failed }: FormProps) {
  const record = useRecordSession(personId, prescription.id);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (record.isPending) return;
    const form = event.currentTarget;
    const read = readSession(new FormData(form), ids, todayIso());
    if (!read.value) return failed(read.problems);
    const session = read.value;
    record.mutate(session, {
      onSuccess: (view) => {
        form.reset();
        succeeded(sessionSavedText(session, view));
      },
      onError: (error) => failed(problemsOf(error, sessionFieldIds(ids))),
    });
  }

  const dateError = dateErrorOf(errors, ids.sessionDate);
  return (
    <form onSubmit={submit} noValidate>
      <DateInput
        id={ids.sessionDate}
        legend="Date of the session"
        hint="Today or earlier. For example, 3 6 2026"
        defaultValue={dateParts(todayIso())}
        error={dateError?.message}
        errorParts={dateError?.dateParts}
      />
      <ChoiceGroup
        id={ids.attended}
        legend="Did they attend?"
        choices={[
          { value: 'yes', text: 'Attended' },
          { value: 'no', text: 'Did not attend' },
        ]}
        error={errorFor(errors, ids.attended)}
      />
      <Textarea id={ids.sessionNote} label="Note about the session (optional)" rows={2} error={errorFor(errors, ids.sessionNote)} />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Record a session
      </button>
    </form>
  );
}
