import type { TaskDetail, TaskEdit, TaskPriority } from '@kith/core';
import type { FormEvent } from 'react';
import { DateInput } from '../../components/DateInput';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Radios } from '../../components/Radios';
import { TextInput } from '../../components/TextInput';
import type { Feedback } from '../../components/useFeedback';
import { todayIso } from '../../format';
import type { Staff } from '../auth/session';
import { partsOfDate } from '../people/search-criteria';
import { useEditTask } from './api';
import { useTaskProblems } from './conflict';
import { dateErrorOf, dueDateOf, taskFieldIds } from './due-date';
import { ownerOf, ownerValue, PRIORITY_OPTIONS } from './labels';
import { OwnerFinder, OwnerSelect, type StaffChoice, useStaffFinder } from './OwnerField';

const PREFIX = 'edit';
const FIELDS = taskFieldIds(PREFIX);
const ID = { title: FIELDS.title!, owner: FIELDS.owner!, due: `${PREFIX}-due`, priority: FIELDS.priority!, finder: `${PREFIX}-owner-name` };

interface EditFormProps extends Feedback {
  task: TaskDetail;
  me: Staff | undefined;
  errors: FormError[];
}

/**
 * Title, due date, priority and owner, sent at the version read with only what changed. The
 * page remounts it at each new version, so after someone else's change (409) it shows theirs.
 */
export function TaskEditForm({ task, me, errors, succeeded, failed }: EditFormProps) {
  const edit = useEditTask(task.id);
  const finder = useStaffFinder();
  const problemsOf = useTaskProblems(task.id);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (edit.isPending) return;
    const data = new FormData(event.currentTarget);
    const text = (name: string) => String(data.get(name) ?? '').trim();
    const { change, problems } = changeOf(task, text, data);
    if (problems.length > 0) return failed(problems);
    if (Object.keys(change).length === 0) return failed([{ fieldId: ID.title, message: 'Change the title, due date, priority or owner, or leave the task as it is' }]);
    const input: TaskEdit = { version: task.version, ...change };
    edit.mutate(input, {
      onSuccess: () => succeeded('Your changes to the task are saved.'),
      onError: async (error) => failed(await problemsOf(error, input.version, FIELDS)),
    });
  }

  const staff: StaffChoice[] = [
    ...(task.owner.kind === 'staff' ? [{ staffId: task.owner.staffId, name: task.owner.name, note: 'owner now' }] : []),
    ...(me ? [{ staffId: me.id, name: me.name, note: 'you' }] : []),
    ...finder.choices,
  ];
  const dueError = dateErrorOf(errors, ID.due);
  return (
    <section aria-labelledby="edit-heading">
      <h2 id="edit-heading">Change the task</h2>
      <OwnerFinder
        id={ID.finder}
        finder={finder}
        error={errorFor(errors, ID.finder)}
        onMissingName={() => failed([{ fieldId: ID.finder, message: 'Enter all or part of the name of the member of staff' }])}
      />
      <form onSubmit={submit} noValidate>
        <TextInput id={ID.title} label="What needs doing?" maxLength={200} autoComplete="off" defaultValue={task.title} error={errorFor(errors, ID.title)} />
        <OwnerSelect id={ID.owner} staff={staff} defaultValue={ownerValue(task.owner)} error={errorFor(errors, ID.owner)} />
        <DateInput id={ID.due} legend="Due date" hint="For example, 15 3 2027" defaultValue={partsOfDate(task.dueOn)} error={dueError?.message} errorParts={dueError?.dateParts} />
        <Radios id={ID.priority} name="priority" legend="Priority" options={PRIORITY_OPTIONS} defaultValue={task.priority} inline error={errorFor(errors, ID.priority)} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Save changes
        </button>
      </form>
    </section>
  );
}

/** Only the fields that differ from the task as read; an unchanged due date is not checked again. */
function changeOf(task: TaskDetail, text: (name: string) => string, data: FormData): { change: Omit<TaskEdit, 'version'>; problems: FormError[] } {
  const change: Omit<TaskEdit, 'version'> = {};
  const problems: FormError[] = [];
  const title = text(ID.title);
  if (!title) problems.push({ fieldId: ID.title, message: 'Say what needs doing' });
  else if (title !== task.title) change.title = title;
  const owner = ownerOf(text(ID.owner));
  if (!owner) problems.push({ fieldId: ID.owner, message: 'Choose who owns the task' });
  else if (ownerValue(owner) !== ownerValue(task.owner)) change.owner = owner;
  const sameDay = partsOfDate(task.dueOn);
  const unchanged = (['day', 'month', 'year'] as const).every((part) => Number(text(`${ID.due}-${part}`)) === Number(sameDay[part]));
  if (!unchanged) {
    const due = dueDateOf(data, ID.due, todayIso());
    if (due.error) problems.push(due.error);
    else if (due.date && due.date !== task.dueOn) change.dueOn = due.date;
  }
  const priority = text('priority') as TaskPriority;
  if (priority && priority !== task.priority) change.priority = priority;
  return { change, problems };
}
