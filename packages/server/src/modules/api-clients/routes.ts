import { API_SCOPES, type ApiScope, DomainError } from '@kith/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { actorOf, apiClientOf } from '../../platform/http/authenticate.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { problemSchema } from '../../platform/http/openapi.js';
import { errorHandler } from '../../platform/http/problem.js';
import {
  type ChangeContext,
  changeApiClient,
  createApiClient,
  getApiClient,
  listApiClients,
  requireAdministrator,
  rotateSecret,
} from './service.js';
import { credentialsOf, parseFormBody, tokenRequestOf } from './token-request.js';
import { issueToken, OAuthError, recordTokenRefusal } from './token.js';

const SCOPE_NAMES = Object.keys(API_SCOPES) as [ApiScope, ...ApiScope[]];

const scopes = z.array(z.enum(SCOPE_NAMES, 'Must be one of ' + SCOPE_NAMES.join(', '))).min(1, 'Give the client at least one scope').max(SCOPE_NAMES.length * 2);
const name = z.string().trim().min(1, 'Cannot be empty').max(100);
const clientView = z.object({
  id: z.uuid().describe('The client id'),
  name: z.string(),
  organisationId: z.uuid(),
  organisationName: z.string(),
  scopes: z.array(z.enum(SCOPE_NAMES)),
  disabled: z.boolean(),
  createdAt: z.date(),
  secretRotatedAt: z.date().nullable(),
  previousSecretExpiresAt: z.date().nullable().describe('Until when the secret before the last rotation still works'),
});
const secretNote = 'Shown only in this answer: Kith keeps only its hash';
const idParams = z.object({ id: z.uuid('Must be an API client id') });
const errors = { 400: problemSchema, 403: problemSchema, 404: problemSchema };
const oauthError = z.object({ error: z.string(), error_description: z.string().optional() }).describe('RFC 6749 §5.2 error');

