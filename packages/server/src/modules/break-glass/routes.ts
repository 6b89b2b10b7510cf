import { BREAK_GLASS_REVIEW_OUTCOMES, breakGlassGrantViewSchema, breakGlassRequestSchema, breakGlassReviewSchema } from '@kith/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { recordReview, reviewList, reviewOne, useBreakGlass } from './service.js';

const granted = z.object({ id: z.uuid(), reason: z.string(), grantedAt: z.string(), expiresAt: z.string() });
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const config = { personData: true };
const tags = ['emergency access'];

export async function breakGlassRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  r.post('/people/:id/break-glass', {
    config,
    schema: {
      tags,
      summary: 'Open a record without a relationship, in an emergency, stating the reason',
      params: z.object({ id: z.uuid('Must be a person id') }),
      body: breakGlassRequestSchema,
      response: { 201: granted, ...errors },
    },
    handler: async (request, reply) => {
      const context = accessContext(request, deps, 'emergency');
      const grant = await useBreakGlass(db, context, request.params.id, request.body.reason, deps.config.breakGlassMinutes);
      return reply.code(201).send(grant);
    },
  });

  r.get('/break-glass-reviews', {
    config,
    schema: {
      tags,
      summary: "The privacy officer's review list of emergency access",
      querystring: z.object({ status: z.enum(['unreviewed', 'reviewed', 'all'], 'Choose unreviewed, reviewed or all').default('unreviewed') }),
      response: { 200: z.object({ grants: z.array(breakGlassGrantViewSchema) }), ...errors },
    },
    handler: async (request) => ({
      grants: await reviewList(db, accessContext(request, deps, 'privacy_review'), request.query.status),
    }),
  });

  r.get('/break-glass-reviews/:grantId', {
    config,
    schema: {
      tags,
      summary: 'One emergency access grant, with its review',
      params: z.object({ grantId: z.uuid('Must be a grant id') }),
      response: { 200: breakGlassGrantViewSchema, ...errors },
    },
    handler: (request) => reviewOne(db, accessContext(request, deps, 'privacy_review'), request.params.grantId),
  });

  r.post('/break-glass-reviews/:grantId', {
    config,
    schema: {
      tags,
      summary: `Record the review outcome: ${BREAK_GLASS_REVIEW_OUTCOMES.join(', ')}`,
      params: z.object({ grantId: z.uuid('Must be a grant id') }),
      body: breakGlassReviewSchema,
      response: { 204: z.undefined().describe('Recorded'), ...errors },
    },
    handler: async (request, reply) => {
      await recordReview(db, accessContext(request, deps, 'privacy_review'), request.params.grantId, request.body);
      return reply.code(204).send(undefined);
    },
  });
}
