/** POST /imports takes bodies up to KITH_IMPORT_BODY_LIMIT_BYTES, larger than other routes, and refuses bigger ones with 413. */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/build-test-app.js';
import { apiTokenHeaders, createApiClient, createPractice } from '../../../test/factories.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import type { Database } from '../../platform/db/client.js';
import type { FastifyInstance } from 'fastify';

let app: FastifyInstance;
let database: Database;
let drop: () => Promise<void>;
let authorization: string;

beforeAll(async () => {
  ({ database, drop } = await openTestDatabase());
  const config = { ...loadConfig({ LOG_LEVEL: 'silent', KITH_BODY_LIMIT_BYTES: '2048', KITH_IMPORT_BODY_LIMIT_BYTES: '8192' }), loadDemo: false };
  app = await buildApp({ database, config, clock: () => new Date('2026-06-01T09:00:00Z') });
  const { practiceId } = await createPractice(database.db);
  ({ authorization } = await apiTokenHeaders(app, await createApiClient(database.db, { organisationId: practiceId, scopes: ['import:write'] })));
});
afterAll(async () => {
  await app.close();
  await database.close();
  await drop();
});

const ndjson = (bytes: number) => `${JSON.stringify({ resourceType: 'Observation', id: 'x'.repeat(bytes) })}\n`;
const post = (payload: string, type: string) => app.inject({ method: 'POST', url: '/api/v1/imports', headers: { authorization, 'content-type': type }, payload });

it('takes a body over the general limit but under the import limit', async () => {
  for (const type of ['application/fhir+ndjson', 'application/json']) {
    const payload = type === 'application/json' ? JSON.stringify({ resourceType: 'Bundle', type: 'batch', entry: [{ resource: { resourceType: 'Observation', id: 'x'.repeat(5000) } }] }) : ndjson(5000);
    expect((await post(payload, type)).statusCode, type).toBe(200);
  }
});

it('refuses a body over the import limit with 413', async () => {
  for (const type of ['application/fhir+ndjson', 'application/fhir+json', 'text/csv']) {
    const res = await post(ndjson(10_000), type);
    expect(res.statusCode, type).toBe(413);
    expect(res.json()).toMatchObject({ status: 413 });
  }
});
