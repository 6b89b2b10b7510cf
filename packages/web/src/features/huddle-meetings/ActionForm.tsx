import type { MeetingActionInput } from '@kith/core';
import type { FormEvent } from 'react';
import { formErrors } from '../../api/form-errors';
import { DateInput } from '../../components/DateInput';
import { errorFor } from '../../components/ErrorSummary';
import { Radios } from '../../components/Radios';
import { TextInput } from '../../components/TextInput';
import { dateErrorOf, readTaskFields, taskFieldIds } from '../tasks/due-date';
import { ownerValue, PRIORITY_OPTIONS } from '../tasks/labels';
import { OwnerSelect, type StaffChoice } from '../tasks/OwnerField';
import { useAddAction } from './api';
import type { CaptureProps } from './capture';
import { itemName } from './labels';

const FIELDS = taskFieldIds('action');
/** The first question of the form, which the "a" shortcut focuses. */
export const ACTION_TITLE_ID = FIELDS.title!;
const ID = { title: ACTION_TITLE_ID, owner: FIELDS.owner!, due: 'action-due', priority: FIELDS.priority! };

/** An action agreed for the person: a task from this meeting, with an owner, a due date and a priority. */
export function ActionForm({ meetingId, item, errors, failed, done, staff }: CaptureProps & { staff: StaffChoice[] }) {
  const add = useAddAction(meetingId);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (add.isPending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const read = readTaskFields(data, ID, 'action');
    if (!read.fields) return failed(read.problems);
    const action: MeetingActionInput = read.fields;
    add.mutate(
      { itemId: item.id, action },
      {
        onSuccess: (task) => {
          form.reset();
          done(`Action “${task.title}” agreed for ${itemName(item)}, owned by ${task.owner.name}.`);
        },
        onError: (error) => failed(formErrors(error, FIELDS)),
      },
    );
  }

  const dueError = dateErrorOf(errors, ID.due);
  return (
    <section aria-labelledby="action-heading">
      <h3 id="action-heading">Add an action</h3>
      <form onSubmit={submit} noValidate>
        <TextInput id={ID.title} label="What needs doing?" hint="For example, Refer to the falls clinic" maxLength={200} autoComplete="off" error={errorFor(errors, ID.title)} />
        <OwnerSelect
          id={ID.owner}
          hint="A member of staff, or a team: everyone in the network who holds the role"
          staff={staff}
          defaultValue={staff[0] ? ownerValue({ kind: 'staff', staffId: staff[0].staffId }) : ''}
          error={errorFor(errors, ID.owner)}
        />
        <DateInput id={ID.due} legend="Due date" hint="For example, 15 3 2027" defaultValue={{ day: '', month: '', year: '' }} error={dueError?.message} errorParts={dueError?.dateParts} />
        <Radios id={ID.priority} name="priority" legend="Priority" options={PRIORITY_OPTIONS} defaultValue="normal" inline error={errorFor(errors, ID.priority)} />
        <button className="nhsuk-button" type="submit">
          Add the action
        </button>
      </form>
    </section>
  );
}
