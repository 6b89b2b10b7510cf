/**
 * The directory over HTTP, for staff: search, a service's listing, and (for those who look after
 * the directory) its feeds, their imports and the vocabulary. Other directories push their feeds
 * with an API client holding directory:write. The directory itself holds no person data; only a
 * search near a person's home reads their record, through the gate.
 */
import { DomainError, directorySearchQuerySchema } from '@kith/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { feedBodySchema, feedIdSchema, listFeeds, requireDirectoryKeeper, saveFeed } from './feeds.js';
import { type Importer, importFeed } from './imports.js';
import { readListing } from './listing.js';
import { searchDirectory } from './search.js';
import { loadVocabulary } from './taxonomy.js';

const tags = ['directory'];
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const answer = z.looseObject({});
const feedParams = z.strictObject({ feedId: feedIdSchema });
const serviceParams = z.strictObject({ id: z.uuid('Must be a directory service id') });
const importQuery = z.strictObject({ format: z.enum(['json', 'csv'], 'Must be json or csv').default('json') });
const csvFiles = z.strictObject({
  files: z.record(z.string().regex(/^[a-z_]+\.csv$/, 'Name each file like services.csv'), z.string(), 'Give the CSV files by name'),
});

/** Staff who look after the directory, or an API client whose token carries directory:write. */
function importerOf(request: FastifyRequest): Importer {
  if (request.apiClient) return { staffId: null, apiClientId: request.apiClient.clientId };
  const actor = request.actor;
  if (!actor) throw new DomainError('unauthenticated', 'Sign in to continue');
  requireDirectoryKeeper(actor.roles);
  return { staffId: actor.staffId, apiClientId: null };
}

function keeper(request: FastifyRequest): void {
  if (!request.actor) throw new DomainError('unauthenticated', 'Sign in to continue');
  requireDirectoryKeeper(request.actor.roles);
}

export async function directoryRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  r.get('/directory/services', {
    // Near a person, the search reads where they live through the gate.
    config: { personData: true },
    schema: {
      tags,
      summary: 'Search the directory: words, taxonomy, needs, age, free only, day and time, accessibility, distance from a postcode or a person’s home',
      querystring: directorySearchQuerySchema,
      response: { 200: answer, ...errors },
    },
    handler: async (request) => ({ ...(await searchDirectory(db, accessContext(request, deps), request.query)) }),
  });

  r.get('/directory/services/:id', {
    config: { personData: false },
    schema: { tags, summary: 'A service’s listing, as its page shows it', params: serviceParams, response: { 200: answer, ...errors } },
    handler: async (request) => ({ ...(await readListing(db, request.params.id, deps.clock())) }),
  });

  r.get('/directory/feeds', {
    config: { personData: false },
    schema: { tags, summary: 'The feeds the directory is made from', response: { 200: answer, ...errors } },
    handler: async (request) => {
      keeper(request);
      return { feeds: await listFeeds(db) };
    },
  });

  r.put('/directory/feeds/:feedId', {
    config: { personData: false },
    schema: { tags, summary: 'Set up or rename a feed (network leads, commissioners, administrators)', params: feedParams, body: feedBodySchema, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      keeper(request);
      await saveFeed(db, request.params.feedId, request.body, deps.clock());
      return reply.code(204).send(null);
    },
  });

  r.post('/directory/feeds/:feedId/imports', {
    config: { personData: false, apiScopes: ['directory:write'] },
    bodyLimit: deps.config.imports.bodyLimit,
    schema: {
      tags,
      summary: 'Import a feed: Open Referral UK JSON (v1 or v3), or its CSV set as {files: {"services.csv": "…"}} with format=csv. Each bad service is reported with its path; the good ones are kept',
      params: feedParams,
      querystring: importQuery,
      response: { 200: answer, ...errors },
    },
    handler: async (request) => {
      const importer = importerOf(request);
      const body = request.query.format === 'csv' ? parseCsvFiles(request.body) : request.body;
      const format = request.query.format === 'csv' ? 'oruk_csv' : 'oruk_json';
      return { ...(await importFeed(db, { feedId: request.params.feedId, format, body, importer, now: deps.clock() })) };
    },
  });

  r.post('/directory/taxonomy-terms', {
    config: { personData: false },
    bodyLimit: deps.config.imports.bodyLimit,
    schema: {
      tags,
      summary: 'Load the vocabulary services are classified by: an Open Referral UK /taxonomy_terms page, or {files: {"taxonomy_terms.csv": "…"}} with format=csv',
      querystring: importQuery,
      response: { 200: answer, ...errors },
    },
    handler: async (request) => {
      keeper(request);
      const loaded =
        request.query.format === 'csv' ? await loadVocabulary(db, 'csv', Object.values(parseCsvFiles(request.body))[0] ?? '') : await loadVocabulary(db, 'json', request.body);
      return { ...loaded };
    },
  });
}

function parseCsvFiles(body: unknown): Record<string, string> {
  const parsed = csvFiles.safeParse(body);
  if (!parsed.success) throw DomainError.field(parsed.error.issues[0]?.path.join('.') || 'files', parsed.error.issues[0]?.message ?? 'Give the CSV files by name');
  return parsed.data.files;
}
