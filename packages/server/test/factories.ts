/** Small, explicit records for tests; each test builds only what it reads. */
import { randomUUID } from 'node:crypto';
import type { PersonCreate, StaffRole } from '@kith/core';
import type { FastifyInstance } from 'fastify';
import { hashPassword } from '../src/platform/auth/password.js';
import type { Db } from '../src/platform/db/client.js';
import { network, organisation, practice, staff, staffRole } from '../src/platform/db/schema.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export async function createPractice(db: Db, name = 'Tollgate Surgery', odsCode = 'Y90001') {
  const networkId = randomUUID();
  const practiceId = randomUUID();
  await db.insert(network).values({ id: networkId, name: `${name} network` });
  await db.insert(organisation).values({ id: practiceId, name, type: 'gp_practice', odsCode });
  await db.insert(practice).values({
    id: practiceId,
    networkId,
    addressLine1: '1 High Street',
    town: 'Croydon',
    postcode: 'CR0 1AB',
    phone: '01632 960001',
  });
  return { networkId, practiceId };
}

export async function createStaff(
  db: Db,
  options: { email: string; role: StaffRole; organisationId: string; password?: string; disabled?: boolean },
) {
  const id = randomUUID();
  await db.insert(staff).values({
    id,
    email: options.email,
    name: options.email.split('@')[0]!,
    passwordHash: await hashPassword(options.password ?? TEST_PASSWORD),
    disabled: options.disabled ?? false,
  });
  await db.insert(staffRole).values({ staffId: id, organisationId: options.organisationId, role: options.role });
  return id;
}

/** The headers a signed-in browser sends: the session cookie and the session's CSRF token. */
export interface AuthHeaders {
  cookie: string;
  'x-csrf-token': string;
  [header: string]: string;
}

/** Signs in through the API and returns the headers for later requests. */
export async function signIn(app: FastifyInstance, email: string, password = TEST_PASSWORD): Promise<AuthHeaders> {
  const response = await app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'kith_session');
  return { cookie: `kith_session=${cookie!.value}`, 'x-csrf-token': response.json().csrfToken };
}

/** A GP at a fresh practice, signed in: the usual starting point of a people test. */
export async function signedInGp(app: FastifyInstance, db: Db) {
  const { practiceId, networkId } = await createPractice(db);
  await createStaff(db, { email: 'gp@example.test', role: 'gp', organisationId: practiceId });
  const auth = await signIn(app, 'gp@example.test');
  return { auth, practiceId, networkId };
}

export function personInput(overrides: Partial<PersonCreate> = {}): Record<string, unknown> {
  return {
    nhsNumber: '9434765919',
    givenName: 'Robert',
    familyName: 'Ashworth',
    dateOfBirth: '1941-03-12',
    sex: 'male',
    postcode: 'cr0 1ab',
    ...overrides,
  };
}

/** An API client made straight in the database, with the secret it was given. */
export async function createApiClient(
  db: Db,
  options: { organisationId: string; scopes: string[]; name?: string; disabled?: boolean },
): Promise<{ id: string; secret: string }> {
  const { apiClient } = await import('../src/platform/db/schema.js');
  const { hashSecret, newSecret } = await import('../src/platform/auth/api-token.js');
  const id = randomUUID();
  const secret = newSecret();
  await db.insert(apiClient).values({
    id,
    name: options.name ?? 'Test telecare platform',
    organisationId: options.organisationId,
    scopes: options.scopes,
    secretHash: hashSecret(secret),
    disabled: options.disabled ?? false,
  });
  return { id, secret };
}

/** Gets an access token through the token endpoint; the headers an API client then sends. */
export async function apiTokenHeaders(
  app: FastifyInstance,
  client: { id: string; secret: string },
  scope?: string,
): Promise<{ authorization: string }> {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/oauth/token',
    headers: { authorization: `Basic ${Buffer.from(`${client.id}:${client.secret}`).toString('base64')}` },
    payload: { grant_type: 'client_credentials', ...(scope ? { scope } : {}) },
  });
  if (response.statusCode !== 200) throw new Error(`token refused: ${response.statusCode} ${response.body}`);
  return { authorization: `Bearer ${response.json().access_token}` };
}
