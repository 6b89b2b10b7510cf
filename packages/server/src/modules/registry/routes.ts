import { DomainError, ORGANISATION_TYPES } from '@kith/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import * as q from './queries.js';

const organisationView = z.object({
  id: z.uuid(),
  name: z.string(),
  type: z.enum(ORGANISATION_TYPES),
  odsCode: z.string().nullable(),
});
const practiceView = z.object({
  id: z.uuid(),
  name: z.string(),
  odsCode: z.string().nullable(),
  networkId: z.uuid(),
  networkName: z.string(),
  addressLine1: z.string(),
  addressLine2: z.string().nullable(),
  town: z.string(),
  postcode: z.string(),
  phone: z.string().nullable(),
});
const networkView = z.object({
  id: z.uuid(),
  name: z.string(),
  practices: z.array(z.object({ id: z.uuid(), name: z.string(), odsCode: z.string().nullable() })),
});
const staffView = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  disabled: z.boolean(),
  roles: z.array(z.object({ organisationId: z.uuid(), organisationName: z.string(), role: z.string() })),
});
const idParams = z.object({ id: z.uuid('Must be an id') });

function found<T extends { id: string }>(items: T[], id: string, what: string): T {
  const item = items.find((i) => i.id === id);
  if (!item) throw new DomainError('not_found', `No ${what} has this id`);
  return item;
}

export async function registryRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const tags = ['registry'];
  const notFound = { 404: problemSchema };

  r.get('/organisations', {
    config: { personData: false },
    schema: { tags, summary: 'Partner organisations of the alliance', response: { 200: z.array(organisationView) } },
    handler: async () => (await q.listOrganisations(db)) as z.infer<typeof organisationView>[],
  });
  r.get('/organisations/:id', {
    config: { personData: false },
    schema: { tags, summary: 'One partner organisation', params: idParams, response: { 200: organisationView, ...notFound } },
    handler: async (req) => found(await q.listOrganisations(db), req.params.id, 'organisation') as z.infer<typeof organisationView>,
  });
  r.get('/practices', {
    config: { personData: false },
    schema: {
      tags,
      summary: 'GP practices, optionally those of one network',
      querystring: z.strictObject({ networkId: z.uuid().optional() }),
      response: { 200: z.array(practiceView) },
    },
    handler: (req) => q.listPractices(db, req.query.networkId),
  });
  r.get('/practices/:id', {
    config: { personData: false },
    schema: { tags, summary: 'One GP practice', params: idParams, response: { 200: practiceView, ...notFound } },
    handler: async (req) => found(await q.listPractices(db), req.params.id, 'practice'),
  });
  r.get('/networks', {
    config: { personData: false },
    schema: { tags, summary: 'Integrated Community Networks and their practices', response: { 200: z.array(networkView) } },
    handler: () => q.listNetworks(db),
  });
  r.get('/networks/:id', {
    config: { personData: false },
    schema: { tags, summary: 'One network', params: idParams, response: { 200: networkView, ...notFound } },
    handler: async (req) => found(await q.listNetworks(db), req.params.id, 'network'),
  });
  r.get('/staff', {
    config: { personData: false },
    schema: {
      tags,
      summary: 'Staff accounts and their roles',
      querystring: z.strictObject({
        organisationId: z.uuid().optional(),
        name: z.string().trim().min(1).max(100, 'Keep the name to 100 characters or fewer').optional(),
        limit: z.coerce.number().int().min(1).max(500, 'At most 500').optional(),
      }),
      response: { 200: z.array(staffView) },
    },
    handler: (req) => q.listStaff(db, req.query),
  });
  r.get('/staff/:id', {
    config: { personData: false },
    schema: { tags, summary: 'One member of staff', params: idParams, response: { 200: staffView, ...notFound } },
    handler: async (req) => found(await q.listStaff(db, { id: req.params.id }), req.params.id, 'member of staff'),
  });
}
