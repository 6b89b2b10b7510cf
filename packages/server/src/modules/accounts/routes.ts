import { STAFF_ROLES } from '@kith/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf } from '../../platform/http/authenticate.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { changeAccount, createAccount, requireAdministrator, setPassword } from './service.js';

const roles = z
  .array(z.strictObject({ organisationId: z.uuid('Must be an organisation id'), role: z.enum(STAFF_ROLES) }))
  .min(1, 'Give the account at least one role')
  .max(20);
const idParams = z.object({ id: z.uuid('Must be a staff id') });
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const done = { 204: z.null().describe('Done'), ...errors };

export async function accountRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const tags = ['accounts'];

  r.post('/admin/staff', {
    config: { personData: false },
    schema: {
      tags,
      summary: 'Create a staff account (administrators)',
      body: z.strictObject({
        email: z.email('Must be an email address').max(254),
        name: z.string().trim().min(1, 'Cannot be empty').max(100),
        password: z.string().max(1024),
        roles,
      }),
      response: { 201: z.object({ id: z.uuid() }), ...errors },
    },
    handler: async (request, reply) => {
      requireAdministrator(actorOf(request));
      return reply.code(201).send({ id: await createAccount(db, request.body) });
    },
  });

  r.patch('/admin/staff/:id', {
    config: { personData: false },
    schema: {
      tags,
      summary: 'Disable or enable an account, rename it, or change its roles (administrators)',
      params: idParams,
      body: z.strictObject({ name: z.string().trim().min(1).max(100).optional(), disabled: z.boolean().optional(), roles: roles.optional() }),
      response: done,
    },
    handler: async (request, reply) => {
      requireAdministrator(actorOf(request));
      await changeAccount(db, request.params.id, request.body);
      deps.sessionCache?.forgetStaff(request.params.id);
      return reply.code(204).send(null);
    },
  });

  r.put('/admin/staff/:id/password', {
    config: { personData: false },
    schema: {
      tags,
      summary: 'Set a new password for an account (administrators)',
      params: idParams,
      body: z.strictObject({ password: z.string().max(1024) }),
      response: done,
    },
    handler: async (request, reply) => {
      requireAdministrator(actorOf(request));
      await setPassword(db, request.params.id, request.body.password);
      deps.sessionCache?.forgetStaff(request.params.id);
      return reply.code(204).send(null);
    },
  });
}
