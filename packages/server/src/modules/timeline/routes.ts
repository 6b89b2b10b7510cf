import { timelineFilterSchema, timelinePageSchema } from '@kith/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { readTimeline } from './service.js';

const params = z.object({ id: z.uuid('Must be a person id') });

export async function timelineRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  r.get('/people/:id/timeline', {
    config: { personData: true },
    schema: {
      tags: ['timeline'],
      summary: "The person's shared timeline, newest first: filter by type and organisation, page with `before`",
      params,
      querystring: timelineFilterSchema,
      response: { 200: timelinePageSchema, 400: problemSchema, 403: problemSchema, 404: problemSchema },
    },
    handler: (request) => readTimeline(db, accessContext(request, deps), request.params.id, request.query),
  });
}
