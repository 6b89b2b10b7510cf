import { timelinePageSchema } from '@kith/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { planViewSchema } from '../my-life-plan/views.js';
import { personRecordSchema } from '../people/views.js';
import { openRecord } from './service.js';

const params = z.object({ id: z.uuid('Must be a person id') });

const recordOpeningSchema = z.object({
  person: personRecordSchema,
  timeline: timelinePageSchema.nullable(),
  plan: planViewSchema.nullable(),
});

export async function recordOpeningRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  r.get('/people/:id/record', {
    config: { personData: true },
    schema: {
      tags: ['people'],
      summary: "The record as it opens, in one request: the person, their timeline's first page and their My Life plan (null where the reader may not see it)",
      params,
      response: { 200: recordOpeningSchema, 400: problemSchema, 403: problemSchema, 404: problemSchema },
    },
    handler: (request) => openRecord(db, accessContext(request, deps), request.params.id),
  });
}
