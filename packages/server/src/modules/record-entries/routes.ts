import { recordEntriesSchema, recordEntryInputSchema, recordEntryViewSchema } from '@kith/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { listEntries, readEntry, writeEntry } from './service.js';

const params = z.object({ id: z.uuid('Must be a person id') });
const entryParams = params.extend({ entryId: z.uuid('Must be an entry id') });
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema };
const config = { personData: true };
const tags = ['record entries'];

export async function recordEntryRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  r.get('/people/:id/entries', {
    config,
    schema: { tags, summary: 'Entries in the shared record, restricted ones as markers for roles not named on them', params, response: { 200: recordEntriesSchema, ...errors } },
    handler: (request) => listEntries(db, accessContext(request, deps), request.params.id),
  });

  r.get('/people/:id/entries/:entryId', {
    config,
    schema: { tags, summary: 'One entry in the shared record', params: entryParams, response: { 200: recordEntryViewSchema, ...errors } },
    handler: (request) => readEntry(db, accessContext(request, deps), request.params.id, request.params.entryId),
  });

  r.post('/people/:id/entries', {
    config,
    schema: { tags, summary: 'Write an entry, in a restricted category if it is one', params, body: recordEntryInputSchema, response: { 201: recordEntryViewSchema, ...errors } },
    handler: async (request, reply) =>
      reply.code(201).send(await writeEntry(db, accessContext(request, deps), request.params.id, request.body)),
  });
}
