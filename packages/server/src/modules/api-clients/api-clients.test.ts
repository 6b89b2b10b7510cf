import { sql } from 'drizzle-orm';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { apiTokenHeaders, type AuthHeaders, createPractice, createStaff, signIn } from '../../../test/factories.js';
import { sealAuditEvents } from '../../platform/audit/seal.js';
import { verifyAuditChain } from '../../platform/audit/verify.js';
import { rowsOf } from '../../platform/db/client.js';
import { apiAccessToken, apiClient } from '../../platform/db/schema.js';

const start = new Date('2026-06-01T09:00:00Z');
const hours = (n: number) => new Date(start.getTime() + n * 3_600_000);

let t: TestApp;
let admin: AuthHeaders;
let nurse: AuthHeaders;
let practiceId: string;

beforeAll(async () => {
  t = await buildTestApp(start);
  // A route that needs a scope, as the import and alert routes will: only for this test.
  for (const method of ['GET', 'POST'] as const) {
    t.app.route({
      method,
      url: '/api/v1/test-only/alerts',
      config: { apiScopes: ['alerts:read', 'alerts:write'], personData: false },
      handler: async (request) => ({ clientId: request.apiClient?.clientId }),
    });
  }
  ({ practiceId } = await createPractice(t.database.db));
  await createStaff(t.database.db, { email: 'admin@example.test', role: 'admin', organisationId: practiceId });
  await createStaff(t.database.db, { email: 'nurse@example.test', role: 'nurse', organisationId: practiceId });
  admin = await signIn(t.app, 'admin@example.test');
  nurse = await signIn(t.app, 'nurse@example.test');
});
afterAll(() => t.close());

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

const createClient = (headers: AuthHeaders, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/admin/api-clients', headers, payload });

async function newClient(scopes = ['alerts:write'], name = 'Careline telecare') {
  const res = await createClient(admin, { name, organisationId: practiceId, scopes });
  expect(res.statusCode).toBe(201);
  const body = res.json() as { client: { id: string }; clientSecret: string };
  return { id: body.client.id, secret: body.clientSecret };
}

/** A token request in the form RFC 6749 asks for. */
function tokenRequest(fields: Record<string, string>, authorization?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/api/v1/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(authorization ? { authorization } : {}) },
    payload: new URLSearchParams(fields).toString(),
  });
}

const me = (authorization: string) => t.app.inject({ method: 'GET', url: '/api/v1/api-clients/me', headers: { authorization } });

interface EventRow {
  actorKind: string;
  apiClientId: string | null;
  organisationId: string | null;
  resourceType: string;
  resourceId: string | null;
  action: string;
  outcome: string;
  reason: string | null;
  clientAddress: string | null;
}

async function eventsFor(res: LightMyRequestResponse): Promise<EventRow[]> {
  return rowsOf<EventRow>(
    t.database.db,
    sql`SELECT actor_kind AS "actorKind", actor_api_client_id AS "apiClientId", actor_organisation_id AS "organisationId",
               resource_type AS "resourceType", resource_id AS "resourceId", action, outcome, reason, client_address AS "clientAddress"
        FROM audit_event WHERE request_id = ${String(res.headers['x-request-id'])} ORDER BY sequence`,
  );
}

