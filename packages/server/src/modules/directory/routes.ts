/**
 * The directory over HTTP, for staff: search, a service's listing, and (for those who look after
 * the directory) its feeds, their imports and the vocabulary. Other directories push their feeds
 * with an API client holding directory:write. The directory itself holds no person data; only a
 * search near a person's home reads their record, through the gate.
 */
import { DomainError, directorySearchQuerySchema, listingEditSchema } from '@kith/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { accessContext } from '../../platform/access/index.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { feedBodySchema, feedIdSchema, listFeeds, requireDirectoryKeeper, saveFeed } from './feeds.js';
import { type Importer, importFeed } from './imports.js';
import { readListing } from './listing.js';
import { decideEdit, editListing, linkPartner, pendingEdits } from './listing-edits.js';
import { staleListings } from './stale.js';
import { exportDirectory } from './export.js';
import { searchDirectory } from './search.js';
import { DirectorySearchIndex } from './search-index.js';
import { loadVocabulary } from './taxonomy.js';

const tags = ['directory'];
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema, 409: problemSchema };
const answer = z.looseObject({});
const feedParams = z.strictObject({ feedId: feedIdSchema });
const serviceParams = z.strictObject({ id: z.uuid('Must be a directory service id') });
const reviewParams = z.strictObject({ id: z.uuid('Must be a listing edit id') });
const decisionBody = z.strictObject({
  decision: z.enum(['approve', 'reject'], 'Must be approve or reject'),
  note: z.string().trim().max(1000, 'At most 1000 characters').optional(),
});
const partnerBody = z.strictObject({ partnerOrganisationId: z.uuid('Must be a partner organisation id').nullable() });
const pageQuery = z.strictObject({
  page: z.coerce.number().int('Must be a whole number').min(1, 'Must be 1 or more').max(10_000).default(1),
  perPage: z.coerce.number().int('Must be a whole number').min(1, 'Must be 1 or more').max(100, 'At most 100').default(50),
});
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

function staff(request: FastifyRequest) {
  if (!request.actor) throw new DomainError('unauthenticated', 'Sign in to continue');
  return request.actor;
}

function keeper(request: FastifyRequest): void {
  requireDirectoryKeeper(staff(request).roles);
}

export async function directoryRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const searchIndex = new DirectorySearchIndex(deps.database);
  app.addHook('onClose', () => searchIndex.close());
  // A change made here is searched at once, without waiting for the database's notification.
  app.addHook('onSend', async (request, reply) => {
    if (request.method !== 'GET' && reply.statusCode < 400) searchIndex.changedHere();
  });

  r.get('/directory/services', {
    // Near a person, the search reads where they live through the gate.
    config: { personData: true },
    schema: {
      tags,
      summary: 'Search the directory: words, taxonomy, needs, age, free only, day and time, accessibility, distance from a postcode or a person’s home',
      querystring: directorySearchQuerySchema,
      response: { 200: answer, ...errors },
    },
    handler: async (request, reply) => {
      const json = await searchDirectory(searchIndex, db, accessContext(request, deps), request.query);
      // Already JSON text (search.ts): Fastify sends a string with a JSON type as it is, unserialised.
      return reply.type('application/json; charset=utf-8').send(json as unknown as Record<string, unknown>);
    },
  });

  r.get('/directory/services/:id', {
    config: { personData: false },
    schema: { tags, summary: 'A service’s listing, as its page shows it', params: serviceParams, response: { 200: answer, ...errors } },
    handler: async (request) => ({ ...(await readListing(db, request.params.id, deps.clock(), request.actor ?? undefined)) }),
  });

  r.put('/directory/services/:id/listing', {
    config: { personData: false },
    schema: {
      tags,
      summary: 'Change a listing at the version read: its details, capacity, referral mode, or that it was checked today. Its organisation’s staff and those who look after the directory change it at once (200); anyone else’s edit waits for review (202)',
      params: serviceParams,
      body: listingEditSchema,
      response: { 200: answer, 202: answer, ...errors },
    },
    handler: async (request, reply) => {
      const outcome = await editListing(db, staff(request), request.params.id, request.body, deps.clock());
      return outcome.applied ? reply.code(200).send({ ...outcome.listing }) : reply.code(202).send({ reviewId: outcome.reviewId });
    },
  });

  r.get('/directory/reviews', {
    config: { personData: false },
    schema: { tags, summary: 'Listing edits waiting for review, oldest first', response: { 200: answer, ...errors } },
    handler: async (request) => ({ edits: await pendingEdits(db, staff(request)) }),
  });

  r.post('/directory/reviews/:id', {
    config: { personData: false },
    schema: { tags, summary: 'Approve (applied as proposed, if the listing has not changed since) or reject a listing edit', params: reviewParams, body: decisionBody, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await decideEdit(db, staff(request), request.params.id, { approve: request.body.decision === 'approve', note: request.body.note }, deps.clock());
      return reply.code(204).send(null);
    },
  });

  r.get('/directory/stale', {
    config: { personData: false },
    schema: { tags, summary: 'Listings not checked for six months or never, oldest first', querystring: pageQuery, response: { 200: answer, ...errors } },
    handler: async (request) => ({ ...(await staleListings(db, staff(request), deps.clock(), request.query.page, request.query.perPage)) }),
  });

  r.put('/directory/organizations/:id/partner', {
    config: { personData: false },
    schema: {
      tags,
      summary: 'Name the partner organisation whose staff may edit this organisation’s listings (null for none)',
      params: z.strictObject({ id: z.uuid('Must be a directory organisation id') }),
      body: partnerBody,
      response: { 204: z.null(), ...errors },
    },
    handler: async (request, reply) => {
      await linkPartner(db, staff(request), request.params.id, request.body.partnerOrganisationId);
      return reply.code(204).send(null);
    },
  });

  r.get('/directory/export', {
    config: { personData: false },
    schema: {
      tags,
      summary: 'The directory (or one feed) as Open Referral UK: a v3 JSON page of whole services, or the CSV set as {files} (format=csv); the shape an import takes',
      querystring: z.strictObject({ format: z.enum(['json', 'csv'], 'Must be json or csv').default('json'), feedId: feedIdSchema.optional() }),
      response: { 200: answer, ...errors },
    },
    handler: async (request) => {
      keeper(request);
      return exportDirectory(db, request.query);
    },
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
