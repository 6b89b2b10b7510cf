/**
 * Points of access over HTTP: the desks I log enquiries at, logging one, setting a point up, and
 * its statistics. Logging reads person data only when the person agreed to be named, through
 * the gate; the rest names no person.
 */
import { enquirySchema, DomainError } from '@kith/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { allPointsOfAccess, createPointOfAccess, pointOfAccessBodySchema, pointStatistics, statisticsQuerySchema } from './points.js';
import { logEnquiry, myPointsOfAccess } from './service.js';

const tags = ['points of access'];
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const answer = z.looseObject({});
const pointParams = z.strictObject({ id: z.uuid('Must be a point of access id') });

function staff(request: FastifyRequest) {
  if (!request.actor) throw new DomainError('unauthenticated', 'Sign in to continue');
  return request.actor;
}

export async function enquiryRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  r.get('/points-of-access/mine', {
    config: { personData: false },
    schema: { tags, summary: 'The points of access I log enquiries at', response: { 200: answer, ...errors } },
    handler: async (request) => ({ pointsOfAccess: await myPointsOfAccess(db, staff(request)) }),
  });

  r.get('/points-of-access', {
    config: { personData: false },
    schema: { tags, summary: 'Every point of access, with its network, organisation and safeguarding lead (network leads, commissioners, administrators)', response: { 200: answer, ...errors } },
    handler: async (request) => ({ pointsOfAccess: await allPointsOfAccess(db, staff(request)) }),
  });

  r.post('/points-of-access', {
    config: { personData: false },
    schema: { tags, summary: 'Set up a point of access (network leads, administrators)', body: pointOfAccessBodySchema, response: { 201: answer, ...errors } },
    handler: async (request, reply) => reply.code(201).send({ ...(await createPointOfAccess(db, staff(request), request.body, deps.clock())) }),
  });

  r.post('/enquiries', {
    // Names a person only with their consent, and then through the gate.
    config: { personData: true },
    schema: {
      tags,
      summary: 'Log an enquiry at a point of access: channel, topics, advice, services signposted, a referral on with consent, a safeguarding concern (a task for the safeguarding lead)',
      body: enquirySchema,
      response: { 201: answer, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send({ ...(await logEnquiry(db, accessContext(request, deps), request.body)) }),
  });

  r.get('/points-of-access/:id/statistics', {
    config: { personData: false },
    schema: {
      tags,
      summary: 'Enquiries at a point of access by topic, outcome and channel over a period (network leads, commissioners); counts from 1 to 7 suppressed',
      params: pointParams,
      querystring: statisticsQuerySchema,
      response: { 200: answer, ...errors },
    },
    handler: async (request) => ({ ...(await pointStatistics(db, staff(request), request.params.id, request.query)) }),
  });
}
