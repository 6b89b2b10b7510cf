/**
 * Single sign-on end to end. A real OpenID provider (oidc-provider, with a client registered for
 * Kith and minimal login and consent handlers) and Kith itself each listen on a port of this
 * machine; a small cookie-keeping client plays the browser and follows every redirect over HTTP:
 * Kith's start, the provider's authorize, its login and consent, Kith's callback, and then the
 * session cookie on /api/v1/auth/me.
 */
import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import Provider from 'oidc-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, openTestDatabase } from '../../../test/build-test-app.js';
import { createPractice, createStaff, TEST_PASSWORD } from '../../../test/factories.js';
import { buildApp } from '../../app.js';
import { loadConfig } from '../../config.js';
import { sealAuditEvents } from '../../platform/audit/seal.js';
import { verifyAuditChain } from '../../platform/audit/verify.js';
import { type Database, rowsOf } from '../../platform/db/client.js';
import { staff, staffIdentity, staffRole } from '../../platform/db/schema.js';
import { ACCOUNT_DISABLED, NO_ROLE } from './service.js';

const CLIENT_ID = 'kith';
const CLIENT_SECRET = 'a client secret for the tests only';

interface ProviderUser {
  email?: string;
  email_verified?: boolean;
  name: string;
  roles: unknown[];
}

let op: TestProvider;
let kith: { url: string; app: FastifyInstance; database: Database; drop: () => Promise<void> };
let tollgate: string;
let riverside: string;

beforeAll(async () => {
  // Each needs the other's address first: Kith's port is chosen, then the provider started with
  // Kith's callback registered, then Kith built with the provider as its issuer.
  const kithPort = await freePort();
  const kithUrl = `http://127.0.0.1:${kithPort}`;
  op = await TestProvider.start(`${kithUrl}/api/v1/auth/oidc/callback`);
  const { database, drop } = await openTestDatabase();
  ({ practiceId: tollgate } = await createPractice(database.db, 'Tollgate Surgery', 'Y90001'));
  ({ practiceId: riverside } = await createPractice(database.db, 'Riverside Practice', 'Y90002'));
  const config = {
    ...loadConfig({
      LOG_LEVEL: 'silent',
      KITH_PUBLIC_URL: kithUrl,
      KITH_OIDC_ISSUER: op.issuer,
      KITH_OIDC_CLIENT_ID: CLIENT_ID,
      KITH_OIDC_CLIENT_SECRET: CLIENT_SECRET,
      KITH_OIDC_SCOPES: 'openid email profile roles',
      KITH_OIDC_ROLE_CLAIM: 'roles',
      KITH_OIDC_ROLE_MAP: JSON.stringify({
        'gp@Y90001': { role: 'gp', ods: 'Y90001' },
        'nurse@Y90002': { role: 'nurse', ods: 'Y90002' },
        'admin@Y90001': [
          { role: 'admin', ods: 'Y90001' },
          { role: 'coordinator', ods: 'Y90001' },
        ],
        'gp@Y99999': { role: 'gp', ods: 'Y99999' },
      }),
    }),
    loadDemo: false,
  };
  const app = await buildApp({ database, config, clock: () => new Date() });
  await app.listen({ port: kithPort, host: '127.0.0.1' });
  kith = { url: kithUrl, app, database, drop };
});

afterAll(async () => {
  await kith?.app.close();
  await kith?.database.close();
  await kith?.drop();
  await op?.close();
});

/** The whole journey in a fresh browser, signing in at the provider as `subject`. */
async function signInAs(subject: string, browser = new Browser()) {
  op.nextLogin = subject;
  const hops = await browser.navigate(`${kith.url}/api/v1/auth/oidc/start`);
  const callback = hops.find((h) => h.url.startsWith(`${kith.url}/api/v1/auth/oidc/callback`));
  return { browser, hops, callback };
}

async function me(browser: Browser) {
  const response = await browser.get(`${kith.url}/api/v1/auth/me`, { accept: 'application/json' });
  return { status: response.status, body: (await response.json()) as { staff: { id: string; email: string; roles: { role: string; organisationName: string }[] } } };
}

async function auditEvents(filter: { action: string }) {
  return rowsOf<{ actor_staff_id: string | null; resource_id: string | null; outcome: string; reason: string | null }>(
    kith.database.db,
    sql`SELECT actor_staff_id, resource_id, outcome, reason FROM audit_event WHERE action = ${filter.action} ORDER BY sequence`,
  );
}

