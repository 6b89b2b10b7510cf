import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { sql } from 'drizzle-orm';
import { sealAuditEvents } from '../../platform/audit/seal.js';
import { verifyAuditChain } from '../../platform/audit/verify.js';
import { rowsOf } from '../../platform/db/client.js';
import { staffSession } from '../../platform/db/schema.js';
import { createPractice, createStaff, signIn } from '../../../test/factories.js';

let t: TestApp;
const start = new Date('2026-06-01T09:00:00Z');
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

let practiceId: string;

beforeAll(async () => {
  t = await buildTestApp(start);
  ({ practiceId } = await createPractice(t.database.db));
  await createStaff(t.database.db, { email: 'nurse@example.test', role: 'nurse', organisationId: practiceId });
  await createStaff(t.database.db, { email: 'gone@example.test', role: 'gp', organisationId: practiceId, disabled: true });
});
afterAll(() => t.close());

const me = (cookie?: string) =>
  t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers: cookie ? { cookie } : {} });
const attempt = (email: string, password: string) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { email, password } });

describe('signing in', () => {
  it('sets an httpOnly, SameSite session cookie and answers who is signed in', async () => {
    t.setNow(start);
    const res = await attempt('Nurse@Example.test ', 'correct horse battery staple');
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'kith_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/' });
    expect(res.json().staff).toMatchObject({ email: 'nurse@example.test', roles: [{ role: 'nurse', organisationName: 'Tollgate Surgery' }] });
    const who = await me(`kith_session=${cookie.value}`);
    expect(who.statusCode).toBe(200);
    expect(who.json().staff.email).toBe('nurse@example.test');
  });

  it('gives the same answer for a wrong password, an unknown account and a disabled one', async () => {
    const answers = await Promise.all([
      attempt('nurse@example.test', 'wrong password here'),
      attempt('nobody@example.test', 'correct horse battery staple'),
      attempt('gone@example.test', 'correct horse battery staple'),
    ]);
    for (const res of answers) {
      expect(res.statusCode).toBe(401);
      expect(res.cookies).toHaveLength(0);
    }
    const bodies = answers.map((r) => JSON.stringify(r.json()));
    expect(new Set(bodies).size).toBe(1);
  });
});