describe('administrators manage API clients', () => {
  it('creates a client and shows its secret once; the list and the client never show it again', async () => {
    t.setNow(start);
    const res = await createClient(admin, { name: 'Careline telecare', organisationId: practiceId, scopes: ['alerts:write', 'alerts:read'] });
    expect(res.statusCode).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const { client, clientSecret } = res.json();
    expect(client).toMatchObject({ name: 'Careline telecare', organisationName: 'Tollgate Surgery', scopes: ['alerts:read', 'alerts:write'], disabled: false });
    expect(clientSecret).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const [stored] = await t.database.db.select().from(apiClient).where(sql`${apiClient.id} = ${client.id}`);
    expect(stored!.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored!.secretHash).not.toContain(clientSecret);

    const list = await t.app.inject({ method: 'GET', url: '/api/v1/admin/api-clients', headers: admin });
    const one = await t.app.inject({ method: 'GET', url: `/api/v1/admin/api-clients/${client.id}`, headers: admin });
    for (const answer of [list, one]) {
      expect(answer.statusCode).toBe(200);
      expect(answer.body).not.toContain(clientSecret);
      expect(answer.body).not.toContain(stored!.secretHash);
      expect(answer.body).not.toMatch(/clientSecret|secretHash/);
    }
    expect(list.json()).toEqual(expect.arrayContaining([expect.objectContaining({ id: client.id })]));
    expect(one.json()).toMatchObject({ id: client.id, previousSecretExpiresAt: null });

    const [event] = await eventsFor(res);
    expect(event).toMatchObject({ actorKind: 'staff', resourceType: 'api_client', resourceId: client.id, action: 'write', outcome: 'allowed' });
  });

  it('refuses unknown scopes and organisations, naming the field', async () => {
    const unknownScope = await createClient(admin, { name: 'X', organisationId: practiceId, scopes: ['everything'] });
    expect(unknownScope.statusCode).toBe(400);
    expect(unknownScope.json().errors).toEqual([expect.objectContaining({ field: 'scopes.0' })]);
    const noScope = await createClient(admin, { name: 'X', organisationId: practiceId, scopes: [] });
    expect(noScope.json().errors).toEqual([expect.objectContaining({ field: 'scopes' })]);
    const unknownOrganisation = await createClient(admin, { name: 'X', organisationId: '00000000-0000-4000-8000-000000000000', scopes: ['alerts:read'] });
    expect(unknownOrganisation.statusCode).toBe(400);
    expect(unknownOrganisation.json().errors).toEqual([expect.objectContaining({ field: 'organisationId' })]);
  });

  it('is refused to anyone who is not an administrator', async () => {
    const { id } = await newClient();
    const tries = [
      createClient(nurse, { name: 'Mine', organisationId: practiceId, scopes: ['alerts:read'] }),
      t.app.inject({ method: 'GET', url: '/api/v1/admin/api-clients', headers: nurse }),
      t.app.inject({ method: 'GET', url: `/api/v1/admin/api-clients/${id}`, headers: nurse }),
      t.app.inject({ method: 'PATCH', url: `/api/v1/admin/api-clients/${id}`, headers: nurse, payload: { disabled: true } }),
      t.app.inject({ method: 'POST', url: `/api/v1/admin/api-clients/${id}/rotate-secret`, headers: nurse }),
    ];
    for (const res of await Promise.all(tries)) expect(res.statusCode).toBe(403);
    const unsigned = await t.app.inject({ method: 'GET', url: '/api/v1/admin/api-clients' });
    expect(unsigned.statusCode).toBe(401);
  });

  it('renames a client and changes its scopes, which ends the tokens it holds', async () => {
    t.setNow(start);
    const client = await newClient(['alerts:read', 'alerts:write']);
    const auth = await apiTokenHeaders(t.app, client);
    const url = `/api/v1/admin/api-clients/${client.id}`;
    const res = await t.app.inject({ method: 'PATCH', url, headers: admin, payload: { name: 'Careline (new contract)', scopes: ['alerts:read'] } });
    expect(res.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url, headers: admin })).json()).toMatchObject({ name: 'Careline (new contract)', scopes: ['alerts:read'] });
    expect((await me(auth.authorization)).statusCode).toBe(401);
    const [event] = await eventsFor(res);
    expect(event).toMatchObject({ resourceId: client.id, reason: 'changed: name, scopes' });
  });
});

