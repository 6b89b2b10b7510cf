/**
 * Only signed-in staff reach the API: every route under /api/v1 is closed unless its config says
 * `public: true` (sign-in, sign-out), and every state-changing request must carry the session's
 * CSRF token (auth/csrf.ts). The actor found here is what the access gate
 * and the audit log will use.
 */
import { DomainError } from '@kith/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { CSRF_HEADER, changesState, csrfTokenMatches } from '../auth/csrf.js';
import { type Actor, actorForToken, SESSION_COOKIE } from '../auth/session.js';
import type { AppDeps } from './deps.js';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    public?: boolean;
  }
}

export const authenticate = fp(async (app: FastifyInstance, deps: AppDeps) => {
  app.decorateRequest('actor', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/v1/') || request.routeOptions.config?.public) return;
    const token = request.cookies[SESSION_COOKIE];
    const actor = token
      ? await actorForToken(deps.database.db, token, deps.clock(), deps.config.session, deps.sessionCache)
      : undefined;
    if (!actor) throw new DomainError('unauthenticated', 'Sign in to continue');
    if (changesState(request.method) && !csrfTokenMatches(token!, request.headers[CSRF_HEADER])) {
      throw new DomainError('forbidden', 'This change was refused: the request did not carry this session’s CSRF token', [
        { field: CSRF_HEADER, reason: 'Missing or not this session’s token' },
      ]);
    }
    request.actor = actor;
  });
});

/** The actor of a route that authenticate has already let through. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new DomainError('unauthenticated', 'Sign in to continue');
  return request.actor;
}
