/**
 * Only signed-in staff and API clients reach the API: every route under /api/v1 is closed unless
 * its config says `public: true` (sign-in, sign-out, the token endpoint). Staff send their
 * session cookie, and every state-changing request must carry the session's CSRF token
 * (auth/csrf.ts). Other systems send `Authorization: Bearer <token>` (auth/api-token.ts), and
 * only to routes whose config names `apiScopes`; a bearer request carries no cookie, so CSRF
 * does not arise. Every API client request, allowed or refused, writes one audit event. The
 * actor found here is what the access gate and the audit log will use.
 */
import { type AuditEvent, DomainError } from '@kith/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { recordAuditEvent } from '../audit/record.js';
import { type ApiClientIdentity, apiClientForToken } from '../auth/api-token.js';
import { CSRF_HEADER, changesState, csrfTokenMatches } from '../auth/csrf.js';
import { type Actor, actorForToken, SESSION_COOKIE } from '../auth/session.js';
import type { AppDeps } from './deps.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The API client behind a bearer token; staff requests leave it null. */
    apiClient: ApiClientIdentity | null;
    /** Set for every request that came with a bearer token: what its audit event says. */
    apiCall: ApiCall | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
    /**
     * API clients may call the route with a token carrying one of these scopes (core's
     * API_SCOPES); `[]` lets any valid token in. Without it, a bearer token is refused.
     */
    apiScopes?: readonly string[];
  }
}

interface ApiCall {
  client: ApiClientIdentity | null;
  /** Why the request was refused before it reached the route. */
  refused?: string;
  audited: boolean;
}

const BEARER = /^Bearer[ ]+(\S+)\s*$/i;
const REALM = 'realm="Kith API"';

export const authenticate = fp(async (app: FastifyInstance, deps: AppDeps) => {
  app.decorateRequest('actor', null);
  app.decorateRequest('apiClient', null);
  app.decorateRequest('apiCall', null);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/') || request.routeOptions.config?.public) return;
    const authorization = request.headers.authorization;
    if (authorization && /^Bearer(\s|$)/i.test(authorization)) {
      await authenticateApiClient(request, reply, authorization, deps);
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    const actor = token
      ? await actorForToken(deps.database.db, token, deps.clock(), deps.config.session, deps.sessionCache)
      : undefined;
    if (!actor) {
      // A cookie that names no live session is forged, expired or ended: recorded, but answered
      // exactly as no cookie at all. No cookie is simply not signed in, and not recorded.
      if (token) await recordRefusal(deps, request, { action: 'sign_in_failed', resourceType: 'staff_session', reason: 'unknown, expired or ended session' });
      throw new DomainError('unauthenticated', 'Sign in to continue');
    }
    if (changesState(request.method) && !csrfTokenMatches(token!, request.headers[CSRF_HEADER])) {
      await recordRefusal(deps, request, { action: 'write', resourceType: 'request', reason: 'missing or wrong CSRF token', staffId: actor.staffId });
      throw new DomainError('forbidden', 'This change was refused: the request did not carry this session’s CSRF token', [
        { field: CSRF_HEADER, reason: 'Missing or not this session’s token' },
      ]);
    }
    request.actor = actor;
  });

  // Before the answer leaves, so no API client request is answered without its audit event.
  app.addHook('onSend', async (request, reply) => {
    const call = request.apiCall;
    if (!call || call.audited) return;
    call.audited = true;
    await recordAuditEvent(deps.database.db, apiCallEvent(request, reply, call, deps.clock()));
  });
});

/** A refused staff request, recorded before the 401 or 403 goes back. */
function recordRefusal(
  deps: AppDeps,
  request: FastifyRequest,
  refusal: { action: 'sign_in_failed' | 'write'; resourceType: string; reason: string; staffId?: string },
) {
  return recordAuditEvent(deps.database.db, {
    at: deps.clock(),
    actor: { kind: 'staff', staffId: refusal.staffId ?? null },
    resourceType: refusal.resourceType,
    // The route as declared, not the URL: a path or query may hold a person's identifiers.
    resourceId: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
    action: refusal.action,
    outcome: 'denied',
    reason: refusal.reason,
    requestId: request.id,
    clientAddress: request.ip,
  });
}

async function authenticateApiClient(request: FastifyRequest, reply: FastifyReply, authorization: string, deps: AppDeps) {
  const call: ApiCall = { client: null, audited: false };
  request.apiCall = call;
  const token = BEARER.exec(authorization)?.[1];
  const client = token ? await apiClientForToken(deps.database.db, token, deps.clock()) : undefined;
  const wanted = request.routeOptions.config?.apiScopes;
  if (!client || !wanted) {
    // One answer for an unknown, expired, revoked or forged token and for a route that takes
    // none: which it was is for the audit log, not for the caller.
    call.client = client ?? null;
    call.refused = !client ? 'unknown, expired or revoked token' : 'route not open to API clients';
    reply.header('www-authenticate', `Bearer ${REALM}, error="invalid_token"`);
    throw new DomainError('unauthenticated', 'The access token is not valid. Get a new one from /api/v1/oauth/token.');
  }
  call.client = client;
  if (wanted.length > 0 && !wanted.some((scope) => client.scopes.includes(scope))) {
    call.refused = 'scope not granted';
    reply.header('www-authenticate', `Bearer ${REALM}, error="insufficient_scope", scope="${wanted.join(' ')}"`);
    throw new DomainError('forbidden', `This needs an access token with the scope ${wanted.join(' or ')}`);
  }
  request.apiClient = client;
}

function apiCallEvent(request: FastifyRequest, reply: FastifyReply, call: ApiCall, now: Date): AuditEvent {
  const allowed = !call.refused && reply.statusCode < 400;
  return {
    at: now,
    actor: { kind: 'api_client', apiClientId: call.client?.clientId ?? null, organisationId: call.client?.organisationId ?? null },
    resourceType: 'api_call',
    // The route as declared, not the URL: a path or query may hold a person's identifiers.
    resourceId: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
    action: changesState(request.method) ? 'write' : 'read',
    outcome: allowed ? 'allowed' : 'denied',
    reason: allowed ? null : (call.refused ?? `answered ${reply.statusCode}`),
    requestId: request.id,
    clientAddress: request.ip,
  };
}

/** The actor of a route that authenticate has already let through. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('unauthenticated', 'Sign in to continue');
  return request.actor;
}

/** The API client of a route that only API clients call. */
export function apiClientOf(request: FastifyRequest): ApiClientIdentity {
  if (!request.apiClient) throw new DomainError('forbidden', 'Only an API client, with an access token, can call this');
  return request.apiClient;
}