describe('the token endpoint (OAuth 2.0 client credentials)', () => {
  it('issues a bearer token for HTTP Basic credentials, stored only as a hash', async () => {
    t.setNow(start);
    const client = await newClient(['alerts:read', 'alerts:write']);
    const res = await tokenRequest({ grant_type: 'client_credentials' }, basic(client.id, client.secret));
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    expect(body).toEqual({ access_token: expect.any(String), token_type: 'Bearer', expires_in: 3600, scope: 'alerts:read alerts:write' });
    const stored = await t.database.db.select().from(apiAccessToken).where(sql`${apiAccessToken.clientId} = ${client.id}`);
    expect(stored).toHaveLength(1);
    expect(stored[0]!.tokenHash).not.toBe(body.access_token);
    expect(stored[0]!.expiresAt.getTime()).toBe(start.getTime() + 3_600_000);

    const who = await me(`Bearer ${body.access_token}`);
    expect(who.statusCode).toBe(200);
    expect(who.json()).toEqual({
      clientId: client.id,
      name: 'Careline telecare',
      organisationId: practiceId,
      organisationName: 'Tollgate Surgery',
      scopes: ['alerts:read', 'alerts:write'],
    });
    const [event] = await eventsFor(res);
    expect(event).toMatchObject({ actorKind: 'api_client', apiClientId: client.id, organisationId: practiceId, action: 'sign_in', outcome: 'allowed' });
  });

  it('takes the credentials in a form or JSON body too, and narrows the scopes when asked', async () => {
    const client = await newClient(['alerts:read', 'alerts:write']);
    const form = await tokenRequest({ grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret, scope: 'alerts:read' });
    expect(form.statusCode).toBe(200);
    expect(form.json().scope).toBe('alerts:read');
    const json = await t.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      payload: { grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret },
    });
    expect(json.statusCode).toBe(200);
    expect((await me(`Bearer ${form.json().access_token}`)).json().scopes).toEqual(['alerts:read']);
  });

  /** The secret with its last character changed: never the secret itself, whatever it ends with. */
  const otherLastCharacter = (secret: string) => `${secret.slice(0, -1)}${secret.endsWith('A') ? 'B' : 'A'}`;

  it('gives one answer for an unknown client, a wrong secret and a disabled client, and audits each', async () => {
    const client = await newClient();
    const disabled = await newClient();
    await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/api-clients/${disabled.id}`, headers: admin, payload: { disabled: true } });
    const answers = [
      await tokenRequest({ grant_type: 'client_credentials' }, basic('5d0c1a4e-2f0b-4c2e-9a7e-3b1d2c3e4f50', client.secret)),
      await tokenRequest({ grant_type: 'client_credentials' }, basic('not-even-an-id', client.secret)),
      await tokenRequest({ grant_type: 'client_credentials' }, basic(client.id, otherLastCharacter(client.secret))),
      await tokenRequest({ grant_type: 'client_credentials', client_id: client.id, client_secret: 'guess' }),
      await tokenRequest({ grant_type: 'client_credentials' }, basic(disabled.id, disabled.secret)),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Basic realm="Kith API"');
    }
    expect(new Set(answers.map((r) => r.body)).size).toBe(1);
    expect(answers[0]!.json()).toEqual({ error: 'invalid_client', error_description: expect.any(String) });

    const reasons = [];
    for (const res of answers) {
      const [event] = await eventsFor(res);
      expect(event).toMatchObject({ actorKind: 'api_client', action: 'sign_in_failed', outcome: 'denied', clientAddress: '127.0.0.1' });
      reasons.push(event!.reason);
    }
    expect(reasons).toEqual(['unknown client', 'unknown client', 'wrong secret', 'wrong secret', 'client disabled']);
  });

  it('refuses a scope not granted, an unknown grant and a malformed request, as RFC 6749 says', async () => {
    const client = await newClient(['alerts:write']);
    const auth = basic(client.id, client.secret);
    const scope = await tokenRequest({ grant_type: 'client_credentials', scope: 'alerts:write import:write' }, auth);
    expect(scope.statusCode).toBe(400);
    expect(scope.json().error).toBe('invalid_scope');
    expect((await eventsFor(scope))[0]).toMatchObject({ apiClientId: client.id, action: 'sign_in_failed', reason: 'scope not granted' });

    const grant = await tokenRequest({ grant_type: 'password' }, auth);
    expect(grant.json().error).toBe('unsupported_grant_type');
    const missing = await tokenRequest({}, auth);
    expect(missing.json().error).toBe('invalid_request');
    const twice = await tokenRequest({ grant_type: 'client_credentials', client_secret: client.secret }, auth);
    expect(twice.json().error).toBe('invalid_request');
    const garbled = await t.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      headers: { 'content-type': 'application/json' },
      payload: '{"grant_type": ',
    });
    expect(garbled.statusCode).toBe(400);
    expect(garbled.json().error).toBe('invalid_request');
    const repeated = await t.app.inject({
      method: 'POST',
      url: '/api/v1/oauth/token',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: auth },
      payload: 'grant_type=client_credentials&scope=alerts:write&scope=alerts:write',
    });
    expect(repeated.json().error).toBe('invalid_request');
    for (const res of [grant, missing, twice, garbled, repeated]) {
      expect(res.statusCode).toBe(400);
      expect((await eventsFor(res))[0]).toMatchObject({ action: 'sign_in_failed', outcome: 'denied' });
    }
  });
});

describe('API clients calling with a bearer token', () => {
  it('are refused, with nothing to tell the caller why, when the token is forged or expired', async () => {
    t.setNow(start);
    const client = await newClient(['alerts:read']);
    const { authorization } = await apiTokenHeaders(t.app, client);
    expect((await me(authorization)).statusCode).toBe(200);

    const forged = await me('Bearer AAAAforgedtokenvalueAAAAAAAAAAAAAAAAAAAAAAA');
    t.setNow(new Date(start.getTime() + 60 * 60_000));
    const expired = await me(authorization);
    for (const res of [forged, expired]) {
      expect(res.statusCode).toBe(401);
      expect(res.headers['www-authenticate']).toBe('Bearer realm="Kith API", error="invalid_token"');
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
    expect(forged.json().detail).toBe(expired.json().detail);
    expect((await eventsFor(forged))[0]).toMatchObject({
      actorKind: 'api_client',
      apiClientId: null,
      resourceType: 'api_call',
      resourceId: 'GET /api/v1/api-clients/me',
      outcome: 'denied',
      reason: 'unknown, expired or revoked token',
    });
    expect((await eventsFor(expired))[0]).toMatchObject({ apiClientId: null, outcome: 'denied' });
  });

  it('are refused with 403 on a route their token has no scope for, and that is audited', async () => {
    t.setNow(start);
    const client = await newClient(['import:write']);
    const { authorization } = await apiTokenHeaders(t.app, client);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/test-only/alerts', headers: { authorization } });
    expect(res.statusCode).toBe(403);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="Kith API", error="insufficient_scope", scope="alerts:read alerts:write"');
    expect((await eventsFor(res))[0]).toMatchObject({
      apiClientId: client.id,
      organisationId: practiceId,
      resourceId: 'GET /api/v1/test-only/alerts',
      action: 'read',
      outcome: 'denied',
      reason: 'scope not granted',
    });
  });

  it('reach a route that names one of their scopes, without cookies or CSRF, and every call is audited', async () => {
    t.setNow(start);
    const client = await newClient(['alerts:write']);
    const { authorization } = await apiTokenHeaders(t.app, client);
    const read = await t.app.inject({ method: 'GET', url: '/api/v1/test-only/alerts', headers: { authorization } });
    const write = await t.app.inject({ method: 'POST', url: '/api/v1/test-only/alerts', headers: { authorization }, payload: {} });
    for (const res of [read, write]) {
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ clientId: client.id });
    }
    expect(await eventsFor(read)).toEqual([
      expect.objectContaining({ actorKind: 'api_client', apiClientId: client.id, resourceType: 'api_call', action: 'read', outcome: 'allowed', reason: null }),
    ]);
    expect(await eventsFor(write)).toEqual([expect.objectContaining({ action: 'write', outcome: 'allowed' })]);
  });

  it('cannot use staff routes, even with a valid token', async () => {
    t.setNow(start);
    const client = await newClient(['alerts:read']);
    const { authorization } = await apiTokenHeaders(t.app, client);
    const res = await t.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: { authorization } });
    expect(res.statusCode).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="Kith API", error="invalid_token"');
    expect((await eventsFor(res))[0]).toMatchObject({ apiClientId: client.id, outcome: 'denied', reason: 'route not open to API clients' });
    // A bearer token beside a session cookie is still only a bearer token.
    const both = await t.app.inject({ method: 'GET', url: '/api/v1/organisations', headers: { authorization, cookie: admin.cookie } });
    expect(both.statusCode).toBe(401);
    // And staff cannot pass for an API client.
    expect((await t.app.inject({ method: 'GET', url: '/api/v1/api-clients/me', headers: admin })).statusCode).toBe(403);
  });

  it('lose their tokens at once when the client is disabled', async () => {
    t.setNow(start);
    const client = await newClient();
    const { authorization } = await apiTokenHeaders(t.app, client);
    await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/api-clients/${client.id}`, headers: admin, payload: { disabled: true } });
    expect((await me(authorization)).statusCode).toBe(401);
  });
});

