/**
 * buildApp: the whole HTTP application from its dependencies, with no listen(), so tests drive
 * it in-process with app.inject and main.ts serves it. Every module is registered here by hand.
 */
import { randomUUID } from 'node:crypto';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { accountRoutes } from './modules/accounts/routes.js';
import { apiClientRoutes } from './modules/api-clients/routes.js';
import { authRoutes } from './modules/auth/routes.js';
import { assessmentRoutes } from './modules/assessments/routes.js';
import { auditLogRoutes } from './modules/audit-log/routes.js';
import { breakGlassRoutes } from './modules/break-glass/routes.js';
import { caseFindingRoutes } from './modules/case-finding/routes.js';
import { careTeamRoutes } from './modules/care-team/routes.js';
import { consentRoutes } from './modules/consent/routes.js';
import { importRoutes } from './modules/imports/routes.js';
import { directoryRoutes } from './modules/directory/routes.js';
import { orukRoutes } from './modules/directory/oruk-routes.js';
import { socialPrescribingRoutes } from './modules/social-prescribing/routes.js';
import { enquiryRoutes } from './modules/enquiries/routes.js';
import { myLifePlanRoutes } from './modules/my-life-plan/routes.js';
import { peopleRoutes } from './modules/people/routes.js';
import { recordEntryRoutes } from './modules/record-entries/routes.js';
import { recordOpeningRoutes } from './modules/record-opening/routes.js';
import { huddleMeetingRoutes } from './modules/huddle-meetings/routes.js';
import { huddleRoutes } from './modules/huddles/routes.js';
import { referralRoutes } from './modules/referrals/routes.js';
import { summaryRoutes } from './modules/summary/routes.js';
import { registryRoutes } from './modules/registry/routes.js';
import { ssoRoutes } from './modules/sso/routes.js';
import { supportEpisodeRoutes } from './modules/support-episodes/routes.js';
import { taskRoutes } from './modules/tasks/routes.js';
import { timelineRoutes } from './modules/timeline/routes.js';
import { accessGuard } from './platform/access/index.js';
import { SessionCache } from './platform/auth/session-cache.js';
import { authenticate } from './platform/http/authenticate.js';
import type { AppDeps } from './platform/http/deps.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { rateLimits } from './platform/http/rate-limit.js';
import { registerSecurityHeaders } from './platform/http/security-headers.js';
import { errorHandler, problem, sendProblem } from './platform/http/problem.js';
import { registerWebApp } from './platform/http/web-app.js';

export type { AppDeps } from './platform/http/deps.js';

export async function buildApp(given: AppDeps): Promise<FastifyInstance> {
  const deps = { ...given, sessionCache: given.sessionCache ?? new SessionCache(given.config.session.cacheSeconds) };
  const app = Fastify({
    logger: { level: deps.config.logLevel },
    bodyLimit: deps.config.bodyLimit,
    genReqId: () => randomUUID(),
    requestIdHeader: false,
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    // From the request's arrival to its answer, serialised: the server's own time, as benchmarks measure it.
    if (deps.config.serverTiming) reply.header('server-timing', `app;dur=${reply.elapsedTime.toFixed(2)}`);
  });

  await app.register(cookie);
  await registerSecurityHeaders(app);
  await registerOpenApi(app);
  await app.register(rateLimits, deps.config.rateLimit);
  await app.register(authenticate, deps);
  await app.register(accessGuard);
  await app.register(
    async (api) => {
      await api.register(authRoutes, deps);
      await api.register(ssoRoutes, deps);
      await api.register(accountRoutes, deps);
      await api.register(apiClientRoutes, deps);
      await api.register(peopleRoutes, deps);
      await api.register(careTeamRoutes, deps);
      await api.register(caseFindingRoutes, deps);
      await api.register(consentRoutes, deps);
      await api.register(summaryRoutes, deps);
      await api.register(recordEntryRoutes, deps);
      await api.register(referralRoutes, deps);
      await api.register(huddleRoutes, deps);
      await api.register(huddleMeetingRoutes, deps);
      await api.register(taskRoutes, deps);
      await api.register(assessmentRoutes, deps);
      await api.register(myLifePlanRoutes, deps);
      await api.register(timelineRoutes, deps);
      await api.register(recordOpeningRoutes, deps);
      await api.register(supportEpisodeRoutes, deps);
      await api.register(breakGlassRoutes, deps);
      await api.register(auditLogRoutes, deps);
      await api.register(registryRoutes, deps);
      await api.register(importRoutes, deps);
      await api.register(directoryRoutes, deps);
      await api.register(socialPrescribingRoutes, deps);
      await api.register(enquiryRoutes, deps);
    },
    { prefix: '/api/v1' },
  );
  await app.register(orukRoutes, { ...deps, prefix: '/openreferral' });
  await registerWebApp(app);
  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, { ...problem(404, `Nothing is found at ${request.url.split('?')[0]}`), instance: request.url }),
  );
  return app;
}
