import {
  INSTRUMENT_CODES,
  assessmentHistorySchema,
  assessmentSectionSaveSchema,
  assessmentVersionSchema,
  assessmentViewSchema,
  instrumentRecordSchema,
  instrumentResultViewSchema,
  instrumentResultsSchema,
} from '@kith/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { listInstruments, recordInstrument } from './instruments.js';
import { assessmentHistory, readAssessment, readAssessmentVersion, saveSection } from './service.js';

const params = z.object({ id: z.uuid('Must be a person id') });
const sectionParams = params.extend({ section: z.string().max(64) });
const versionParams = params.extend({ version: z.coerce.number().int('Must be a whole number').min(1, 'Versions start at 1') });
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const config = { personData: true };
const tags = ['assessment'];

export async function assessmentRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  r.get('/people/:id/assessment', {
    config,
    schema: { tags, summary: "The person's one trusted assessment, as every organisation with access sees it", params, response: { 200: assessmentViewSchema, ...errors } },
    handler: (request) => readAssessment(db, accessContext(request, deps), request.params.id),
  });

  r.put('/people/:id/assessment/sections/:section', {
    config,
    schema: {
      tags,
      summary: 'Save one section as a new version, based on the version you opened (409 if someone saved since)',
      params: sectionParams,
      body: assessmentSectionSaveSchema,
      response: { 200: assessmentViewSchema, ...errors },
    },
    handler: (request) => saveSection(db, accessContext(request, deps), request.params.id, request.params.section, request.body),
  });

  r.get('/people/:id/assessment/versions', {
    config,
    schema: { tags, summary: 'Every version of the assessment: who saved which sections, and when', params, response: { 200: assessmentHistorySchema, ...errors } },
    handler: (request) => assessmentHistory(db, accessContext(request, deps), request.params.id),
  });

  r.get('/people/:id/assessment/versions/:version', {
    config,
    schema: { tags, summary: 'One version of the assessment as it was saved', params: versionParams, response: { 200: assessmentVersionSchema, ...errors } },
    handler: (request) => readAssessmentVersion(db, accessContext(request, deps), request.params.id, request.params.version),
  });

  r.post('/people/:id/instruments', {
    config,
    schema: {
      tags,
      summary: 'Record a standard instrument (SWEMWBS, UCLA-3, Barthel…), scored as it is recorded',
      params,
      body: instrumentRecordSchema,
      response: { 201: instrumentResultViewSchema, ...errors },
    },
    handler: async (request, reply) => reply.code(201).send(await recordInstrument(db, accessContext(request, deps), request.params.id, request.body)),
  });

  r.get('/people/:id/instruments', {
    config,
    schema: {
      tags,
      summary: 'Instruments completed with the person, newest first',
      params,
      querystring: z.strictObject({ instrument: z.enum(INSTRUMENT_CODES, 'Not a known instrument').optional() }),
      response: { 200: instrumentResultsSchema, ...errors },
    },
    handler: (request) => listInstruments(db, accessContext(request, deps), request.params.id, request.query.instrument),
  });
}
