/** KITH_SERVER_TIMING=1 adds the server's own time to every answer; by default nothing is said. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/build-test-app.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { Database } from '../db/client.js';

let database: Database;
let drop: () => Promise<void>;
const apps: FastifyInstance[] = [];

async function appWith(env: Record<string, string>): Promise<FastifyInstance> {
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', ...env }), loadDemo: false };
  const app = await buildApp({ database, config, clock: () => new Date('2026-06-01T09:00:00Z') });
  apps.push(app);
  return app;
}

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
});
afterAll(async () => {
  for (const app of apps) await app.close();
  await database.close();
  await drop();
});

it('says how long the server took, when asked to', async () => {
  const app = await appWith({ KITH_SERVER_TIMING: '1' });
  for (const url of ['/api/docs/json', '/api/v1/people/not-signed-in']) {
    const res = await app.inject({ method: 'GET', url });
    expect(res.headers['server-timing'], url).toMatch(/^app;dur=\d+\.\d{2}$/);
  }
});

it('says nothing about timing by default', async () => {
  const res = await (await appWith({})).inject({ method: 'GET', url: '/api/docs/json' });
  expect(res.statusCode).toBe(200);
  expect(res.headers['server-timing']).toBeUndefined();
});
