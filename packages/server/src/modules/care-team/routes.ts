import { careTeamAddSchema, careTeamMemberSchema, namedCoordinatorSchema } from '@kith/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { addCareTeamMember, readCareTeam, removeCareTeamMember, setNamedCoordinator } from './service.js';

const personParams = z.object({ id: z.uuid('Must be a person id') });
const memberParams = personParams.extend({ staffId: z.uuid('Must be a staff id') });
const team = z.object({ members: z.array(careTeamMemberSchema) });
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const config = { personData: true };
const tags = ['care team'];

export async function careTeamRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  r.get('/people/:id/care-team', {
    config,
    schema: { tags, summary: "The person's care team and named coordinator", params: personParams, response: { 200: team, ...errors } },
    handler: async (request) => ({ members: await readCareTeam(db, accessContext(request, deps), request.params.id) }),
  });

  r.post('/people/:id/care-team', {
    config,
    schema: { tags, summary: 'Add a member of staff to the care team', params: personParams, body: careTeamAddSchema, response: { 200: team, ...errors } },
    handler: async (request) => ({
      members: await addCareTeamMember(db, accessContext(request, deps), request.params.id, request.body),
    }),
  });

  r.put('/people/:id/care-team/named-coordinator', {
    config,
    schema: { tags, summary: 'Make a care team member the named coordinator', params: personParams, body: namedCoordinatorSchema, response: { 200: team, ...errors } },
    handler: async (request) => ({
      members: await setNamedCoordinator(db, accessContext(request, deps), request.params.id, request.body.staffId),
    }),
  });

  r.delete('/people/:id/care-team/:staffId', {
    config,
    schema: { tags, summary: 'Remove a member from the care team', params: memberParams, response: { 200: team, ...errors } },
    handler: async (request) => ({
      members: await removeCareTeamMember(db, accessContext(request, deps), request.params.id, request.params.staffId),
    }),
  });
}
