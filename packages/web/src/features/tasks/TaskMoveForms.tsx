import { TASK_MOVE_LABELS, TASK_STATE_LABELS, type TaskDetail, type TaskMove, type TaskState } from '@kith/core';
import type { FormEvent } from 'react';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Textarea } from '../../components/Textarea';
import type { Feedback } from '../../components/useFeedback';
import { useMoveTask } from './api';
import { useTaskProblems } from './conflict';

interface MoveFormsProps extends Feedback {
  task: TaskDetail;
  errors: FormError[];
}

/** Moves that need a reason (the record of a decision changes); the others are one button each. */
const NEEDS_REASON: readonly TaskState[] = ['cancelled', 'open'];

const BUTTON: Record<TaskState, string> = { ...TASK_MOVE_LABELS, cancelled: 'Cancel the task', open: 'Reopen the task' };

const QUESTION: Partial<Record<TaskState, string>> = {
  cancelled: 'Why is the task cancelled?',
  open: 'Why is the task reopened?',
};

const reasonId = (to: TaskState) => `${to}-reason`;

/** One form for each state the task may move to next, at the version read. */
export function TaskMoveForms({ task, errors, succeeded, failed }: MoveFormsProps) {
  const move = useMoveTask(task.id);
  const problemsOf = useTaskProblems(task.id);

  function submit(to: TaskState, event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (move.isPending) return;
    const reason = String(new FormData(event.currentTarget).get('reason') ?? '').trim() || undefined;
    if (NEEDS_REASON.includes(to) && !reason) {
      return failed([{ fieldId: reasonId(to), message: to === 'open' ? 'Say why the task is reopened' : 'Say why the task is cancelled' }]);
    }
    const input: TaskMove = { to, version: task.version, reason };
    move.mutate(input, {
      onSuccess: (updated) => succeeded(`The task is now ${TASK_STATE_LABELS[updated.state].toLowerCase()}.`),
      onError: async (error) => failed(await problemsOf(error, input.version, { reason: reasonId(to), to: reasonId(to) })),
    });
  }

  const quick = task.nextStates.filter((to) => !NEEDS_REASON.includes(to));
  const reasoned = task.nextStates.filter((to) => NEEDS_REASON.includes(to));
  return (
    <>
      {quick.length > 0 && (
        <div className="kith-button-row">
          {quick.map((to) => (
            <form key={to} onSubmit={(event) => submit(to, event)} noValidate>
              <button className="nhsuk-button" type="submit">
                {BUTTON[to]}
              </button>
            </form>
          ))}
        </div>
      )}
      {reasoned.map((to) => (
        <section key={to} aria-labelledby={`move-${to}`}>
          <h3 id={`move-${to}`}>{BUTTON[to]}</h3>
          <form onSubmit={(event) => submit(to, event)} noValidate>
            <Textarea id={reasonId(to)} name="reason" label={QUESTION[to] ?? 'Reason'} hint="This is kept on the task's trail" rows={2} error={errorFor(errors, reasonId(to))} />
            <button className="nhsuk-button nhsuk-button--secondary" type="submit">
              {BUTTON[to]}
            </button>
          </form>
        </section>
      ))}
    </>
  );
}
