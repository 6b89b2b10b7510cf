import {
  taskCommentSchema,
  taskCreateSchema,
  taskDetailSchema,
  taskEditSchema,
  taskListQuerySchema,
  taskListSchema,
  taskMoveSchema,
  taskViewSchema,
} from '@kith/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { commentOnTask, createTask, editTask, listForPerson, listWorklist, moveTask, readTask, type Worklist } from './service.js';

const taskParams = z.object({ id: z.uuid('Must be a task id') });
const personParams = z.object({ id: z.uuid('Must be a person id') });
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const config = { personData: true };
const tags = ['tasks'];

const WORKLISTS: Record<Worklist, string> = {
  mine: 'My tasks: those I own, by due date then priority (active unless a state is asked for)',
  team: "My team's tasks: those owned by a role I hold, in a network I belong to",
  overdue: "Overdue: my tasks and my teams', still to do and due before today in England",
};

export async function taskRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  r.post('/tasks', {
    config,
    schema: {
      tags,
      summary: 'Make an action a task: owner (a member of staff or a team in the network), due date, priority, the person and the meeting',
      body: taskCreateSchema,
      response: { 201: taskViewSchema, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await createTask(db, accessContext(request, deps), request.body)),
  });

  for (const list of ['mine', 'team', 'overdue'] as const) {
    r.get(`/tasks/${list}`, {
      config,
      schema: { tags, summary: WORKLISTS[list], querystring: taskListQuerySchema, response: { 200: taskListSchema, ...errors } },
      handler: (request) => listWorklist(db, accessContext(request, deps), list, request.query),
    });
  }

  r.get('/tasks/:id', {
    config,
    schema: { tags, summary: 'One task and its trail: moves, edits and comments', params: taskParams, response: { 200: taskDetailSchema, ...errors } },
    handler: (request) => readTask(db, accessContext(request, deps), request.params.id),
  });

  r.patch('/tasks/:id', {
    config,
    schema: {
      tags,
      summary: 'Change the title, detail, owner, due date or priority of an active task, at the version read',
      params: taskParams,
      body: taskEditSchema,
      response: { 200: taskDetailSchema, ...errors },
    },
    handler: (request) => editTask(db, accessContext(request, deps), request.params.id, request.body),
  });

  r.post('/tasks/:id/moves', {
    config,
    schema: {
      tags,
      summary: 'Start, finish, cancel (with a reason) or reopen (with a reason) a task, at the version read',
      params: taskParams,
      body: taskMoveSchema,
      response: { 200: taskDetailSchema, ...errors },
    },
    handler: (request) => moveTask(db, accessContext(request, deps), request.params.id, request.body),
  });

  r.post('/tasks/:id/comments', {
    config,
    schema: { tags, summary: 'Comment on a task', params: taskParams, body: taskCommentSchema, response: { 201: taskDetailSchema, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await commentOnTask(db, accessContext(request, deps), request.params.id, request.body)),
  });

  r.get('/people/:id/tasks', {
    config,
    schema: {
      tags,
      summary: "The person's tasks, by due date (every state unless one is asked for)",
      params: personParams,
      querystring: taskListQuerySchema,
      response: { 200: taskListSchema, ...errors },
    },
    handler: (request) => listForPerson(db, accessContext(request, deps), request.params.id, request.query),
  });
}