describe('signing in through the organisation’s OpenID provider', () => {
  it('goes to the provider with PKCE, state and nonce, keeping them in a Lax, httpOnly cookie for the callback alone', async () => {
    const browser = new Browser();
    const response = await browser.get(`${kith.url}/api/v1/auth/oidc/start`);
    expect(response.status).toBe(302);
    const authorize = new URL(response.headers.get('location')!);
    expect(authorize.origin).toBe(op.issuer);
    expect(Object.fromEntries(authorize.searchParams)).toMatchObject({
      client_id: CLIENT_ID,
      response_type: 'code',
      redirect_uri: `${kith.url}/api/v1/auth/oidc/callback`,
      scope: 'openid email profile roles',
      code_challenge_method: 'S256',
    });
    for (const p of ['state', 'nonce', 'code_challenge']) expect(authorize.searchParams.get(p)).toMatch(/^[\w-]{20,}$/);
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('kith_oidc='))!;
    expect(cookie).toMatch(/Path=\/api\/v1\/auth\/oidc/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    // Sealed: neither the state nor the verifier can be read from it.
    expect(cookie).not.toContain(authorize.searchParams.get('state'));
  });

  it('the first sign-in makes an account with no password and the mapped role, and its session works', async () => {
    op.users.set('sub-asha', { email: 'Asha.Patel@example.test', name: 'Asha Patel', roles: ['gp@Y90001', 'something-else'] });
    const { browser, callback } = await signInAs('sub-asha');
    expect(callback).toMatchObject({ status: 303, location: '/' });
    const who = await me(browser);
    expect(who.status).toBe(200);
    expect(who.body.staff).toMatchObject({ email: 'asha.patel@example.test', roles: [{ role: 'gp', organisationName: 'Tollgate Surgery' }] });

    const [account] = await kith.database.db.select().from(staff).where(eq(staff.email, 'asha.patel@example.test'));
    expect(account).toMatchObject({ name: 'Asha Patel', passwordHash: null, disabled: false });
    const identities = await kith.database.db.select().from(staffIdentity).where(eq(staffIdentity.staffId, account!.id));
    expect(identities).toMatchObject([{ issuer: op.issuer, subject: 'sub-asha' }]);
    expect(identities[0]!.lastSignInAt).toBeInstanceOf(Date);
    const signIns = (await auditEvents({ action: 'sign_in' })).filter((e) => e.actor_staff_id === account!.id);
    expect(signIns).toEqual([{ actor_staff_id: account!.id, resource_id: 'asha.patel@example.test', outcome: 'allowed', reason: 'single sign-on' }]);
  });

  it('a second sign-in finds the same account by issuer and subject', async () => {
    const first = await me((await signInAs('sub-asha')).browser);
    const second = await me((await signInAs('sub-asha')).browser);
    expect(second.status).toBe(200);
    expect(second.body.staff.id).toBe(first.body.staff.id);
    const accounts = await kith.database.db.select().from(staff).where(eq(staff.email, 'asha.patel@example.test'));
    expect(accounts).toHaveLength(1);
    const identities = await kith.database.db.select().from(staffIdentity).where(eq(staffIdentity.subject, 'sub-asha'));
    expect(identities).toHaveLength(1);
  });

  it('roles follow the claim: a changed role at the provider changes the account’s roles at the next sign-in', async () => {
    op.users.set('sub-ben', { email: 'ben@example.test', name: 'Ben Okafor', roles: ['gp@Y90001'] });
    const before = await me((await signInAs('sub-ben')).browser);
    expect(before.body.staff.roles).toEqual([{ organisationId: tollgate, organisationName: 'Tollgate Surgery', role: 'gp' }]);

    op.users.set('sub-ben', { email: 'ben@example.test', name: 'Ben Okafor', roles: ['nurse@Y90002', 'admin@Y90001'] });
    const after = await me((await signInAs('sub-ben')).browser);
    expect(after.body.staff.id).toBe(before.body.staff.id);
    expect(after.body.staff.roles).toEqual([
      { organisationId: riverside, organisationName: 'Riverside Practice', role: 'nurse' },
      { organisationId: tollgate, organisationName: 'Tollgate Surgery', role: 'admin' },
      { organisationId: tollgate, organisationName: 'Tollgate Surgery', role: 'coordinator' },
    ]);
  });

  it('links an existing account with the same email, replacing its roles with the mapped ones', async () => {
    const id = await createStaff(kith.database.db, { email: 'cara@example.test', role: 'social_worker', organisationId: riverside });
    op.users.set('sub-cara', { email: 'cara@example.test', name: 'Cara Jones', roles: ['gp@Y90001'] });
    const who = await me((await signInAs('sub-cara')).browser);
    expect(who.body.staff).toMatchObject({ id, roles: [{ role: 'gp', organisationName: 'Tollgate Surgery' }] });
    const [identity] = await kith.database.db.select().from(staffIdentity).where(eq(staffIdentity.subject, 'sub-cara'));
    expect(identity!.staffId).toBe(id);
    // The password the account had still works: linking adds a way in, it takes none away.
    const password = await fetch(`${kith.url}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'cara@example.test', password: TEST_PASSWORD }),
    });
    expect(password.status).toBe(200);
  });
});

describe('refusals, each one audited', () => {
  it('refuses someone whose claims map to no Kith role, makes no account, and audits it', async () => {
    op.users.set('sub-dev', { email: 'dev@example.test', name: 'Dev Shah', roles: ['receptionist@Y90001', 'gp@Y99999'] });
    const { browser, callback } = await signInAs('sub-dev');
    expect(callback?.status).toBe(403);
    expect(callback?.contentType).toMatch(/text\/html/);
    expect(callback?.body).toContain(NO_ROLE);
    expect((await me(browser)).status).toBe(401);
    expect(await kith.database.db.select().from(staff).where(eq(staff.email, 'dev@example.test'))).toHaveLength(0);
    const failures = (await auditEvents({ action: 'sign_in_failed' })).filter((e) => e.resource_id === 'dev@example.test');
    expect(failures).toEqual([
      { actor_staff_id: null, resource_id: 'dev@example.test', outcome: 'denied', reason: 'single sign-on: no mapped role in claim roles' },
    ]);
  });

  it('a linked account that loses its last role at the provider loses its Kith roles and is refused', async () => {
    op.users.set('sub-eve', { email: 'eve@example.test', name: 'Eve Adams', roles: ['gp@Y90001'] });
    const signedIn = (await signInAs('sub-eve')).browser;
    const { id } = (await me(signedIn)).body.staff;
    op.users.set('sub-eve', { email: 'eve@example.test', name: 'Eve Adams', roles: [] });
    const { callback } = await signInAs('sub-eve');
    expect(callback?.status).toBe(403);
    expect(await kith.database.db.select().from(staffRole).where(eq(staffRole.staffId, id))).toHaveLength(0);
    const failures = (await auditEvents({ action: 'sign_in_failed' })).filter((e) => e.actor_staff_id === id);
    expect(failures.map((e) => e.reason)).toEqual(['single sign-on: no mapped role in claim roles']);
  });

  it('refuses a disabled account, linking nothing, and audits it against that account', async () => {
    const id = await createStaff(kith.database.db, { email: 'gone@example.test', role: 'gp', organisationId: tollgate, disabled: true });
    op.users.set('sub-gone', { email: 'gone@example.test', name: 'Gone Away', roles: ['gp@Y90001'] });
    const { browser, callback } = await signInAs('sub-gone');
    expect(callback?.status).toBe(403);
    expect(callback?.body).toContain(ACCOUNT_DISABLED);
    expect((await me(browser)).status).toBe(401);
    expect(await kith.database.db.select().from(staffIdentity).where(eq(staffIdentity.subject, 'sub-gone'))).toHaveLength(0);
    const failures = (await auditEvents({ action: 'sign_in_failed' })).filter((e) => e.actor_staff_id === id);
    expect(failures.map((e) => e.reason)).toEqual(['single sign-on: account disabled']);
  });

  it('never links or makes an account from an email the provider has not verified', async () => {
    const id = await createStaff(kith.database.db, { email: 'hal@example.test', role: 'gp', organisationId: tollgate });
    op.users.set('sub-impostor', { email: 'hal@example.test', email_verified: false, name: 'Not Hal', roles: ['gp@Y90001'] });
    const { browser, callback } = await signInAs('sub-impostor');
    expect(callback?.status).toBe(403);
    expect((await me(browser)).status).toBe(401);
    expect(await kith.database.db.select().from(staffIdentity).where(eq(staffIdentity.staffId, id))).toHaveLength(0);
    const failures = await auditEvents({ action: 'sign_in_failed' });
    expect(failures.at(-1)).toMatchObject({ actor_staff_id: null, reason: 'single sign-on: no verified email claim' });
  });

  it('refuses a callback whose state is not the one this browser was sent with', async () => {
    const browser = new Browser();
    await browser.get(`${kith.url}/api/v1/auth/oidc/start`);
    const forged = await browser.get(`${kith.url}/api/v1/auth/oidc/callback?code=stolen-code&state=forged-state&iss=${encodeURIComponent(op.issuer)}`, {
      accept: 'application/json',
    });
    expect(forged.status).toBe(403);
    expect(forged.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect((await forged.json()) as { detail: string }).toMatchObject({ status: 403, detail: expect.stringMatching(/not started in this browser/) });
    expect(forged.headers.getSetCookie().join()).not.toMatch(/kith_session=[^;]/);
    const failures = await auditEvents({ action: 'sign_in_failed' });
    expect(failures.at(-1)).toEqual({ actor_staff_id: null, resource_id: null, outcome: 'denied', reason: 'single sign-on: state mismatch' });
  });

  it('refuses a callback in a browser that started no sign-in, and a replay of a finished one', async () => {
    const stranger = await new Browser().get(`${kith.url}/api/v1/auth/oidc/callback?code=x&state=y`);
    expect(stranger.status).toBe(403);

    op.users.set('sub-fay', { email: 'fay@example.test', name: 'Fay Lee', roles: ['gp@Y90001'] });
    const { browser, callback } = await signInAs('sub-fay');
    expect(callback?.status).toBe(303);
    const replay = await browser.get(callback!.url);
    expect(replay.status).toBe(403);
    const reasons = (await auditEvents({ action: 'sign_in_failed' })).slice(-2).map((e) => e.reason);
    expect(reasons).toEqual(['single sign-on: no sign-in in progress in this browser', 'single sign-on: no sign-in in progress in this browser']);
  });

  it('refuses when the provider answers with an error instead of a code', async () => {
    const browser = new Browser();
    const started = await browser.get(`${kith.url}/api/v1/auth/oidc/start`);
    const state = new URL(started.headers.get('location')!).searchParams.get('state')!;
    const query = new URLSearchParams({ error: 'access_denied', state, iss: op.issuer });
    const answer = await browser.get(`${kith.url}/api/v1/auth/oidc/callback?${query}`);
    expect(answer.status).toBe(403);
    const failures = await auditEvents({ action: 'sign_in_failed' });
    expect(failures.at(-1)?.reason).toBe('single sign-on: the provider answered access_denied');
  });

  it('leaves the audit chain whole', async () => {
    expect(await sealAuditEvents(kith.database.db)).toBeGreaterThan(0);
    expect(await verifyAuditChain(kith.database.db)).toMatchObject({ ok: true });
  });
});

describe('what the sign-in page is told', () => {
  it('offers single sign-on with its label when it is configured', async () => {
    const response = await fetch(`${kith.url}/api/v1/auth/options`);
    expect(await response.json()).toEqual({
      singleSignOn: { label: 'Sign in with your organisation account', startUrl: '/api/v1/auth/oidc/start' },
    });
  });

  it('offers nothing, and start is not found, when it is not', async () => {
    const t = await buildTestApp();
    try {
      const options = await t.app.inject({ method: 'GET', url: '/api/v1/auth/options' });
      expect(options.json()).toEqual({ singleSignOn: null });
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/start' })).statusCode).toBe(404);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/auth/oidc/callback?code=x&state=y' })).statusCode).toBe(404);
    } finally {
      await t.close();
    }
  });
});

/**
 * The OpenID provider: oidc-provider with Kith registered as a confidential client that must use
 * PKCE, and interaction handlers that sign in `nextLogin` and grant what Kith asks for, as a user
 * clicking through the provider's pages would.
 */
class TestProvider {
  readonly users = new Map<string, ProviderUser>();
  nextLogin: string | undefined;

  private constructor(
    readonly issuer: string,
    private readonly server: Server,
  ) {}

  static async start(redirectUri: string): Promise<TestProvider> {
    const server = createServer();
    await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
    const op = new TestProvider(`http://127.0.0.1:${(server.address() as AddressInfo).port}`, server);
    const signingKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' });
    const provider = new Provider(op.issuer, {
      clients: [
        {
          client_id: CLIENT_ID,
          client_secret: CLIENT_SECRET,
          redirect_uris: [redirectUri],
          response_types: ['code'],
          grant_types: ['authorization_code'],
          token_endpoint_auth_method: 'client_secret_post',
        },
      ],
      jwks: { keys: [{ ...signingKey, kid: 'test-signing-key', alg: 'RS256', use: 'sig' }] },
      claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'], roles: ['roles'] },
      cookies: { keys: ['cookie signing key for the tests only'] },
      pkce: { required: () => true },
      ttl: { AccessToken: 600, AuthorizationCode: 60, Grant: 600, IdToken: 600, Interaction: 600, Session: 600 },
      features: { devInteractions: { enabled: false } },
      interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
      findAccount: (_ctx, sub) => {
        const user = op.users.get(sub);
        if (!user) return undefined;
        return { accountId: sub, claims: () => ({ sub, email_verified: true, ...user }) };
      },
    });
    const callback = provider.callback();
    server.on('request', (req: IncomingMessage, res: ServerResponse) => {
      if (req.url?.startsWith('/interaction/')) {
        op.interact(provider, req, res).catch((error: unknown) => {
          res.statusCode = 500;
          res.end(String(error));
        });
        return;
      }
      void callback(req, res);
    });
    return op;
  }

  private async interact(provider: Provider, req: IncomingMessage, res: ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    if (details.prompt.name === 'login') {
      await provider.interactionFinished(req, res, { login: { accountId: this.nextLogin! } }, { mergeWithLastSubmission: false });
      return;
    }
    const wanted = details.prompt.details as { missingOIDCScope?: string[]; missingOIDCClaims?: string[] };
    const grant = new provider.Grant({ accountId: details.session!.accountId, clientId: String(details.params.client_id) });
    if (wanted.missingOIDCScope) grant.addOIDCScope(wanted.missingOIDCScope.join(' '));
    if (wanted.missingOIDCClaims) grant.addOIDCClaims(wanted.missingOIDCClaims);
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { consent: { grantId } }, { mergeWithLastSubmission: true });
  }

  close(): Promise<void> {
    return new Promise((done) => this.server.close(() => done()));
  }
}

interface Hop {
  url: string;
  status: number;
  location?: string;
  contentType?: string;
  body?: string;
}

interface StoredCookie {
  value: string;
  path: string;
}

/** Just enough of a browser: a cookie jar per origin (with paths and expiry) and redirects. */
class Browser {
  private readonly jar = new Map<string, Map<string, StoredCookie>>();

  async get(url: string, headers: Record<string, string> = {}): Promise<Response> {
    const target = new URL(url);
    const cookies = [...(this.jar.get(target.origin) ?? new Map<string, StoredCookie>())]
      .filter(([, c]) => pathMatches(target.pathname, c.path))
      .map(([name, c]) => `${name}=${c.value}`)
      .join('; ');
    const response = await fetch(url, {
      redirect: 'manual',
      headers: { accept: 'text/html,application/xhtml+xml', ...(cookies ? { cookie: cookies } : {}), ...headers },
    });
    for (const line of response.headers.getSetCookie()) this.store(target, line);
    return response;
  }

  /** Follows redirects from `url`, as a browser does, and returns every step. */
  async navigate(url: string): Promise<Hop[]> {
    const hops: Hop[] = [];
    let next: string | undefined = url;
    while (next && hops.length < 20) {
      const response = await this.get(next);
      const location = response.headers.get('location') ?? undefined;
      const redirect = response.status >= 300 && response.status < 400 && location !== undefined;
      hops.push({
        url: next,
        status: response.status,
        location,
        contentType: response.headers.get('content-type') ?? undefined,
        body: redirect ? undefined : await response.text(),
      });
      // Kith's own home page is the end of the journey: the web app is not what is tested here.
      next = redirect ? new URL(location, next).href : undefined;
      if (next && new URL(next).pathname === '/' && next.startsWith(kith.url)) break;
    }
    return hops;
  }

  private store(from: URL, line: string) {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    const at = pair!.indexOf('=');
    const name = pair!.slice(0, at);
    const value = pair!.slice(at + 1);
    const attribute = (key: string) => attributes.find((a) => a.toLowerCase().startsWith(`${key}=`))?.slice(key.length + 1);
    const maxAge = attribute('max-age');
    const expires = attribute('expires');
    const gone = (maxAge !== undefined && Number(maxAge) <= 0) || (expires !== undefined && new Date(expires).getTime() <= Date.now());
    const cookies = this.jar.get(from.origin) ?? new Map<string, StoredCookie>();
    this.jar.set(from.origin, cookies);
    if (gone) cookies.delete(name);
    else cookies.set(name, { value, path: attribute('path') ?? defaultPath(from.pathname) });
  }
}

function pathMatches(requestPath: string, cookiePath: string): boolean {
  return requestPath === cookiePath || requestPath.startsWith(cookiePath.endsWith('/') ? cookiePath : `${cookiePath}/`);
}

function defaultPath(requestPath: string): string {
  const slash = requestPath.lastIndexOf('/');
  return slash <= 0 ? '/' : requestPath.slice(0, slash);
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}
