import { REFERRAL_MOVE_LABELS, REFERRAL_STATE_LABELS, type ReferralDetail, type ReferralMove, type ReferralState } from '@kith/core';
import type { FormEvent } from 'react';
import { isApiError } from '../../api/client';
import { formErrors } from '../../api/form-errors';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Radios } from '../../components/Radios';
import { Textarea } from '../../components/Textarea';
import type { Feedback } from '../../components/useFeedback';
import { useFirstContact, useMoveReferral } from './api';
import { OUTCOME_OPTIONS } from './labels';

interface FormsProps extends Feedback {
  referral: ReferralDetail;
  errors: FormError[];
}

const fieldsOf = (to: ReferralState) => ({ declineReason: 'decline-reason', outcome: 'close-outcome', note: `${to}-note` });

/** Someone else moved the referral first (409): their words, and the page shows the referral as it is now. */
function problemsOf(error: unknown, fields: Record<string, string>): FormError[] {
  if (isApiError(error, 409)) return [{ message: error.problem.detail ?? error.problem.title }];
  return formErrors(error, fields);
}

/** One form for each move the referral may make next, and first contact while it is open and not yet made. */
export function MoveForms({ referral, errors, succeeded, failed }: FormsProps) {
  const move = useMoveReferral(referral.id);
  const contact = useFirstContact(referral.id);

  function submitMove(to: ReferralState, event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (move.isPending) return;
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? '').trim() || undefined;
    const fields = fieldsOf(to);
    const input: ReferralMove = { to, version: referral.version, note: text('note') };
    if (to === 'declined') {
      input.declineReason = text('declineReason');
      if (!input.declineReason) return failed([{ fieldId: fields.declineReason, message: 'Say why the referral is declined' }]);
    }
    if (to === 'closed') {
      input.outcome = text('outcome') as ReferralMove['outcome'];
      if (!input.outcome) return failed([{ fieldId: fields.outcome, message: 'Choose an outcome' }]);
    }
    move.mutate(input, {
      onSuccess: (updated) => succeeded(`The referral is now ${REFERRAL_STATE_LABELS[updated.status].toLowerCase()}.`),
      onError: (error) => failed(problemsOf(error, fields)),
    });
  }

  function submitContact(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (contact.isPending) return;
    const note = String(new FormData(event.currentTarget).get('note') ?? '').trim() || undefined;
    contact.mutate(
      { version: referral.version, note },
      {
        onSuccess: () => succeeded('First contact is recorded.'),
        onError: (error) => failed(problemsOf(error, { note: 'contact-note' })),
      },
    );
  }

  const open = ['received', 'triaged', 'accepted', 'active'].includes(referral.status);
  return (
    <>
      {referral.nextStates.map((to) => {
        const fields = fieldsOf(to);
        return (
          <section key={to} aria-labelledby={`move-${to}`}>
            <h3 id={`move-${to}`}>{REFERRAL_MOVE_LABELS[to]}</h3>
            <form onSubmit={(event) => submitMove(to, event)} noValidate>
              {to === 'declined' && (
                <Textarea
                  id={fields.declineReason}
                  name="declineReason"
                  label="Why is the referral declined?"
                  hint="The referrer sees this"
                  rows={3}
                  error={errorFor(errors, fields.declineReason)}
                />
              )}
              {to === 'closed' && (
                <Radios id={fields.outcome} name="outcome" legend="What was the outcome?" options={OUTCOME_OPTIONS} error={errorFor(errors, fields.outcome)} />
              )}
              {to !== 'declined' && (
                <Textarea id={fields.note} name="note" label="Note (optional)" rows={2} error={errorFor(errors, fields.note)} />
              )}
              <button className={to === 'declined' ? 'nhsuk-button nhsuk-button--secondary' : 'nhsuk-button'} type="submit">
                {REFERRAL_MOVE_LABELS[to]}
              </button>
            </form>
          </section>
        );
      })}
      {open && !referral.firstContactAt && (
        <section aria-labelledby="first-contact">
          <h3 id="first-contact">Record first contact</h3>
          <form onSubmit={submitContact} noValidate>
            <Textarea id="contact-note" name="note" label="How was the person contacted? (optional)" rows={2} error={errorFor(errors, 'contact-note')} />
            <button className="nhsuk-button nhsuk-button--secondary" type="submit">
              Record first contact now
            </button>
          </form>
        </section>
      )}
    </>
  );
}