export async function apiClientRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;
  const tags = ['api-clients'];
  const context = (request: FastifyRequest): ChangeContext => {
    const actor = actorOf(request);
    requireAdministrator(actor);
    return { actor, now: deps.clock(), requestId: request.id, clientAddress: request.ip };
  };

  r.get('/admin/api-clients', {
    config: { personData: false },
    schema: { tags, summary: 'API clients (administrators)', response: { 200: z.array(clientView), ...errors } },
    handler: async (request) => {
      requireAdministrator(actorOf(request));
      return listApiClients(db, deps.clock());
    },
  });

  r.get('/admin/api-clients/:id', {
    config: { personData: false },
    schema: { tags, summary: 'One API client (administrators); never its secret', params: idParams, response: { 200: clientView, ...errors } },
    handler: async (request) => {
      requireAdministrator(actorOf(request));
      return getApiClient(db, request.params.id, deps.clock());
    },
  });

  r.post('/admin/api-clients', {
    config: { personData: false },
    schema: {
      tags,
      summary: 'Create an API client (administrators); the answer holds its secret, once',
      body: z.strictObject({ name, organisationId: z.uuid('Must be an organisation id'), scopes }),
      response: { 201: z.object({ client: clientView, clientSecret: z.string().describe(secretNote) }), ...errors },
    },
    handler: async (request, reply) => {
      const created = await createApiClient(db, request.body, context(request));
      return reply.code(201).header('cache-control', 'no-store').send(created);
    },
  });

  r.patch('/admin/api-clients/:id', {
    config: { personData: false },
    schema: {
      tags,
      summary: 'Rename an API client, change its scopes, or disable or enable it (administrators)',
      params: idParams,
      body: z.strictObject({ name: name.optional(), scopes: scopes.optional(), disabled: z.boolean().optional() }),
      response: { 204: z.null().describe('Done'), ...errors },
    },
    handler: async (request, reply) => {
      await changeApiClient(db, request.params.id, request.body, context(request));
      return reply.code(204).send(null);
    },
  });

  r.post('/admin/api-clients/:id/rotate-secret', {
    config: { personData: false },
    schema: {
      tags,
      summary: 'Give an API client a new secret (administrators); the old one works for a grace period',
      params: idParams,
      response: {
        200: z.object({ clientSecret: z.string().describe(secretNote), previousSecretExpiresAt: z.date().nullable() }),
        ...errors,
      },
    },
    handler: async (request, reply) => {
      const rotated = await rotateSecret(db, request.params.id, deps.config.apiClients.secretGraceHours, context(request));
      return reply.header('cache-control', 'no-store').send(rotated);
    },
  });

  r.get('/api-clients/me', {
    config: { personData: false, apiScopes: [] },
    schema: {
      tags,
      summary: 'The API client calling, with the scopes of its token: a check that a connected system is set up',
      response: {
        200: z.object({ clientId: z.uuid(), name: z.string(), organisationId: z.uuid(), organisationName: z.string(), scopes: z.array(z.string()) }),
        401: problemSchema,
        403: problemSchema,
      },
    },
    handler: async (request) => {
      const { clientId, name, organisationId, organisationName, scopes } = apiClientOf(request);
      return { clientId, name, organisationId, organisationName, scopes };
    },
  });

  await app.register(async (oauth) => {
    oauth.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) =>
      done(null, parseFormBody(body as string)),
    );
    oauth.withTypeProvider<ZodTypeProvider>().post('/oauth/token', {
      config: { public: true, personData: false, credentialAttempt: true },
      schema: {
        tags,
        summary: 'An access token for an API client (OAuth 2.0 client credentials, RFC 6749 §4.4)',
        description:
          'Authenticate with HTTP Basic (client id and secret), or send client_id and client_secret in the body, ' +
          'form-encoded or JSON. grant_type must be client_credentials; scope (space-separated) may narrow the scopes.',
        consumes: ['application/x-www-form-urlencoded', 'application/json'],
        response: {
          200: z.object({ access_token: z.string(), token_type: z.literal('Bearer'), expires_in: z.int(), scope: z.string() }),
          400: oauthError,
          401: oauthError,
        },
      },
      errorHandler: (error, request, reply) => tokenErrorHandler(error, request, reply, deps),
      handler: async (request, reply) => {
        reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
        const token = await issueToken(db, tokenRequestOf(request.body, credentialsOf(request.headers.authorization)), {
          now: deps.clock(),
          tokenMinutes: deps.config.apiClients.tokenMinutes,
          requestId: request.id,
          clientAddress: request.ip,
        });
        return token;
      },
    });
  });
}

/**
 * Refusals from the token endpoint take RFC 6749's shape, not problem+json, since OAuth client
 * libraries read `error`. A body that cannot be read is invalid_request (and is audited); a rate
 * limit keeps the problem+json answer every route gives.
 */
async function tokenErrorHandler(error: FastifyError | OAuthError, request: FastifyRequest, reply: FastifyReply, deps: AppDeps) {
  let refusal = error instanceof OAuthError ? error : undefined;
  const status = (error as FastifyError).statusCode;
  if (!refusal && !(error instanceof DomainError) && status !== undefined && status >= 400 && status < 500) {
    refusal = new OAuthError('invalid_request', 'The request body could not be read', 'malformed request');
  }
  if (refusal && !refusal.audited) {
    const facts = { now: deps.clock(), requestId: request.id, clientAddress: request.ip };
    await recordTokenRefusal(deps.database.db, refusal, givenClientId(request), facts);
  }
  if (!refusal) return errorHandler(error as FastifyError, request, reply);
  reply.header('cache-control', 'no-store').header('pragma', 'no-cache');
  if (refusal.error === 'invalid_client') reply.header('www-authenticate', 'Basic realm="Kith API"');
  return reply.code(refusal.status).type('application/json').send({ error: refusal.error, error_description: refusal.description });
}

/** The client id the caller gave, for the audit event of a refusal made before it was read. */
function givenClientId(request: FastifyRequest): string | undefined {
  const fromBody = (request.body as Record<string, unknown> | undefined)?.client_id;
  if (typeof fromBody === 'string') return fromBody;
  try {
    return credentialsOf(request.headers.authorization)?.clientId;
  } catch {
    return undefined;
  }
}
