import type { FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { Loading } from '../../components/ServiceProblem';
import { Select } from '../../components/Select';
import { usePageTitle } from '../../components/usePageTitle';
import { SectionProblem } from '../people/SectionProblem';
import { useWorklist, WORKLISTS, type Worklist } from './api';
import { isListState, STATE_FILTER_OPTIONS, WORKLIST_DESCRIPTIONS, WORKLIST_TITLES } from './labels';
import { TasksTable } from './TasksTable';

const TITLE = 'Tasks';

function listOf(value: string | null): Worklist {
  return WORKLISTS.find((list) => list === value) ?? 'mine';
}

/** The address of a worklist, keeping the state chosen; the defaults are left out. */
export function worklistPath(list: Worklist, state = ''): string {
  const params = new URLSearchParams();
  if (list !== 'mine') params.set('list', list);
  if (state && state !== 'active') params.set('state', state);
  const search = params.toString();
  return `/tasks${search ? `?${search}` : ''}`;
}

/**
 * The user's worklists: their own tasks, their teams', and the overdue among both. Which list
 * and which state live in the URL; the state filter applies when the form is sent (WCAG 3.2.2).
 */
export function TasksPage() {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const list = listOf(params.get('list'));
  const stateParam = params.get('state');
  const state = isListState(stateParam) ? stateParam : 'active';
  const tasks = useWorklist(list, state === 'active' ? '' : state);
  const title = WORKLIST_TITLES[list];
  usePageTitle(`${title} – ${TITLE}`);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void navigate(worklistPath(list, String(new FormData(event.currentTarget).get('state') ?? '')));
  }

  return (
    <>
      <h1>{TITLE}</h1>
      <nav className="nhsuk-contents-list" aria-label="Task lists">
        <h2 className="nhsuk-u-visually-hidden">Task lists</h2>
        <ol className="nhsuk-contents-list__list">
          {WORKLISTS.map((each) =>
            each === list ? (
              <li className="nhsuk-contents-list__item" aria-current="page" key={each}>
                <span className="nhsuk-contents-list__current">{WORKLIST_TITLES[each]}</span>
              </li>
            ) : (
              <li className="nhsuk-contents-list__item" key={each}>
                <Link className="nhsuk-contents-list__link" to={worklistPath(each, state)}>
                  {WORKLIST_TITLES[each]}
                </Link>
              </li>
            ),
          )}
        </ol>
      </nav>
      <h2>{title}</h2>
      <p>{WORKLIST_DESCRIPTIONS[list]}</p>
      <form onSubmit={submit} noValidate role="search" aria-label={`Filter ${title.toLowerCase()}`}>
        <Select key={`${list}-${state}`} id="state" label="State" options={STATE_FILTER_OPTIONS} defaultValue={state} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Filter tasks
        </button>
      </form>
      {tasks.isPending && <Loading what="tasks" />}
      {tasks.isError && <SectionProblem error={tasks.error} />}
      {tasks.data && (
        <>
          <h3 aria-live="polite">{tasks.data.tasks.length === 1 ? '1 task' : `${tasks.data.tasks.length} tasks`}</h3>
          {tasks.data.notShown > 0 && (
            <div className="nhsuk-inset-text">
              <span className="nhsuk-u-visually-hidden">Information: </span>
              <p>
                {tasks.data.notShown === 1
                  ? '1 task is for a person whose record you cannot open at present.'
                  : `${tasks.data.notShown} tasks are for people whose records you cannot open at present.`}
              </p>
            </div>
          )}
          {tasks.data.tasks.length > 0 ? (
            <TasksTable caption={title} tasks={tasks.data.tasks} />
          ) : (
            <p>No tasks match this filter.</p>
          )}
        </>
      )}
    </>
  );
}