describe('repeated wrong passwords', () => {
  it('lock the account for the window, with the same answer as any other refusal, and each attempt is audited', async () => {
    const staffId = await createStaff(t.database.db, { email: 'locked@example.test', role: 'gp', organisationId: practiceId });
    t.setNow(start);
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push(await attempt('locked@example.test', 'not my password at all'));
    const withRightPassword = await attempt('locked@example.test', 'correct horse battery staple');
    expect(withRightPassword.statusCode).toBe(401);
    expect(new Set([...answers, withRightPassword].map((r) => r.json().detail)).size).toBe(1);

    t.setNow(minutes(16));
    expect((await attempt('locked@example.test', 'correct horse battery staple')).statusCode).toBe(200);

    const events = await rowsOf<{ action: string; outcome: string; reason: string | null }>(
      t.database.db,
      sql`SELECT action, outcome, reason FROM audit_event WHERE actor_staff_id = ${staffId} ORDER BY sequence`,
    );
    expect(events.map((e) => e.reason ?? e.action)).toEqual([...Array(5).fill('wrong password'), 'account locked', 'sign_in']);
    expect(await sealAuditEvents(t.database.db)).toBeGreaterThan(0);
    expect(await verifyAuditChain(t.database.db)).toMatchObject({ ok: true });
  });

  it('a good sign-in clears the count of earlier wrong passwords', async () => {
    await createStaff(t.database.db, { email: 'typo@example.test', role: 'gp', organisationId: practiceId });
    t.setNow(start);
    for (let i = 0; i < 4; i++) await attempt('typo@example.test', 'fat fingers typing');
    expect((await attempt('typo@example.test', 'correct horse battery staple')).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await attempt('typo@example.test', 'fat fingers typing');
    expect((await attempt('typo@example.test', 'correct horse battery staple')).statusCode).toBe(200);
  });
});

/** The audit events a request left, without the parts that vary. */
function refusalsOf(requestId: string) {
  return rowsOf<{ action: string; outcome: string; reason: string | null; resource_id: string | null }>(
    t.database.db,
    sql`SELECT action, outcome, reason, resource_id FROM audit_event WHERE request_id = ${requestId} ORDER BY sequence`,
  );
}

describe('cross-site request forgery', () => {
  it('refuses a change without this session’s CSRF token, and writes nothing', async () => {
    t.setNow(start);
    const auth = await signIn(t.app, 'nurse@example.test');
    const other = await signIn(t.app, 'nurse@example.test');
    const person = { nhsNumber: '9434765919', givenName: 'Ada', familyName: 'Zzcsrf', dateOfBirth: '1940-01-01', sex: 'female' };
    for (const token of [undefined, 'made-up', other['x-csrf-token']]) {
      const headers = token ? { cookie: auth.cookie, 'x-csrf-token': token } : { cookie: auth.cookie };
      const res = await t.app.inject({ method: 'POST', url: '/api/v1/people', headers, payload: person });
      expect(res.statusCode).toBe(403);
      expect(res.json().errors).toEqual([expect.objectContaining({ field: 'x-csrf-token' })]);
      expect(await refusalsOf(String(res.headers['x-request-id']))).toEqual([
        { action: 'write', outcome: 'denied', reason: 'missing or wrong CSRF token', resource_id: 'POST /api/v1/people' },
      ]);
    }
    const search = await t.app.inject({ method: 'GET', url: '/api/v1/people?name=zzcsrf', headers: auth });
    expect(search.json().items).toEqual([]);
    const created = await t.app.inject({ method: 'POST', url: '/api/v1/people', headers: auth, payload: person });
    expect(created.statusCode).toBe(201);
  });

  it('gives the token with sign-in and with "who am I"', async () => {
    t.setNow(start);
    const auth = await signIn(t.app, 'nurse@example.test');
    expect((await me(auth.cookie)).json().csrfToken).toBe(auth['x-csrf-token']);
  });
});

describe('only signed-in staff reach the API', () => {
  it('refuses a request without a session, and one with a forged session, alike; the forged one is recorded', async () => {
    const answers = [];
    for (const cookie of [undefined, 'kith_session=forged-token-value']) {
      const res = await t.app.inject({ method: 'GET', url: '/api/v1/people?name=ab', headers: cookie ? { cookie } : {} });
      expect(res.statusCode).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
      answers.push({ body: res.body, events: await refusalsOf(String(res.headers['x-request-id'])) });
    }
    expect(answers[0]!.body).toBe(answers[1]!.body);
    expect(answers[0]!.events).toEqual([]);
    expect(answers[1]!.events).toEqual([
      { action: 'sign_in_failed', outcome: 'denied', reason: 'unknown, expired or ended session', resource_id: 'GET /api/v1/people' },
    ]);
  });

  it('ends a session left idle past the limit, and keeps one in use', async () => {
    t.setNow(start);
    const { cookie } = await signIn(t.app, 'nurse@example.test');
    t.setNow(minutes(25));
    expect((await me(cookie)).statusCode).toBe(200);
    t.setNow(minutes(50));
    expect((await me(cookie)).statusCode).toBe(200);
    t.setNow(minutes(50 + 31));
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('ends a session at its maximum age however busy it is', async () => {
    t.setNow(start);
    const { cookie } = await signIn(t.app, 'nurse@example.test');
    for (let m = 20; m < 12 * 60; m += 20) {
      t.setNow(minutes(m));
      expect((await me(cookie)).statusCode).toBe(200);
    }
    t.setNow(minutes(12 * 60 + 1));
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('a session ended elsewhere (another instance, an administrator) stops working within seconds', async () => {
    t.setNow(start);
    const { cookie } = await signIn(t.app, 'nurse@example.test');
    expect((await me(cookie)).statusCode).toBe(200);
    await t.database.db.delete(staffSession);
    t.setNow(new Date(start.getTime() + 6_000));
    expect((await me(cookie)).statusCode).toBe(401);
  });

  it('removes ended sessions when someone signs in, so the table does not only grow', async () => {
    t.setNow(start);
    await signIn(t.app, 'nurse@example.test');
    t.setNow(minutes(12 * 60 + 1));
    await signIn(t.app, 'nurse@example.test');
    const rows = await t.database.db.select().from(staffSession);
    expect(rows).toHaveLength(1);
    expect(rows[0]!.createdAt.getTime()).toBe(minutes(12 * 60 + 1).getTime());
  });

  it('signing out ends the session', async () => {
    t.setNow(start);
    const auth = await signIn(t.app, 'nurse@example.test');
    const forged = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie: auth.cookie } });
    expect(forged.statusCode).toBe(403);
    expect((await me(auth.cookie)).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-out', headers: auth });
    expect(out.statusCode).toBe(204);
    expect((await me(auth.cookie)).statusCode).toBe(401);
  });
});