describe('rotating a secret', () => {
  it('keeps the previous secret working for the grace, then refuses it like any wrong secret', async () => {
    t.setNow(start);
    const client = await newClient();
    const res = await t.app.inject({ method: 'POST', url: `/api/v1/admin/api-clients/${client.id}/rotate-secret`, headers: admin });
    expect(res.statusCode).toBe(200);
    const { clientSecret, previousSecretExpiresAt } = res.json();
    expect(clientSecret).not.toBe(client.secret);
    expect(previousSecretExpiresAt).toBe(hours(24).toISOString());
    expect((await eventsFor(res))[0]).toMatchObject({ resourceId: client.id, reason: 'secret rotated' });
    const shown = await t.app.inject({ method: 'GET', url: `/api/v1/admin/api-clients/${client.id}`, headers: admin });
    expect(shown.body).not.toContain(clientSecret);

    const ask = (secret: string) => tokenRequest({ grant_type: 'client_credentials' }, basic(client.id, secret));
    t.setNow(hours(23));
    expect((await ask(client.secret)).statusCode).toBe(200);
    expect((await ask(clientSecret)).statusCode).toBe(200);

    t.setNow(hours(24));
    const old = await ask(client.secret);
    expect(old.statusCode).toBe(401);
    expect(old.json().error).toBe('invalid_client');
    expect((await eventsFor(old))[0]).toMatchObject({ reason: 'previous secret past its grace' });
    expect((await ask(clientSecret)).statusCode).toBe(200);
    const adminLater = await signIn(t.app, 'admin@example.test');
    const after = await t.app.inject({ method: 'GET', url: `/api/v1/admin/api-clients/${client.id}`, headers: adminLater });
    expect(after.json().previousSecretExpiresAt).toBeNull();
  });

  it('leaves the audit chain whole after all of the above', async () => {
    expect(await sealAuditEvents(t.database.db)).toBeGreaterThan(0);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });
});
