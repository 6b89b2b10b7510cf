import type { MeetingView } from '@kith/core';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { formErrors } from '../../api/form-errors';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Textarea } from '../../components/Textarea';
import type { Feedback } from '../../components/useFeedback';
import { useCancelMeeting, useMeetingStep } from './api';

interface ControlsProps extends Feedback {
  view: MeetingView;
  errors: FormError[];
}

const CANCEL_REASON_ID = 'cancel-reason';

/** Before the meeting: start it (the chair or a member), or cancel it with a reason (the chair). */
export function StartOrCancel({ view, errors, succeeded, failed }: ControlsProps) {
  const { meeting } = view;
  const step = useMeetingStep(meeting.id);
  const cancel = useCancelMeeting(meeting.id);

  function start(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step.isPending) return;
    step.mutate(
      { to: 'start', version: meeting.version },
      { onSuccess: () => succeeded('The meeting has started. Notes, actions and reviews can now be recorded.'), onError: (error) => failed(formErrors(error)) },
    );
  }

  function cancelMeeting(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (cancel.isPending) return;
    const reason = String(new FormData(event.currentTarget).get(CANCEL_REASON_ID) ?? '').trim();
    if (!reason) return failed([{ fieldId: CANCEL_REASON_ID, message: 'Say why the meeting is cancelled' }]);
    cancel.mutate(
      { reason, version: meeting.version },
      { onSuccess: () => succeeded('The meeting is cancelled.'), onError: (error) => failed(formErrors(error, { reason: CANCEL_REASON_ID })) },
    );
  }

  return (
    <>
      {meeting.nextStates.includes('in_progress') && (
        <form onSubmit={start} noValidate>
          <button className="nhsuk-button" type="submit">
            Start the meeting
          </button>
        </form>
      )}
      {meeting.youChair && meeting.nextStates.includes('cancelled') && (
        <details className="nhsuk-details">
          <summary className="nhsuk-details__summary">
            <span className="nhsuk-details__summary-text">Cancel the meeting</span>
          </summary>
          <div className="nhsuk-details__text">
            <form onSubmit={cancelMeeting} noValidate>
              <Textarea id={CANCEL_REASON_ID} label="Why is the meeting cancelled?" hint="For example, a bank holiday. Members see this." rows={2} maxLength={500} error={errorFor(errors, CANCEL_REASON_ID)} />
              <button className="nhsuk-button nhsuk-button--warning" type="submit">
                Cancel the meeting
              </button>
            </form>
          </div>
        </details>
      )}
    </>
  );
}

/**
 * Closing freezes the record, so it takes two presses: the first shows what closing does in a
 * warning callout (which takes focus), the second closes. "Keep it open" goes back.
 */
export function CloseMeeting({ view, succeeded, failed }: ControlsProps) {
  const { meeting } = view;
  const step = useMeetingStep(meeting.id);
  const [confirming, setConfirming] = useState(false);
  const callout = useRef<HTMLHeadingElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);
  useEffect(() => {
    if (confirming) callout.current?.focus();
    else if (wasConfirming.current) closeButton.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!meeting.youChair || !meeting.nextStates.includes('closed')) return null;
  const notReviewed = view.items.filter((item) => !item.reviewed).length;

  function close(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (step.isPending) return;
    step.mutate(
      { to: 'close', version: meeting.version },
      {
        onSuccess: () => succeeded('The meeting is closed and its record is frozen. The minutes are ready to print.'),
        onError: (error) => {
          setConfirming(false);
          failed(formErrors(error));
        },
      },
    );
  }

  return (
    <section aria-labelledby="close-heading">
      <h2 id="close-heading">Close the meeting</h2>
      {!confirming ? (
        <button className="nhsuk-button nhsuk-button--secondary" type="button" ref={closeButton} onClick={() => setConfirming(true)}>
          Close the meeting
        </button>
      ) : (
        <div className="nhsuk-card nhsuk-card--warning">
          <div className="nhsuk-card__content">
            <h3 className="nhsuk-card__heading kith-focus-target" tabIndex={-1} ref={callout}>
              <span className="nhsuk-u-visually-hidden">Important: </span>
              Closing freezes the record
            </h3>
            <p>
              Once closed, nothing recorded at this meeting can be changed: attendance, notes, decisions, actions and reviews. A correction or a late note is added as
              an addendum, signed and dated.
            </p>
            {notReviewed > 0 && (
              <p>
                {notReviewed === 1 ? '1 person has' : `${notReviewed} people have`} not been marked as reviewed and will be carried over to the next meeting.
              </p>
            )}
            <form onSubmit={close} noValidate className="kith-button-row">
              <button className="nhsuk-button nhsuk-button--warning" type="submit">
                Yes, close the meeting
              </button>
              <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={() => setConfirming(false)}>
                Keep it open
              </button>
            </form>
          </div>
        </div>
      )}
    </section>
  );
}
