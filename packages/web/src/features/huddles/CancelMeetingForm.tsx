import type { HuddleCalendarMeeting } from '@kith/core';
import type { FormEvent } from 'react';
import { formErrors } from '../../api/form-errors';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Select } from '../../components/Select';
import { Textarea } from '../../components/Textarea';
import type { Feedback } from '../../components/useFeedback';
import { formatDate } from '../../format';
import { whenText } from '../huddle-meetings/labels';
import { useCancelMeetingOn } from './api';

const DATE_ID = 'cancel-date';
const REASON_ID = 'cancel-reason';

interface CancelProps extends Feedback {
  seriesId: string;
  /** The meetings still to come that may be cancelled. */
  meetings: HuddleCalendarMeeting[];
  errors: FormError[];
}

/** The chair cancels one meeting, a bank holiday say, with a reason the members see on the calendar. */
export function CancelMeetingForm({ seriesId, meetings, errors, succeeded, failed }: CancelProps) {
  const cancel = useCancelMeetingOn(seriesId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (cancel.isPending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const date = String(data.get(DATE_ID) ?? '');
    const reason = String(data.get(REASON_ID) ?? '').trim();
    const problems: FormError[] = [];
    if (!date) problems.push({ fieldId: DATE_ID, message: 'Choose the meeting to cancel' });
    if (!reason) problems.push({ fieldId: REASON_ID, message: 'Say why the meeting is cancelled' });
    if (problems.length > 0) return failed(problems);
    cancel.mutate(
      { date, reason },
      {
        onSuccess: () => {
          form.reset();
          succeeded(`The meeting on ${formatDate(date)} is cancelled.`);
        },
        onError: (error) => failed(formErrors(error, { date: DATE_ID, reason: REASON_ID })),
      },
    );
  }

  if (meetings.length === 0) return null;
  return (
    <section aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">Cancel a meeting</h2>
      <form onSubmit={submit} noValidate>
        <Select
          id={DATE_ID}
          label="Which meeting?"
          options={[{ value: '', text: 'Choose a meeting' }, ...meetings.map((meeting) => ({ value: meeting.date, text: whenText(meeting) }))]}
          defaultValue=""
          error={errorFor(errors, DATE_ID)}
        />
        <Textarea id={REASON_ID} label="Why is it cancelled?" hint="For example, a bank holiday. Members see this on the calendar." rows={2} maxLength={500} error={errorFor(errors, REASON_ID)} />
        <button className="nhsuk-button nhsuk-button--warning" type="submit">
          Cancel the meeting
        </button>
      </form>
    </section>
  );
}
