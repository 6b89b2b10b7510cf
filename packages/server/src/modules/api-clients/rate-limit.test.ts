/**
 * Rate limits per client address, on an app built with small limits of its own so the counts
 * are exact. The limits count requests, not time, so nothing here depends on the clock.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/build-test-app.js';
import { createApiClient, createPractice, createStaff } from '../../../test/factories.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { Db } from '../../platform/db/client.js';

let app: FastifyInstance;
let close: () => Promise<void>;
let practiceId: string;
let db: Db;

beforeAll(async () => {
  const { database, drop } = await openTestDatabase();
  const config = {
    ...loadConfig({ LOG_LEVEL: 'silent' }),
    loadDemo: false,
    rateLimit: { perMinute: 5, signInPerMinute: 2 },
  };
  app = await buildApp({ database, config, clock: () => new Date('2026-06-01T09:00:00Z') });
  db = database.db;
  ({ practiceId } = await createPractice(db));
  await createStaff(database.db, { email: 'nurse@example.test', role: 'nurse', organisationId: practiceId });
  close = async () => {
    await app.close();
    await database.close();
    await drop();
  };
});
afterAll(() => close());

const signIn = (remoteAddress: string) =>
  app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', remoteAddress, payload: { email: 'nurse@example.test', password: 'wrong guess here' } });

describe('rate limits by client address', () => {
  it('answer sign-in attempts past the tight limit with 429, as problem+json with Retry-After', async () => {
    const answers = [];
    for (let i = 0; i < 3; i++) answers.push(await signIn('192.0.2.10'));
    expect(answers.map((r) => r.statusCode)).toEqual([401, 401, 429]);
    const refused = answers[2]!;
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.json()).toMatchObject({ status: 429, title: 'Too many requests', detail: expect.stringMatching(/^Too many requests from this address/) });
    // Another address is counted on its own.
    expect((await signIn('192.0.2.11')).statusCode).toBe(401);
  });

  it('hold the token endpoint to the tight limit too', async () => {
    const client = await createApiClient(db, { organisationId: practiceId, scopes: ['alerts:read'] });
    const ask = () =>
      app.inject({
        method: 'POST',
        url: '/api/v1/oauth/token',
        remoteAddress: '192.0.2.20',
        payload: { grant_type: 'client_credentials', client_id: client.id, client_secret: client.secret },
      });
    const answers = [await ask(), await ask(), await ask()];
    expect(answers.map((r) => r.statusCode)).toEqual([200, 200, 429]);
    expect(answers[2]!.headers['retry-after']).toBeDefined();
    expect(answers[2]!.headers['content-type']).toContain('application/problem+json');
  });

  it('answer any /api/v1 request past the general limit with 429, before authentication', async () => {
    const codes = [];
    for (let i = 0; i < 6; i++) {
      const res = await app.inject({ method: 'GET', url: '/api/v1/organisations', remoteAddress: '192.0.2.30' });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    // Pages of the web app and the API description are not counted.
    const docs = await app.inject({ method: 'GET', url: '/api/docs/json', remoteAddress: '192.0.2.30' });
    expect(docs.statusCode).toBe(200);
  });
});
