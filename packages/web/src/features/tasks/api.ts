import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TaskComment, TaskCreateInput, TaskDetail, TaskEdit, TaskList, TaskListState, TaskMove, TaskView } from '@kith/core';
import { apiRequest } from '../../api/client';
import { personKey } from '../people/record';

/** The three worklists, as GET /tasks/mine, /tasks/team and /tasks/overdue. */
export const WORKLISTS = ['mine', 'team', 'overdue'] as const;
export type Worklist = (typeof WORKLISTS)[number];

const TASKS = ['tasks'] as const;
const taskKey = (id: string) => [...TASKS, 'one', id];
const personTasksKey = (personId: string) => [...personKey(personId), 'tasks'];

/** A worklist, active tasks unless another state is asked for ('' is the API's default). */
export function useWorklist(list: Worklist, state: TaskListState | '') {
  return useQuery({
    queryKey: [...TASKS, 'list', list, state],
    queryFn: ({ signal }) => apiRequest<TaskList>(`/tasks/${list}`, { query: { state }, signal }),
  });
}

export function useTask(id: string) {
  return useQuery({
    queryKey: taskKey(id),
    queryFn: ({ signal }) => apiRequest<TaskDetail>(`/tasks/${encodeURIComponent(id)}`, { signal }),
  });
}

/** Reads the task again now, for the page that has just been told it changed under it (409). */
export function useFetchTask() {
  const queryClient = useQueryClient();
  return (id: string) =>
    queryClient.fetchQuery({
      queryKey: taskKey(id),
      queryFn: ({ signal }) => apiRequest<TaskDetail>(`/tasks/${encodeURIComponent(id)}`, { signal }),
      staleTime: 0,
    });
}

/** Every state, soonest due first. */
export function usePersonTasks(personId: string) {
  return useQuery({
    queryKey: personTasksKey(personId),
    queryFn: ({ signal }) => apiRequest<TaskList>(`/people/${encodeURIComponent(personId)}/tasks`, { query: { state: 'all' }, signal }),
  });
}

export function useCreateTask(personId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TaskCreateInput) => apiRequest<TaskView>('/tasks', { method: 'POST', body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: personTasksKey(personId) });
      void queryClient.invalidateQueries({ queryKey: [...TASKS, 'list'] });
    },
  });
}

/**
 * Each change answers with the task and its trail, which replace the cached one; the worklists
 * and the person's tasks are read again. A refusal (a 409 above all) reads the task again too.
 */
function useTaskChange<T>(id: string, send: (input: T) => Promise<TaskDetail>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: (task) => {
      queryClient.setQueryData(taskKey(id), task);
      void queryClient.invalidateQueries({ queryKey: [...TASKS, 'list'] });
      if (task.personId) void queryClient.invalidateQueries({ queryKey: personTasksKey(task.personId) });
    },
  });
}

const path = (id: string, rest = '') => `/tasks/${encodeURIComponent(id)}${rest}`;

export function useMoveTask(id: string) {
  return useTaskChange(id, (move: TaskMove) => apiRequest<TaskDetail>(path(id, '/moves'), { method: 'POST', body: move }));
}

export function useEditTask(id: string) {
  return useTaskChange(id, (edit: TaskEdit) => apiRequest<TaskDetail>(path(id), { method: 'PATCH', body: edit }));
}

export function useCommentOnTask(id: string) {
  return useTaskChange(id, (comment: TaskComment) => apiRequest<TaskDetail>(path(id, '/comments'), { method: 'POST', body: comment }));
}
