import { careTeamMemberSchema } from '@kith/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { readSummary } from './service.js';

const params = z.object({ id: z.uuid('Must be a person id') });
const summary = z.object({
  personId: z.uuid(),
  conditions: z.array(z.object({ codeSystem: z.string(), code: z.string(), display: z.string().nullable(), onsetDate: z.string().nullable() })),
  hospitalActivity: z.array(z.object({ class: z.string(), emergency: z.boolean(), startDate: z.string(), endDate: z.string().nullable() })),
  careTeam: z.array(careTeamMemberSchema),
});
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema };
const config = { personData: true };
const tags = ['summary'];

export async function summaryRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  r.get('/people/:id/summary', {
    config,
    schema: { tags, summary: "The person's conditions, recent hospital activity and care team", params, response: { 200: summary, ...errors } },
    handler: (request) => readSummary(db, accessContext(request, deps), request.params.id, 'read'),
  });

  r.get('/people/:id/summary/export', {
    config,
    schema: { tags, summary: 'Download the summary as a JSON file (an export, audited as one)', params, response: { 200: summary, ...errors } },
    handler: async (request, reply) => {
      const exported = await readSummary(db, accessContext(request, deps), request.params.id, 'export');
      return reply.header('content-disposition', `attachment; filename="summary-${request.params.id}.json"`).send(exported);
    },
  });
}
