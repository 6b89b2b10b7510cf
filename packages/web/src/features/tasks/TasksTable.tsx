import type { TaskView } from '@kith/core';
import { Link } from 'react-router';
import { ResponsiveTable, TableCell, TableRow } from '../../components/ResponsiveTable';
import { formatNhsNumber } from '../../format';
import { dueText, priorityText, stateText } from './labels';

const COLUMNS = ['Person', 'Task', 'Owner', 'Due', 'Priority', 'State'] as const;

/**
 * Tasks as a table: the person links to their record and the title to the task. The person
 * column is left out where the page is already about one person.
 */
export function TasksTable({ caption, tasks, showPerson = true }: { caption: string; tasks: TaskView[]; showPerson?: boolean }) {
  const columns = showPerson ? COLUMNS : COLUMNS.filter((column) => column !== 'Person');
  return (
    <ResponsiveTable caption={caption} columns={columns}>
      {tasks.map((task) => (
        <TableRow key={task.id}>
          {showPerson && (
            <TableCell column="Person">
              {task.person && task.personId ? (
                <>
                  <Link to={`/people/${encodeURIComponent(task.personId)}`}>{task.person.name}</Link>{' '}
                  <span className="nhsuk-u-secondary-text-colour kith-nowrap">NHS number {formatNhsNumber(task.person.nhsNumber)}</span>
                </>
              ) : (
                'Not for one person'
              )}
            </TableCell>
          )}
          <TableCell column="Task">
            <Link to={`/tasks/${encodeURIComponent(task.id)}`}>{task.title}</Link>
          </TableCell>
          <TableCell column="Owner">{task.owner.name}</TableCell>
          <TableCell column="Due">{task.overdue ? <strong>{dueText(task)}</strong> : dueText(task)}</TableCell>
          <TableCell column="Priority">
            {task.priority === 'urgent' || task.priority === 'high' ? <strong>{priorityText(task)}</strong> : priorityText(task)}
          </TableCell>
          <TableCell column="State">
            <strong className="nhsuk-tag nhsuk-tag--white">{stateText(task)}</strong>
          </TableCell>
        </TableRow>
      ))}
    </ResponsiveTable>
  );
}
