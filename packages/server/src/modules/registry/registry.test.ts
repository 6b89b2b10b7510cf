import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { type AuthHeaders, createStaff, signedInGp } from '../../../test/factories.js';

let t: TestApp;
let auth: AuthHeaders;
let practiceId: string;
let networkId: string;

beforeAll(async () => {
  t = await buildTestApp();
  ({ auth, practiceId, networkId } = await signedInGp(t.app, t.database.db));
  await createStaff(t.database.db, { email: 'pic@example.test', role: 'coordinator', organisationId: practiceId });
});
afterAll(() => t.close());

const get = (url: string) => t.app.inject({ method: 'GET', url, headers: auth });

describe('the registry', () => {
  it('lists organisations, practices and networks', async () => {
    expect((await get('/api/v1/organisations')).json()).toEqual([
      { id: practiceId, name: 'Tollgate Surgery', type: 'gp_practice', odsCode: 'Y90001' },
    ]);
    expect((await get(`/api/v1/practices?networkId=${networkId}`)).json()).toEqual([
      expect.objectContaining({ id: practiceId, networkId, networkName: 'Tollgate Surgery network', postcode: 'CR0 1AB' }),
    ]);
    expect((await get(`/api/v1/networks/${networkId}`)).json()).toEqual({
      id: networkId,
      name: 'Tollgate Surgery network',
      practices: [{ id: practiceId, name: 'Tollgate Surgery', odsCode: 'Y90001' }],
    });
  });

  it('lists staff with their roles and never a password hash', async () => {
    const res = await get(`/api/v1/staff?organisationId=${practiceId}`);
    const staff = res.json();
    expect(staff.map((s: { email: string }) => s.email).sort()).toEqual(['gp@example.test', 'pic@example.test']);
    expect(res.body).not.toContain('argon2');
    const one = await get(`/api/v1/staff/${staff[0].id}`);
    expect(one.json().roles).toHaveLength(1);
  });

  it('finds staff by part of their name, any case, up to a limit', async () => {
    expect((await get('/api/v1/staff?name=PI')).json().map((s: { email: string }) => s.email)).toEqual(['pic@example.test']);
    expect((await get('/api/v1/staff?name=%25')).json()).toEqual([]);
    expect((await get('/api/v1/staff?limit=1')).json()).toHaveLength(1);
    expect((await get('/api/v1/staff?limit=0')).statusCode).toBe(400);
  });

  it('answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await get('/api/v1/practices/00000000-0000-4000-8000-000000000000')).statusCode).toBe(404);
    const bad = await get('/api/v1/networks/not-an-id');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: 'id' })]);
  });
});

describe('the API description', () => {
  it('serves OpenAPI 3.1 describing the people routes, without signing in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v1/people', '/api/v1/people/{id}', '/api/v1/networks']));
    expect(doc.paths['/api/v1/people'].post.requestBody.content['application/json'].schema.required).toEqual(
      expect.arrayContaining(['nhsNumber', 'givenName', 'familyName', 'dateOfBirth', 'sex']),
    );
    expect(Object.keys(doc.components.securitySchemes).sort()).toEqual(['bearer', 'clientCredentials', 'session']);
    expect(doc.components.securitySchemes.clientCredentials.flows.clientCredentials.scopes['alerts:write']).toBe('write alerts');
  });

  it('sends security headers with a strict Content-Security-Policy', async () => {
    const res = await get('/api/v1/networks');
    expect(res.headers['content-security-policy']).toContain("default-src 'self'");
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('answers an unknown API path with problem+json', async () => {
    const res = await get('/api/v1/nothing-here');
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
