import {
  TASK_PRIORITIES,
  TASK_PRIORITY_LABELS,
  TASK_STATE_LABELS,
  TASK_STATES,
  TASK_TEAM_ROLES,
  teamOwnerName,
  type TaskEvent,
  type TaskListState,
  type TaskOwner,
  type TaskOwnerView,
  type TaskView,
} from '@kith/core';
import type { RadioOption } from '../../components/Radios';
import type { SelectOption } from '../../components/Select';
import { formatDate } from '../../format';
import type { Worklist } from './api';

export const WORKLIST_TITLES: Record<Worklist, string> = {
  mine: 'My tasks',
  team: "My team's tasks",
  overdue: 'Overdue',
};

export const WORKLIST_DESCRIPTIONS: Record<Worklist, string> = {
  mine: 'Tasks you own, soonest due first.',
  team: 'Tasks owned by a team whose role you hold, in the networks you belong to.',
  overdue: 'Your tasks and your teams’ tasks still to do after their due date.',
};

export const STATE_FILTER_OPTIONS: SelectOption[] = [
  { value: 'active', text: 'Still to do (open or in progress)' },
  ...TASK_STATES.map((value) => ({ value, text: TASK_STATE_LABELS[value] })),
  { value: 'all', text: 'Any state' },
];

export function isListState(value: string | null): value is TaskListState {
  return STATE_FILTER_OPTIONS.some((option) => option.value === value);
}

export const PRIORITY_OPTIONS: RadioOption[] = TASK_PRIORITIES.map((value) => ({ value, text: TASK_PRIORITY_LABELS[value] }));

export const TEAM_OPTIONS: SelectOption[] = TASK_TEAM_ROLES.map((role) => ({ value: ownerValue({ kind: 'team', role }), text: teamOwnerName(role) }));

/** An owner as one select value: "staff:<id>" or "team:<role>". */
export function ownerValue(owner: TaskOwner | TaskOwnerView): string {
  return owner.kind === 'staff' ? `staff:${owner.staffId}` : `team:${owner.role}`;
}

export function ownerOf(value: string): TaskOwner | undefined {
  const colon = value.indexOf(':');
  if (colon < 0) return undefined;
  const kind = value.slice(0, colon);
  const rest = value.slice(colon + 1);
  if (kind === 'staff' && rest) return { kind: 'staff', staffId: rest };
  const role = TASK_TEAM_ROLES.find((r) => r === rest);
  if (kind === 'team' && role) return { kind: 'team', role };
  return undefined;
}

/** The due date in words; overdue is said, never shown by colour alone. */
export function dueText(task: Pick<TaskView, 'dueOn' | 'overdue' | 'state'>): string {
  if (task.overdue) return `Overdue: was due ${formatDate(task.dueOn)}`;
  return formatDate(task.dueOn);
}

/** One entry of the trail in words: "Open to in progress", "Changed: Priority normal → high". */
export function eventText(event: TaskEvent): string {
  switch (event.kind) {
    case 'created':
      return 'Created';
    case 'commented':
      return 'Comment';
    case 'edited':
      return 'Changed';
    case 'moved':
      if (event.toState === 'open') return 'Reopened';
      return event.fromState && event.toState
        ? `${TASK_STATE_LABELS[event.fromState]} to ${TASK_STATE_LABELS[event.toState].toLowerCase()}`
        : 'Moved';
  }
}

export function stateText(task: Pick<TaskView, 'state'>): string {
  return TASK_STATE_LABELS[task.state];
}

export function priorityText(task: Pick<TaskView, 'priority'>): string {
  return TASK_PRIORITY_LABELS[task.priority];
}
