import {
  referralCreateSchema,
  referralDetailSchema,
  referralFirstContactSchema,
  referralInboxQuerySchema,
  referralListSchema,
  referralMoveSchema,
  referralNetworksSchema,
} from '@kith/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { createReferral, listForPerson, listInbox, listNetworks, listSent, moveReferral, readReferral, recordFirstContact } from './service.js';

const referralParams = z.object({ id: z.uuid('Must be a referral id') });
const personParams = z.object({ id: z.uuid('Must be a person id') });
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const config = { personData: true };
const tags = ['referrals'];

export async function referralRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const settings = deps.config.referrals;

  r.post('/referrals', {
    config,
    schema: { tags, summary: "Refer a person to their practice's network", body: referralCreateSchema, response: { 201: referralDetailSchema, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await createReferral(db, accessContext(request, deps), request.body, settings)),
  });

  r.get('/referrals', {
    config,
    schema: {
      tags,
      summary: "The network's referral inbox, for its members: by state (or open), source and overdue first contact",
      querystring: referralInboxQuerySchema,
      response: { 200: referralListSchema, ...errors },
    },
    handler: async (request) => ({ referrals: await listInbox(db, accessContext(request, deps), request.query) }),
  });

  r.get('/referrals/sent', {
    config,
    schema: { tags, summary: 'The referrals I made, with their state and outcome', response: { 200: referralListSchema, ...errors } },
    handler: async (request) => ({ referrals: await listSent(db, accessContext(request, deps)) }),
  });

  r.get('/referrals/networks', {
    config,
    schema: { tags, summary: 'The networks whose referral inbox I may see', response: { 200: referralNetworksSchema, ...errors } },
    handler: async (request) => ({ networks: await listNetworks(db, accessContext(request, deps)) }),
  });

  r.get('/referrals/:id', {
    config,
    schema: { tags, summary: 'One referral and its history', params: referralParams, response: { 200: referralDetailSchema, ...errors } },
    handler: (request) => readReferral(db, accessContext(request, deps), request.params.id),
  });

  r.post('/referrals/:id/moves', {
    config,
    schema: {
      tags,
      summary: 'Triage, accept, decline, start or close a referral (network members), at the version read',
      params: referralParams,
      body: referralMoveSchema,
      response: { 200: referralDetailSchema, ...errors },
    },
    handler: (request) => moveReferral(db, accessContext(request, deps), request.params.id, request.body),
  });

  r.post('/referrals/:id/first-contact', {
    config,
    schema: {
      tags,
      summary: 'Record first contact with the person (network members)',
      params: referralParams,
      body: referralFirstContactSchema,
      response: { 200: referralDetailSchema, ...errors },
    },
    handler: (request) => recordFirstContact(db, accessContext(request, deps), request.params.id, request.body),
  });

  r.get('/people/:id/referrals', {
    config,
    schema: { tags, summary: "The person's referrals, newest first", params: personParams, response: { 200: referralListSchema, ...errors } },
    handler: async (request) => ({ referrals: await listForPerson(db, accessContext(request, deps), request.params.id) }),
  });
}
