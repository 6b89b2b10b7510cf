import type { FormEvent } from 'react';
import { formErrors } from '../../api/form-errors';
import { errorFor } from '../../components/ErrorSummary';
import { Radios } from '../../components/Radios';
import { Textarea } from '../../components/Textarea';
import { useAddNote } from './api';
import type { CaptureProps } from './capture';
import { itemName } from './labels';

export const NOTE_TEXT_ID = 'note-text';
const KIND_ID = 'note-kind';
const KIND_OPTIONS = [
  { value: 'note', text: 'Note' },
  { value: 'decision', text: 'Decision' },
];

/** A note or a decision about the person, recorded as the room talks. */
export function NoteForm({ meetingId, item, errors, failed, done }: CaptureProps) {
  const add = useAddNote(meetingId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const kind = data.get('kind') === 'decision' ? 'decision' : 'note';
    const text = String(data.get(NOTE_TEXT_ID) ?? '').trim();
    if (!text) return failed([{ fieldId: NOTE_TEXT_ID, message: kind === 'decision' ? 'Write the decision' : 'Write the note' }]);
    add.mutate(
      { itemId: item.id, kind, text },
      {
        onSuccess: () => {
          form.reset();
          done(`${kind === 'decision' ? 'Decision' : 'Note'} recorded for ${itemName(item)}.`);
        },
        onError: (error) => failed(formErrors(error, { kind: KIND_ID, text: NOTE_TEXT_ID })),
      },
    );
  }

  return (
    <section aria-labelledby="note-heading">
      <h3 id="note-heading">Add a note or decision</h3>
      <form onSubmit={submit} noValidate>
        <Radios id={KIND_ID} name="kind" legend="Is it a note or a decision?" options={KIND_OPTIONS} defaultValue="note" inline error={errorFor(errors, KIND_ID)} />
        <Textarea id={NOTE_TEXT_ID} label="What was said or decided?" hint="Huddle notes are confidential to the care team" rows={4} maxLength={4000} error={errorFor(errors, NOTE_TEXT_ID)} />
        <button className="nhsuk-button" type="submit">
          Add to the record
        </button>
      </form>
    </section>
  );
}
