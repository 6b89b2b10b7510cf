/**
 * The route inventory: every API route says whether it touches person data, and every one that
 * does goes through the gate. A new route that does not say fails here; one that says it does
 * but answers without the gate is stopped at run time (a 500, never ungated data), shown below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import Fastify from 'fastify';
import type { AppDeps } from '../http/deps.js';
import { accessContext, accessGuard, type InventoriedRoute } from './http.js';

/** Paths that name a person or list people's data: these must be gated whatever they say. */
const PERSON_DATA_PATHS = [/\/people(\/|$)/, /\/audit-events/, /\/break-glass-reviews/];

let t: TestApp;
let apiRoutes: InventoriedRoute[];

beforeAll(async () => {
  t = await buildTestApp();
  apiRoutes = t.app.routeInventory.filter((r) => r.url.startsWith('/api/v1/') && r.method !== 'HEAD');
});
afterAll(() => t?.close());

describe('the route inventory', () => {
  it('lists the API routes, people routes among them', () => {
    expect(apiRoutes.length).toBeGreaterThan(20);
    expect(apiRoutes).toContainEqual({ method: 'GET', url: '/api/v1/people/:id', personData: true });
  });

  it('has every API route saying whether it touches person data', () => {
    const silent = apiRoutes.filter((r) => typeof r.personData !== 'boolean').map((r) => `${r.method} ${r.url}`);
    expect(silent).toEqual([]);
  });

  it('has every route under a person-data path declared as touching person data', () => {
    const ungated = apiRoutes
      .filter((r) => PERSON_DATA_PATHS.some((path) => path.test(r.url)) && r.personData !== true)
      .map((r) => `${r.method} ${r.url}`);
    expect(ungated).toEqual([]);
  });
});

describe('a person-data route that skips the gate', () => {
  /** The guard alone, on a bare Fastify, with one route that gates and one that forgets to. */
  async function guardedApp() {
    const app = Fastify({ logger: false });
    await app.register(accessGuard);
    app.addHook('onRequest', async (request) => {
      request.actor = { staffId: 'staff', name: 'A', email: 'a@example.test', roles: [] };
    });
    const deps = { clock: () => new Date() } as unknown as AppDeps;
    app.get('/forgets', { config: { personData: true } }, async () => ({ name: 'Ada Lovelace' }));
    app.get('/gates', { config: { personData: true } }, async (request) => {
      accessContext(request, deps);
      return { name: 'Ada Lovelace' };
    });
    app.get('/refuses', { config: { personData: true } }, async (_request, reply) => reply.code(403).send({ title: 'Refused' }));
    return app;
  }

  it('answers 500 instead of the data', async () => {
    const app = await guardedApp();
    const forgets = await app.inject({ method: 'GET', url: '/forgets' });
    expect(forgets.statusCode).toBe(500);
    expect(forgets.body).not.toContain('Ada');
    expect((await app.inject({ method: 'GET', url: '/gates' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/refuses' })).statusCode).toBe(403);
    await app.close();
  });

  it('is listed by the inventory, so the test above would name it', async () => {
    const app = await guardedApp();
    expect(app.routeInventory.map((r) => `${r.method} ${r.url} ${r.personData}`)).toContain('GET /forgets true');
    await app.close();
  });
});
