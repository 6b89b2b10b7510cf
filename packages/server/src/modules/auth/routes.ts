import { DomainError, STAFF_ROLES } from '@kith/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSRF_HEADER, csrfTokenFor, csrfTokenMatches } from '../../platform/auth/csrf.js';
import { endSession, SESSION_COOKIE } from '../../platform/auth/session.js';
import { actorOf } from '../../platform/http/authenticate.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { signIn } from './service.js';

const staffView = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string(),
  roles: z.array(z.object({ organisationId: z.uuid(), organisationName: z.string(), role: z.enum(STAFF_ROLES) })),
});
/** csrfToken goes back in the x-csrf-token header of every state-changing request. */
const signedIn = z.object({ staff: staffView, csrfToken: z.string() });

export async function authRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { db } = deps.database;

  r.post('/auth/sign-in', {
    config: { public: true, personData: false },
    schema: {
      tags: ['auth'],
      summary: 'Sign in with a local staff account',
      body: z.strictObject({ email: z.string().trim().min(1).max(254), password: z.string().min(1).max(1024) }),
      response: { 200: signedIn },
    },
    handler: async (request, reply) => {
      const facts = { requestId: request.id, clientAddress: request.ip };
      const result = await signIn(db, request.body, deps.clock(), deps.config.session, facts);
      reply.setCookie(SESSION_COOKIE, result.session.token, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure: deps.config.session.secureCookie,
        expires: result.session.expiresAt,
      });
      return { staff: result.staff, csrfToken: csrfTokenFor(result.session.token) };
    },
  });

  r.post('/auth/sign-out', {
    config: { public: true, personData: false },
    schema: { tags: ['auth'], summary: 'End this session' },
    handler: async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token && !csrfTokenMatches(token, request.headers[CSRF_HEADER])) {
        throw new DomainError('forbidden', 'Sign-out was refused: the request did not carry this session’s CSRF token');
      }
      if (token) await endSession(db, token, deps.sessionCache);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send();
    },
  });

  r.get('/auth/me', {
    config: { personData: false },
    schema: { tags: ['auth'], summary: 'The signed-in member of staff', response: { 200: signedIn } },
    handler: async (request) => {
      const actor = actorOf(request);
      const csrfToken = csrfTokenFor(request.cookies[SESSION_COOKIE]!);
      return { staff: { id: actor.staffId, name: actor.name, email: actor.email, roles: actor.roles }, csrfToken };
    },
  });
}
