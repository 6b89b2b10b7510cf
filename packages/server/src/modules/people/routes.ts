import {
  personCreateSchema,
  personSearchResultSchema,
  personSearchSchema,
  personUpdateSchema,
} from '@kith/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { createPerson, readPerson, searchPeople, updatePerson } from './service.js';
import { personRecordSchema as personRecord } from './views.js';

const idParams = z.object({ id: z.uuid('Must be a person id') });
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const config = { personData: true };

export async function peopleRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  r.get('/people', {
    config,
    schema: {
      tags: ['people'],
      summary: 'Search people by NHS number, name, date of birth and postcode',
      querystring: personSearchSchema,
      response: { 200: personSearchResultSchema, 400: problemSchema, 403: problemSchema },
    },
    handler: (request) => searchPeople(db, accessContext(request, deps), request.query),
  });

  r.get('/people/:id', {
    config,
    schema: { tags: ['people'], summary: 'Read a person', params: idParams, response: { 200: personRecord, ...errors } },
    handler: (request) => readPerson(db, accessContext(request, deps), request.params.id),
  });

  r.post('/people', {
    config,
    schema: {
      tags: ['people'],
      summary: 'Register a person',
      body: personCreateSchema,
      response: { 201: personRecord, ...errors },
    },
    handler: async (request, reply) => {
      const created = await createPerson(db, accessContext(request, deps), request.body);
      return reply.code(201).header('location', `/api/v1/people/${created.id}`).send(created);
    },
  });

  r.patch('/people/:id', {
    config,
    schema: {
      tags: ['people'],
      summary: 'Change a person; send the version you read, a stale one is refused with 409',
      params: idParams,
      body: personUpdateSchema,
      response: { 200: personRecord, ...errors },
    },
    handler: (request) => updatePerson(db, accessContext(request, deps), request.params.id, request.body),
  });
}
