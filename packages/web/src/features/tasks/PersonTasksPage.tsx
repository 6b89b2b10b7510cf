import { SuccessBanner } from '../../components/NotificationBanner';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Loading } from '../../components/ServiceProblem';
import { useFeedback } from '../../components/useFeedback';
import { usePageTitle } from '../../components/usePageTitle';
import { useSession } from '../auth/session';
import { fullName } from '../people/labels';
import { sectionTitle, usePersonId, usePersonOutlet } from '../people/record';
import { SectionProblem } from '../people/SectionProblem';
import { mayAddTask } from './access';
import { AddTaskForm } from './AddTaskForm';
import { usePersonTasks } from './api';
import { TasksTable } from './TasksTable';

/** The person's tasks in every state, soonest due first, and a form to add one. */
export function PersonTasksPage() {
  const id = usePersonId();
  const { person } = usePersonOutlet();
  const tasks = usePersonTasks(id);
  const staff = useSession().data?.staff;
  const { notice, errors, ...feedback } = useFeedback();
  const name = fullName(person);
  usePageTitle(sectionTitle('tasks', name), errors.length > 0);
  return (
    <section aria-labelledby="tasks-heading">
      {notice && <SuccessBanner key={notice.at} message={notice.message} />}
      <ErrorSummary errors={errors} />
      <h2 id="tasks-heading">Tasks</h2>
      {tasks.isPending && <Loading what="tasks" />}
      {tasks.isError && <SectionProblem error={tasks.error} />}
      {tasks.data &&
        (tasks.data.tasks.length > 0 ? (
          <TasksTable caption={`Tasks for ${name}`} tasks={tasks.data.tasks} showPerson={false} />
        ) : (
          <p>There are no tasks for {name}.</p>
        ))}
      {tasks.data && staff && mayAddTask(staff) && (
        person.practice?.network ? (
          <AddTaskForm personId={id} personName={name} me={staff} errors={errors} {...feedback} />
        ) : (
          <p>{name} has no registered practice, so there is no network to give a task to.</p>
        )
      )}
    </section>
  );
}
