/**
 * Single sign-on routes: what the sign-in page offers, the start of a sign-in (off to the
 * provider) and its end (back from it, with a session). All three are public, and none touches
 * person data. Start and callback answer 404 when single sign-on is not configured.
 */
import { timingSafeEqual } from 'node:crypto';
import { DomainError } from '@kith/core';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { SESSION_COOKIE } from '../../platform/auth/session.js';
import type { AppDeps } from '../../platform/http/deps.js';
import { refuse } from './refusal.js';
import { newChecks, NotVerified, ProviderRefused, ProviderUnavailable, RelyingParty } from './relying-party.js';
import { recordRefusal, SignInRefused, signInWithIdentity } from './service.js';
import { openChecks, sealChecks, STATE_COOKIE, STATE_COOKIE_PATH, STATE_MAX_AGE_SECONDS, stateCookieKey } from './state-cookie.js';

export const SSO_START_PATH = '/api/v1/auth/oidc/start';

const options = z.object({
  /** Null when this Kith has no single sign-on. */
  singleSignOn: z.object({ label: z.string(), startUrl: z.string() }).nullable(),
});

const NOT_STARTED_HERE =
  'This sign-in could not be finished: it was not started in this browser, or it took too long. Start again from the sign-in page.';
const NOT_VERIFIED = 'Kith could not check the answer from your organisation’s sign-in service. Start again from the sign-in page.';
const CANCELLED = 'Your organisation’s sign-in service did not sign you in. Start again from the sign-in page.';
const UNAVAILABLE = 'Kith could not reach your organisation’s sign-in service. Try again in a few minutes.';

export async function ssoRoutes(app: FastifyInstance, deps: AppDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const settings = deps.config.oidc;
  const party = settings ? new RelyingParty(settings) : undefined;
  const key = settings ? stateCookieKey(settings.clientSecret) : undefined;
  const { db } = deps.database;

  r.get('/auth/options', {
    config: { public: true, personData: false },
    schema: { tags: ['auth'], summary: 'How staff may sign in here: whether single sign-on is offered', response: { 200: options } },
    handler: async () => ({ singleSignOn: settings ? { label: settings.label, startUrl: SSO_START_PATH } : null }),
  });

  r.get('/auth/oidc/start', {
    config: { public: true, personData: false },
    schema: { tags: ['auth'], summary: 'Start single sign-on: redirects to the organisation’s OpenID provider' },
    handler: async (request, reply) => {
      if (!party || !key) throw new DomainError('not_found', 'Single sign-on is not set up for this Kith');
      const checks = newChecks();
      let destination: URL;
      try {
        destination = await party.authorizationUrl(checks);
      } catch (error) {
        if (!(error instanceof ProviderUnavailable)) throw error;
        request.log.warn({ err: error }, 'single sign-on provider unavailable');
        return refuse(request, reply, 502, UNAVAILABLE);
      }
      // Lax, not Strict: the provider's redirect back is a cross-site navigation, and a Strict
      // cookie would not come with it.
      reply.setCookie(STATE_COOKIE, sealChecks(key, checks, deps.clock()), {
        path: STATE_COOKIE_PATH,
        httpOnly: true,
        sameSite: 'lax',
        secure: deps.config.session.secureCookie,
        maxAge: STATE_MAX_AGE_SECONDS,
      });
      reply.header('cache-control', 'no-store');
      return reply.redirect(destination.href, 302);
    },
  });

  r.get('/auth/oidc/callback', {
    config: { public: true, personData: false },
    schema: { tags: ['auth'], summary: 'End of single sign-on: the provider sends the browser back here' },
    handler: async (request, reply) => {
      if (!party || !key || !settings) throw new DomainError('not_found', 'Single sign-on is not set up for this Kith');
      const now = deps.clock();
      const facts = { requestId: request.id, clientAddress: request.ip };
      const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?')) : '';
      // One use only: whatever happens next, this sign-in's checks are spent.
      reply.clearCookie(STATE_COOKIE, { path: STATE_COOKIE_PATH });
      reply.header('cache-control', 'no-store');
      try {
        const checks = openChecks(key, request.cookies[STATE_COOKIE], now);
        if (!checks) throw new SignInRefused(NOT_STARTED_HERE, 'no sign-in in progress in this browser');
        if (!sameText(new URLSearchParams(query).get('state') ?? '', checks.state)) {
          throw new SignInRefused(NOT_STARTED_HERE, 'state mismatch');
        }
        const identity = await verify(party, query, checks);
        const { session } = await signInWithIdentity(db, settings, identity, now, deps.config.session, facts);
        // The same cookie as a password sign-in sets (modules/auth/routes.ts).
        reply.setCookie(SESSION_COOKIE, session.token, {
          path: '/',
          httpOnly: true,
          sameSite: 'strict',
          secure: deps.config.session.secureCookie,
          expires: session.expiresAt,
        });
        return reply.redirect('/', 303);
      } catch (error) {
        if (error instanceof SignInRefused) {
          await recordRefusal(db, error, now, facts);
          return refuse(request, reply, 403, error.detail);
        }
        if (error instanceof ProviderUnavailable) {
          request.log.warn({ err: error }, 'single sign-on provider unavailable');
          await recordRefusal(db, new SignInRefused(UNAVAILABLE, 'provider unavailable'), now, facts);
          return refuse(request, reply, 502, UNAVAILABLE);
        }
        throw error;
      }
    },
  });
}

/** The provider's answer, checked; its failures become refusals with the reason kept for audit. */
async function verify(party: RelyingParty, query: string, checks: Parameters<RelyingParty['verify']>[1]) {
  try {
    return await party.verify(query, checks);
  } catch (error) {
    if (error instanceof ProviderRefused) throw new SignInRefused(CANCELLED, error.message);
    if (error instanceof NotVerified) throw new SignInRefused(NOT_VERIFIED, `not verified: ${error.message.slice(0, 200)}`);
    throw error;
  }
}

function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}
