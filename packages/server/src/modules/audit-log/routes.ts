import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { searchAuditLog, whoLooked } from './service.js';

const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema };
const config = { personData: true };
const tags = ['audit log'];
const instant = z.iso.datetime({ offset: true, message: 'Must be a date and time such as 2026-06-01T09:00:00Z' }).transform((v) => new Date(v));

const eventView = z.object({
  sequence: z.number(),
  at: z.string(),
  actor: z.object({
    kind: z.string(),
    staffId: z.string().nullish(),
    apiClientId: z.string().nullish(),
    portalId: z.string().nullish(),
    role: z.string().nullish(),
    organisationId: z.string().nullish(),
  }),
  subjectPersonId: z.string().nullish(),
  resourceType: z.string(),
  resourceId: z.string().nullish(),
  action: z.string(),
  purpose: z.string().nullish(),
  breakGlass: z.boolean().optional(),
  outcome: z.string(),
  reason: z.string().nullish(),
  requestId: z.string().nullish(),
  clientAddress: z.string().nullish(),
  staffName: z.string().nullable(),
  organisationName: z.string().nullable(),
  person: z.object({ name: z.string(), nhsNumber: z.string() }).nullable(),
});

const looksView = z.object({
  person: z.object({ id: z.uuid(), name: z.string(), nhsNumber: z.string(), dateOfBirth: z.string() }),
  looks: z.array(
    z.object({
      day: z.string(),
      sentence: z.string(),
      who: z.string().nullable(),
      role: z.string().nullable(),
      organisation: z.string().nullable(),
      looks: z.int(),
      actions: z.array(z.string()),
      breakGlass: z.boolean(),
      firstAt: z.string(),
      lastAt: z.string(),
    }),
  ),
});

const range = z.object({ from: instant.optional(), to: instant.optional() });

export async function auditLogRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  r.get('/audit-events', {
    config,
    schema: {
      tags,
      summary: 'Audit events by person, member of staff and time, newest first',
      querystring: range.extend({
        personId: z.uuid('Must be a person id').optional(),
        staffId: z.uuid('Must be a staff id').optional(),
        before: z.coerce.number().int().positive().optional(),
        limit: z.coerce.number().int().min(1).max(500).default(100),
      }),
      response: { 200: z.object({ events: z.array(eventView), nextBefore: z.number().nullable() }), ...errors },
    },
    handler: (request) => searchAuditLog(db, accessContext(request, deps, 'privacy_review'), request.query),
  });

  r.get('/people/:id/who-looked', {
    config,
    schema: {
      tags,
      summary: 'Who has looked at this record, in plain words',
      params: z.object({ id: z.uuid('Must be a person id') }),
      querystring: range,
      response: { 200: looksView, ...errors },
    },
    handler: (request) => whoLooked(db, accessContext(request, deps, 'privacy_review'), request.params.id, request.query, 'read'),
  });

  r.post('/people/:id/who-looked/print', {
    config,
    schema: {
      tags,
      summary: 'Record that the "who has looked" list is being printed (for a subject access request)',
      params: z.object({ id: z.uuid('Must be a person id') }),
      querystring: range,
      response: { 200: looksView, ...errors },
    },
    handler: (request) => whoLooked(db, accessContext(request, deps, 'privacy_review'), request.params.id, request.query, 'print'),
  });
}
