import { ACTIVE_TASK_STATES, type TaskDetail } from '@kith/core';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/client';
import { BackLink } from '../../components/BackLink';
import { ErrorSummary } from '../../components/ErrorSummary';
import { SuccessBanner } from '../../components/NotificationBanner';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { Loading } from '../../components/ServiceProblem';
import { SummaryList } from '../../components/SummaryList';
import { useFeedback } from '../../components/useFeedback';
import { usePageTitle } from '../../components/usePageTitle';
import { formatDate, formatDateTime, formatNhsNumber } from '../../format';
import { useSession } from '../auth/session';
import { SectionProblem } from '../people/SectionProblem';
import { useTask } from './api';
import { dueText, eventText, priorityText, stateText } from './labels';
import { TaskCommentForm } from './TaskCommentForm';
import { TaskEditForm } from './TaskEditForm';
import { TaskMoveForms } from './TaskMoveForms';

/** One task: what it is, where it has got to, the moves open to it, a change at the version read, comments and its trail. */
export function TaskPage() {
  const { id = '' } = useParams();
  const task = useTask(id);
  const me = useSession().data?.staff ?? undefined;
  const { notice, errors, ...feedback } = useFeedback();
  const notFound = isApiError(task.error, 404) || isApiError(task.error, 400);
  usePageTitle(task.data ? `Task – ${task.data.title}` : notFound ? 'Task not found' : 'Task', errors.length > 0);
  const active = task.data && (ACTIVE_TASK_STATES as readonly string[]).includes(task.data.state);
  return (
    <>
      <BackLink to="/tasks">Back to tasks</BackLink>
      {notice && <SuccessBanner key={notice.at} message={notice.message} />}
      <ErrorSummary errors={errors} />
      {task.isPending && <Loading what="task" />}
      {task.isError && (
        <>
          <h1>{notFound ? 'Task not found' : 'Task'}</h1>
          <SectionProblem error={task.error} />
        </>
      )}
      {task.data && (
        <>
          <h1>
            <span className="nhsuk-caption-l">{task.data.person ? `Task for ${task.data.person.name}` : 'Task'}</span>
            {task.data.title}
          </h1>
          <Details task={task.data} />
          {task.data.nextStates.length > 0 && (
            <section aria-labelledby="next-heading">
              <h2 id="next-heading">What happens next</h2>
              <TaskMoveForms task={task.data} errors={errors} {...feedback} />
            </section>
          )}
          {active && <TaskEditForm key={task.data.version} task={task.data} me={me} errors={errors} {...feedback} />}
          <TaskCommentForm task={task.data} errors={errors} {...feedback} />
          <Trail task={task.data} />
        </>
      )}
    </>
  );
}

function Details({ task }: { task: TaskDetail }) {
  const meeting = task.meetingId
    ? `/huddles/meetings/${encodeURIComponent(task.meetingId)}${task.agendaItemId ? `?item=${encodeURIComponent(task.agendaItemId)}` : ''}`
    : undefined;
  return (
    <SummaryList
      rows={[
        {
          key: 'Person',
          value:
            task.person && task.personId ? (
              <>
                <Link to={`/people/${encodeURIComponent(task.personId)}`}>{task.person.name}</Link> (NHS number {formatNhsNumber(task.person.nhsNumber)})
              </>
            ) : (
              'Not for one person'
            ),
        },
        { key: 'State', value: stateText(task) },
        { key: 'Owner', value: task.owner.name },
        { key: 'Due', value: task.overdue ? <strong>{dueText(task)}</strong> : dueText(task) },
        ...(task.firstDueOn !== task.dueOn ? [{ key: 'First due', value: formatDate(task.firstDueOn) }] : []),
        { key: 'Priority', value: priorityText(task) },
        ...(task.detail ? [{ key: 'Detail', value: task.detail }] : []),
        { key: 'Network', value: task.networkName },
        ...(meeting ? [{ key: 'Agreed at', value: <Link to={meeting}>Open the huddle meeting it came from</Link> }] : []),
        { key: 'Created', value: `${formatDateTime(task.createdAt)} by ${task.createdBy.name}` },
        ...(task.completedOn ? [{ key: 'Done on', value: formatDate(task.completedOn) }] : []),
        ...(task.cancelledReason ? [{ key: 'Why it was cancelled', value: task.cancelledReason }] : []),
      ]}
    />
  );
}

function Trail({ task }: { task: TaskDetail }) {
  const columns = ['When', 'What happened', 'Who', 'Detail'] as const;
  return (
    <section aria-labelledby="trail-heading">
      <h2 id="trail-heading">What has happened</h2>
      <ResponsiveTable caption="The trail of this task" columns={columns}>
        {task.events.map((event, index) => (
          <TableRow key={index}>
            <TableCell column="When">{formatDateTime(event.at)}</TableCell>
            <TableCell column="What happened">{eventText(event)}</TableCell>
            <TableCell column="Who">{event.staffName}</TableCell>
            <TableCell column="Detail">{event.text ?? ''}</TableCell>
          </TableRow>
        ))}
      </ResponsiveTable>
    </section>
  );
}
