import type { TaskDetail } from '@kith/core';
import type { FormEvent } from 'react';
import { errorFor, type FormError } from '../../components/ErrorSummary';
import { Textarea } from '../../components/Textarea';
import type { Feedback } from '../../components/useFeedback';
import { useCommentOnTask } from './api';
import { useTaskProblems } from './conflict';

const COMMENT_ID = 'comment-text';

/** A comment on the trail; it leaves the task's version as it was, so no one's open edit goes stale. */
export function TaskCommentForm({ task, errors, succeeded, failed }: Feedback & { task: TaskDetail; errors: FormError[] }) {
  const comment = useCommentOnTask(task.id);
  const problemsOf = useTaskProblems(task.id);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (comment.isPending) return;
    const form = event.currentTarget;
    const text = String(new FormData(form).get(COMMENT_ID) ?? '').trim();
    if (!text) return failed([{ fieldId: COMMENT_ID, message: 'Write a comment' }]);
    comment.mutate(
      { text },
      {
        onSuccess: () => {
          form.reset();
          succeeded('Your comment is added to the task.');
        },
        onError: async (error) => failed(await problemsOf(error, task.version, { text: COMMENT_ID })),
      },
    );
  }

  return (
    <section aria-labelledby="comment-heading">
      <h2 id="comment-heading">Add a comment</h2>
      <form onSubmit={submit} noValidate>
        <Textarea id={COMMENT_ID} label="Comment" hint="Progress, or what is getting in the way. Everyone who can see the task can read it." rows={3} maxLength={2000} error={errorFor(errors, COMMENT_ID)} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Add comment
        </button>
      </form>
    </section>
  );
}
