import type { FormEvent } from 'react';
import { formErrors } from '../../api/form-errors';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Textarea } from '../../components/Textarea';
import { useAddAddendum } from './api';

interface AddendumFormProps {
  meetingId: string;
  /** The agenda item the addendum is about; absent for the meeting as a whole. */
  itemId?: string;
  about: string;
  errors: FormError[];
  failed: (errors: FormError[]) => void;
  done: (message: string) => void;
}

/** A correction or late note on a closed meeting, signed with the writer's name and dated now. */
export function AddendumForm({ meetingId, itemId, about, errors, failed, done }: AddendumFormProps) {
  const add = useAddAddendum(meetingId);
  const textId = itemId ? 'item-addendum-text' : 'meeting-addendum-text';

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const form = event.currentTarget;
    const text = String(new FormData(form).get(textId) ?? '').trim();
    if (!text) return failed([{ fieldId: textId, message: 'Write the addendum' }]);
    add.mutate(
      { text, itemId },
      {
        onSuccess: () => {
          form.reset();
          done(`Your addendum about ${about} is added, signed and dated.`);
        },
        onError: (error) => failed(formErrors(error, { text: textId, itemId: textId })),
      },
    );
  }

  return (
    <section aria-labelledby={`${textId}-heading`}>
      <h3 id={`${textId}-heading`}>Add an addendum about {about}</h3>
      <form onSubmit={submit} noValidate>
        <Textarea
          id={textId}
          label="Addendum"
          hint="The record of a closed meeting is not changed. An addendum is shown beneath it, with your name and the date and time."
          rows={3}
          maxLength={4000}
          error={errorFor(errors, textId)}
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Add the addendum
        </button>
      </form>
    </section>
  );
}
