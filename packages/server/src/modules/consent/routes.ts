import { consentOverviewSchema, consentRecordInputSchema } from '@kith/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { readConsent, recordConsent } from './service.js';

const params = z.object({ id: z.uuid('Must be a person id') });
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema };
const config = { personData: true };
const tags = ['consent'];

export async function consentRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  r.get('/people/:id/consent', {
    config,
    schema: { tags, summary: "The person's consent and opt-out, with their history", params, response: { 200: consentOverviewSchema, ...errors } },
    handler: (request) => readConsent(db, accessContext(request, deps), request.params.id),
  });

  r.post('/people/:id/consent', {
    config,
    schema: {
      tags,
      summary: 'Record consent given or withdrawn, or the national data opt-out, saying how it was given',
      params,
      body: consentRecordInputSchema,
      response: { 201: consentOverviewSchema, ...errors },
    },
    handler: async (request, reply) =>
      reply.code(201).send(await recordConsent(db, accessContext(request, deps), request.params.id, request.body)),
  });
}
