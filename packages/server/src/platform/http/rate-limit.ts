/**
 * Requests are limited per client address, before anything else looks at them (so a flood of
 * forged cookies or tokens is slowed before it reaches the database): a generous limit over all
 * of /api/v1, and a tight one where a password or a client secret can be guessed. Past either, the
 * answer is a 429 problem with Retry-After. Counts are kept in each instance's memory, so
 * several instances each allow the limit; account lockout (auth) still holds across them.
 */
import rateLimit from '@fastify/rate-limit';
import { DomainError } from '@kith/core';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Config } from '../../config.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** The route takes a password or a secret: the tight per-address limit applies. */
    credentialAttempt?: boolean;
  }
}

/** Routes of other modules that take credentials, named here so those modules need not change. */
const CREDENTIAL_ROUTES = new Set(['POST /api/v1/auth/sign-in']);

const MINUTE = 60_000;

type Limiter = (request: FastifyRequest, reply: FastifyReply) => Promise<void>;

export function takesCredentials(request: FastifyRequest): boolean {
  return (
    request.routeOptions.config?.credentialAttempt === true ||
    CREDENTIAL_ROUTES.has(`${request.method} ${request.routeOptions.url ?? ''}`)
  );
}

export const rateLimits = fp(async (app: FastifyInstance, limits: Config['rateLimit']) => {
  await app.register(rateLimit, {
    global: false,
    cache: 10_000,
    errorResponseBuilder: (_request, context) =>
      new DomainError(
        'rate_limited',
        `Too many requests from this address. Try again in ${Math.max(1, Math.ceil(context.ttl / 1000))} seconds.`,
      ),
  });
  const limiter = (max: number): Limiter | undefined =>
    max > 0 ? (app.rateLimit({ max, timeWindow: MINUTE }) as Limiter) : undefined;
  const general = limiter(limits.perMinute);
  const credentials = limiter(limits.signInPerMinute);

  app.addHook('onRequest', async (request, reply) => {
    if (!request.url.startsWith('/api/v1/')) return;
    const limit = takesCredentials(request) ? credentials : general;
    if (limit) await limit(request, reply);
  });
});
