import type { TaskCreateInput } from '@kith/core';
import type { FormEvent } from 'react';
import { formErrors } from '../../api/form-errors';
import { DateInput } from '../../components/DateInput';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Radios } from '../../components/Radios';
import { Textarea } from '../../components/Textarea';
import { TextInput } from '../../components/TextInput';
import type { Feedback } from '../../components/useFeedback';
import type { Staff } from '../auth/session';
import { useCreateTask } from './api';
import { dateErrorOf, readTaskFields, taskFieldIds } from './due-date';
import { ownerValue, PRIORITY_OPTIONS } from './labels';
import { OwnerFinder, OwnerSelect, useStaffFinder } from './OwnerField';

const PREFIX = 'task';
const FIELDS = taskFieldIds(PREFIX);
const ID = {
  title: FIELDS.title!,
  detail: FIELDS.detail!,
  owner: FIELDS.owner!,
  due: `${PREFIX}-due`,
  priority: FIELDS.priority!,
  finder: `${PREFIX}-owner-name`,
};

interface AddTaskFormProps extends Feedback {
  personId: string;
  personName: string;
  me: Staff;
  errors: FormError[];
}

/** A task for this person: what needs doing, who owns it (the user unless they choose otherwise), by when, how urgent. */
export function AddTaskForm({ personId, personName, me, errors, succeeded, failed }: AddTaskFormProps) {
  const create = useCreateTask(personId);
  const finder = useStaffFinder();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (create.isPending) return;
    const form = event.currentTarget;
    const data = new FormData(form);
    const read = readTaskFields(data, ID, 'task');
    if (!read.fields) return failed(read.problems);
    const detail = String(data.get(ID.detail) ?? '').trim();
    const input: TaskCreateInput = { personId, ...read.fields, detail: detail || undefined };
    create.mutate(input, {
      onSuccess: (task) => {
        form.reset();
        succeeded(`The task “${task.title}” is added for ${personName}, owned by ${task.owner.name}.`);
      },
      onError: (error) => failed(formErrors(error, FIELDS)),
    });
  }

  const dueError = dateErrorOf(errors, ID.due);
  return (
    <section aria-labelledby="add-task-heading">
      <h3 id="add-task-heading">Add a task</h3>
      <OwnerFinder
        id={ID.finder}
        finder={finder}
        error={errorFor(errors, ID.finder)}
        onMissingName={() => failed([{ fieldId: ID.finder, message: 'Enter all or part of the name of the member of staff' }])}
      />
      <form onSubmit={submit} noValidate>
        <TextInput id={ID.title} label="What needs doing?" hint="For example, Arrange a falls clinic appointment" maxLength={200} autoComplete="off" error={errorFor(errors, ID.title)} />
        <Textarea id={ID.detail} label="More detail (optional)" rows={3} error={errorFor(errors, ID.detail)} />
        <OwnerSelect
          id={ID.owner}
          hint="A member of staff, or a team: everyone in the network who holds the role"
          staff={[{ staffId: me.id, name: me.name, note: 'you' }, ...finder.choices]}
          defaultValue={ownerValue({ kind: 'staff', staffId: me.id })}
          error={errorFor(errors, ID.owner)}
        />
        <DateInput id={ID.due} legend="Due date" hint="For example, 15 3 2027" defaultValue={{ day: '', month: '', year: '' }} error={dueError?.message} errorParts={dueError?.dateParts} />
        <Radios id={ID.priority} name="priority" legend="Priority" options={PRIORITY_OPTIONS} defaultValue="normal" inline error={errorFor(errors, ID.priority)} />
        <button className="nhsuk-button" type="submit">
          Add task
        </button>
      </form>
    </section>
  );
}
