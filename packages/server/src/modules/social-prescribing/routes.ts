/**
 * Social prescribing over HTTP, on the person's record: refer or signpost them to a service in
 * the directory, list what they have been prescribed, record the provider's answer, sessions
 * attended and the outcome. Every route reads or writes person data through the gate.
 */
import { socialPrescriptionSchema } from '@kith/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { listPrescriptions, movePrescription, prescribe, recordAttendance } from './service.js';

const tags = ['social prescribing'];
const config = { personData: true };
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const answer = z.looseObject({});
const personParams = z.strictObject({ personId: z.uuid('Must be a person id') });
const prescriptionParams = z.strictObject({ personId: z.uuid('Must be a person id'), id: z.uuid('Must be a social prescription id') });

export async function socialPrescribingRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  r.post('/people/:personId/social-prescriptions', {
    config,
    schema: {
      tags,
      summary: 'Refer (with consent, to a service that takes referrals) or signpost the person to a service in the directory',
      params: personParams,
      body: socialPrescriptionSchema,
      response: { 201: answer, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send({ ...(await prescribe(db, accessContext(request, deps), request.params.personId, request.body)) }),
  });

  r.get('/people/:personId/social-prescriptions', {
    config,
    schema: { tags, summary: 'The person’s social prescriptions, newest first, each with its sessions and moves', params: personParams, response: { 200: answer, ...errors } },
    handler: async (request) => ({ prescriptions: await listPrescriptions(db, accessContext(request, deps), request.params.personId) }),
  });

  r.post('/people/:personId/social-prescriptions/:id/moves', {
    config,
    schema: {
      tags,
      summary: 'Record the provider’s answer, that the person is attending or did not take it up, or the end with its outcome, at the version read',
      params: prescriptionParams,
      body: answer,
      response: { 200: answer, ...errors },
    },
    handler: async (request) => ({ ...(await movePrescription(db, accessContext(request, deps), request.params.personId, request.params.id, request.body)) }),
  });

  r.post('/people/:personId/social-prescriptions/:id/attendance', {
    config,
    schema: { tags, summary: 'Record a session attended or missed', params: prescriptionParams, body: answer, response: { 200: answer, ...errors } },
    handler: async (request) => ({ ...(await recordAttendance(db, accessContext(request, deps), request.params.personId, request.params.id, request.body)) }),
  });
}
