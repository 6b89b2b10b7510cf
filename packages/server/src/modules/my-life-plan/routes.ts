import { goalProgressInputSchema, myLifePlanDraftSchema, planAgreementInputSchema } from '@kith/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { planDiff, planHistory, readPlanVersion } from './history.js';
import { renderPlanPdf } from './plan-pdf.js';
import { exportPlan, planFileName, planForPrinting } from './print.js';
import { recordAgreement, recordProgress } from './records.js';
import { readPlan, savePlan } from './service.js';
import { agreementViewSchema, goalProgressSeriesSchema, planDiffSchema, planExportSchema, planHistorySchema, planVersionSchema, planViewSchema } from './views.js';

const params = z.object({ id: z.uuid('Must be a person id') });
const versionNumber = z.coerce.number('Give a version number').int('Must be a whole number').min(1, 'Versions start at 1');
const versionParams = params.extend({ version: versionNumber });
const goalParams = params.extend({ goalId: z.uuid('No such goal in this plan') });
const diffQuery = z.strictObject({ from: versionNumber, to: versionNumber });
const progressBody = goalProgressInputSchema.omit({ goalId: true });
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const config = { personData: true };
const tags = ['my life plan'];

export async function myLifePlanRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  r.get('/people/:id/plan', {
    config,
    schema: { tags, summary: "The person's My Life plan as everyone with access reads it, with its review, agreement and goal progress", params, response: { 200: planViewSchema, ...errors } },
    handler: (request) => readPlan(db, accessContext(request, deps), request.params.id),
  });

  r.put('/people/:id/plan', {
    config,
    schema: {
      tags,
      summary: 'Save the whole plan as the next version, based on the version you opened (409, with what changed, if someone saved since)',
      params,
      body: myLifePlanDraftSchema,
      response: { 200: planViewSchema, ...errors },
    },
    handler: (request) => savePlan(db, accessContext(request, deps), request.params.id, request.body),
  });

  r.get('/people/:id/plan/versions', {
    config,
    schema: { tags, summary: 'Every version of the plan: who saved it, where from, when, and whether the person agreed to it', params, response: { 200: planHistorySchema, ...errors } },
    handler: (request) => planHistory(db, accessContext(request, deps), request.params.id),
  });

  r.get('/people/:id/plan/versions/:version', {
    config,
    schema: { tags, summary: 'One version of the plan as it was saved', params: versionParams, response: { 200: planVersionSchema, ...errors } },
    handler: (request) => readPlanVersion(db, accessContext(request, deps), request.params.id, request.params.version),
  });

  r.get('/people/:id/plan/diff', {
    config,
    schema: { tags, summary: 'What changed from one version of the plan to a later one, in plain English', params, querystring: diffQuery, response: { 200: planDiffSchema, ...errors } },
    handler: (request) => planDiff(db, accessContext(request, deps), request.params.id, request.query.from, request.query.to),
  });

  r.post('/people/:id/plan/agreements', {
    config,
    schema: { tags, summary: "Record the person's agreement to a version of their plan (once per version)", params, body: planAgreementInputSchema, response: { 201: agreementViewSchema, ...errors } },
    handler: async (request, reply) => reply.code(201).send(await recordAgreement(db, accessContext(request, deps), request.params.id, request.body)),
  });

  r.post('/people/:id/plan/goals/:goalId/progress', {
    config,
    schema: { tags, summary: 'Record progress on a goal; answers with the goal’s progress over time', params: goalParams, body: progressBody, response: { 201: goalProgressSeriesSchema, ...errors } },
    handler: async (request, reply) => {
      const { id, goalId } = request.params;
      return reply.code(201).send(await recordProgress(db, accessContext(request, deps), id, goalId, request.body));
    },
  });

  r.get('/people/:id/plan/print', {
    config,
    schema: { tags, summary: 'The plan in large print as a PDF for the person to keep (audited as a print)', params, response: { ...errors } },
    handler: async (request, reply) => {
      const plan = await planForPrinting(db, accessContext(request, deps), request.params.id);
      const pdf: unknown = await renderPlanPdf(plan);
      // Bytes, not JSON: the route's schemas describe only its problems, so the PDF goes out as is.
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="${planFileName(plan.version, 'pdf')}"`)
        .send(pdf as never);
    },
  });

  r.get('/people/:id/plan/export', {
    config,
    schema: { tags, summary: 'The current plan as a JSON file for another system (audited as an export)', params, response: { 200: planExportSchema, ...errors } },
    handler: async (request, reply) => {
      const exported = await exportPlan(db, accessContext(request, deps), request.params.id);
      return reply.header('content-disposition', `attachment; filename="${planFileName(exported.version, 'json')}"`).send(exported);
    },
  });
}
