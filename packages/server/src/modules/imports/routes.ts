/**
 * POST /imports: another system sends clinical data (FHIR R4 Bundle or NDJSON of Patient,
 * Condition and Encounter, or CSV) with an access token carrying the import:write scope. The
 * body may be larger than elsewhere (KITH_IMPORT_BODY_LIMIT_BYTES); each batch lands in its own
 * transaction, and the answer says which entries were refused and why (docs/import.md).
 */
import { isoDateOf } from '@kith/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { bundleBatches, csvBatchesOf, IMPORT_MEDIA_TYPES, type ImportFormat, ndjsonBatchesOf } from './input.js';
import { csvProblem, csvSummary, importStatus, operationOutcome } from './outcome.js';
import { importBatches, SOURCE_PATTERN } from './service.js';

const querystring = z.strictObject({
  source: z
    .string()
    .regex(SOURCE_PATTERN, 'Letters, digits and . _ : / @ -, up to 200, starting with a letter or digit')
    .optional()
    .describe('The sending system, under which records are recognised again; the API client by default'),
});
const answer = z.looseObject({}).describe('FHIR input: an OperationOutcome. CSV input: the totals (200) or a problem naming each refused row (422)');

export async function importRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const { bodyLimit, batchLines } = deps.config.imports;
  // Only the media types below: anything else, plain text included, is a 415.
  app.removeContentTypeParser('text/plain');
  app.addContentTypeParser(['application/fhir+json'], { parseAs: 'string' }, (_request, body, done) => {
    try {
      done(null, JSON.parse(body as string));
    } catch {
      done(Object.assign(new SyntaxError('The body is not valid JSON'), { statusCode: 400 }), undefined);
    }
  });
  app.addContentTypeParser(['application/fhir+ndjson', 'application/x-ndjson', 'application/ndjson', 'text/csv'], { parseAs: 'string' }, (_request, body, done) =>
    done(null, body),
  );

  r.post('/imports', {
    config: { personData: true, apiScopes: ['import:write'] },
    bodyLimit,
    schema: {
      tags: ['imports'],
      summary: 'Import clinical data: FHIR R4 Bundle or NDJSON of Patient, Condition and Encounter, or CSV (API clients with import:write)',
      querystring,
      response: { 200: answer, 422: answer, 400: problemSchema, 403: problemSchema, 413: problemSchema, 415: problemSchema },
    },
    handler: async (request, reply) => {
      const format = formatOf(request);
      const context = accessContext(request, deps);
      const source = request.query.source ?? `api-client:${request.apiClient?.clientId ?? 'none'}`;
      const today = isoDateOf(context.now);
      const text = typeof request.body === 'string' ? request.body : '';
      const batches =
        format === 'bundle' ? bundleBatches(request.body, today) : format === 'ndjson' ? ndjsonBatchesOf([text], today, batchLines) : csvBatchesOf([text], today, batchLines);
      const report = await importBatches(db, { kind: 'request', context }, source, batches);
      const status = importStatus(report);
      if (format !== 'csv') return reply.code(status).type('application/fhir+json').send(operationOutcome(report));
      if (status === 200) return reply.code(200).send({ ...csvSummary(report) });
      return reply.code(422).type('application/problem+json').send({ ...csvProblem(report), instance: request.url.split('?')[0] });
    },
  });
}

function formatOf(request: FastifyRequest): ImportFormat {
  const mediaType = (request.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
  return IMPORT_MEDIA_TYPES[mediaType] ?? 'bundle';
}
