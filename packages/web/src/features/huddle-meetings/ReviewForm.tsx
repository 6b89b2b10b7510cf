import { REVIEW_WEEKS, type MeetingReviewInput } from '@kith/core';
import type { FormEvent } from 'react';
import { formErrors } from '../../api/form-errors';
import { errorFor } from '../../components/ErrorSummary';
import { Select } from '../../components/Select';
import { TextInput } from '../../components/TextInput';
import { type StaffChoice, uniqueStaff } from '../tasks/OwnerField';
import { useReviewItem } from './api';
import type { CaptureProps } from './capture';
import { itemName, weeksText } from './labels';

/** The form the "r" shortcut sends. */
export const REVIEW_FORM_ID = 'review-form';
const WEEKS_ID = 'review-weeks';
const PRESENTER_ID = 'review-presenter';
const FIELDS = { discussAgainInWeeks: WEEKS_ID, presenterStaffId: PRESENTER_ID };

/**
 * Ends the discussion of the person: when to discuss them again (or no planned review) and who
 * presented. Sent again, it updates the review; a mark made by mistake can be undone.
 */
export function ReviewForm({ meetingId, item, errors, failed, done, staff }: CaptureProps & { staff: StaffChoice[] }) {
  const review = useReviewItem(meetingId);

  function send(input: MeetingReviewInput, message: string) {
    if (review.isPending) return;
    review.mutate({ itemId: item.id, review: input }, { onSuccess: () => done(message), onError: (error) => failed(formErrors(error, FIELDS)) });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const entered = String(data.get(WEEKS_ID) ?? '').trim();
    const weeks = entered === '' ? null : Number(entered);
    if (weeks !== null && (!Number.isInteger(weeks) || weeks < REVIEW_WEEKS.min || weeks > REVIEW_WEEKS.max)) {
      return failed([{ fieldId: WEEKS_ID, message: `Enter a whole number of weeks from ${REVIEW_WEEKS.min} to ${REVIEW_WEEKS.max}, or leave it empty for no planned review` }]);
    }
    const presenter = String(data.get(PRESENTER_ID) ?? '');
    const when = weeks === null ? 'no planned review' : `discuss again in ${weeksText(weeks)}`;
    send({ reviewed: true, discussAgainInWeeks: weeks, presenterStaffId: presenter || null }, `${itemName(item)} is marked as reviewed: ${when}.`);
  }

  function undo(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    send({ reviewed: false }, `${itemName(item)} is no longer marked as reviewed.`);
  }

  const people = uniqueStaff([...(item.presenter ? [item.presenter] : []), ...staff]);
  const presenters = [{ value: '', text: 'Not recorded' }, ...people.map((person) => ({ value: person.staffId, text: person.name }))];
  return (
    <section aria-labelledby="review-heading">
      <h3 id="review-heading">{item.reviewed ? 'Change the review' : 'Mark as reviewed'}</h3>
      <form id={REVIEW_FORM_ID} onSubmit={submit} noValidate>
        <TextInput
          id={WEEKS_ID}
          label="Discuss again in how many weeks?"
          hint={`${REVIEW_WEEKS.min} to ${REVIEW_WEEKS.max}. Leave it empty for no planned review.`}
          width={2}
          inputMode="numeric"
          autoComplete="off"
          defaultValue={item.discussAgainInWeeks ?? ''}
          error={errorFor(errors, WEEKS_ID)}
        />
        <Select id={PRESENTER_ID} label="Who presented? (optional)" options={presenters} defaultValue={item.presenter?.staffId ?? ''} error={errorFor(errors, PRESENTER_ID)} />
        <button className="nhsuk-button" type="submit">
          {item.reviewed ? 'Save the review' : 'Mark as reviewed'}
        </button>
      </form>
      {item.reviewed && (
        <form onSubmit={undo} noValidate>
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            Mark as not reviewed
          </button>
        </form>
      )}
    </section>
  );
}
