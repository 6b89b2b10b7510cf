import { contactRecordSchema, episodeChangeRequestSchema, episodeCreateSchema } from '@kith/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { readCaseload } from './caseload.js';
import { listContacts, recordContact } from './contacts.js';
import {
  caseloadSchema,
  contactListSchema,
  contactViewSchema,
  episodeListSchema,
  episodeParams,
  episodeViewSchema,
  nextVisitSchema,
  personParams,
} from './schemas.js';
import { bookNextVisit, changeEpisode, listEpisodes, openEpisode } from './service.js';

const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const config = { personData: true };
const tags = ['support episodes'];

export async function supportEpisodeRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  r.get('/people/:id/episodes', {
    config,
    schema: {
      tags,
      summary: "The person's support episodes, newest first: week of support, first-visit clock, next visit, wellbeing at start and end, and history",
      params: personParams,
      response: { 200: episodeListSchema, ...errors },
    },
    handler: (request) => listEpisodes(db, accessContext(request, deps), request.params.id),
  });

  r.post('/people/:id/episodes', {
    config,
    schema: {
      tags,
      summary: 'Open a support episode (one open episode of each type per person; 409 if one is open)',
      params: personParams,
      body: episodeCreateSchema,
      response: { 201: episodeViewSchema, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await openEpisode(db, accessContext(request, deps), request.params.id, request.body)),
  });

  r.post('/people/:id/episodes/:episodeId/changes', {
    config,
    schema: {
      tags,
      summary: 'Start, pause, resume or end the episode, change its length or write its exit plan, at the version you read (409 if it changed since)',
      params: episodeParams,
      body: episodeChangeRequestSchema,
      response: { 200: episodeViewSchema, ...errors },
    },
    handler: (request) => changeEpisode(db, accessContext(request, deps), request.params.id, request.params.episodeId, request.body),
  });

  r.put('/people/:id/episodes/:episodeId/next-visit', {
    config,
    schema: {
      tags,
      summary: 'Book the next home visit (a time still to come), or clear it with null',
      params: episodeParams,
      body: nextVisitSchema,
      response: { 200: episodeViewSchema, ...errors },
    },
    handler: (request) => bookNextVisit(db, accessContext(request, deps), request.params.id, request.params.episodeId, request.body),
  });

  r.post('/people/:id/contacts', {
    config,
    schema: {
      tags,
      summary: 'Record a home visit, phone or video call that has happened, with a short note and the time it took',
      params: personParams,
      body: contactRecordSchema,
      response: { 201: contactViewSchema, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await recordContact(db, accessContext(request, deps), request.params.id, request.body)),
  });

  r.get('/people/:id/contacts', {
    config,
    schema: { tags, summary: "The person's contacts, newest first, with who recorded each", params: personParams, response: { 200: contactListSchema, ...errors } },
    handler: (request) => listContacts(db, accessContext(request, deps), request.params.id),
  });

  r.get('/caseload', {
    config,
    schema: {
      tags,
      summary: 'My caseload: the people I am named coordinator for with an open episode, most in need first',
      response: { 200: caseloadSchema, ...errors },
    },
    handler: (request) => readCaseload(db, accessContext(request, deps)),
  });
}
