import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../../test/build-test-app.js';
import { type AuthHeaders, createPractice, createStaff, signIn } from '../../../test/factories.js';

let t: TestApp;
let admin: AuthHeaders;
let nurse: AuthHeaders;
let practiceId: string;
const strong = 'blue kettle on the windowsill';

beforeAll(async () => {
  t = await buildTestApp();
  ({ practiceId } = await createPractice(t.database.db));
  await createStaff(t.database.db, { email: 'admin@example.test', role: 'admin', organisationId: practiceId });
  await createStaff(t.database.db, { email: 'nurse@example.test', role: 'nurse', organisationId: practiceId });
  admin = await signIn(t.app, 'admin@example.test');
  nurse = await signIn(t.app, 'nurse@example.test');
});
afterAll(() => t.close());

const create = (headers: AuthHeaders, payload: object) =>
  t.app.inject({ method: 'POST', url: '/api/v1/admin/staff', headers, payload });
const me = (headers: AuthHeaders) => t.app.inject({ method: 'GET', url: '/api/v1/auth/me', headers });

describe('administrators manage staff accounts', () => {
  it('creates an account that can sign in with its roles', async () => {
    const res = await create(admin, {
      email: 'New.PIC@example.test',
      name: 'Sam Adeyemi',
      password: strong,
      roles: [{ organisationId: practiceId, role: 'coordinator' }],
    });
    expect(res.statusCode).toBe(201);
    const auth = await signIn(t.app, 'new.pic@example.test', strong);
    expect((await me(auth)).json().staff.roles).toEqual([expect.objectContaining({ role: 'coordinator' })]);
  });

  it('refuses a weak password, an unknown organisation and a used email, naming the field', async () => {
    const base = { email: 'x@example.test', name: 'X Y', password: strong, roles: [{ organisationId: practiceId, role: 'gp' }] };
    const weak = await create(admin, { ...base, password: 'password1234' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([expect.objectContaining({ field: 'password' })]);
    const unknown = await create(admin, { ...base, roles: [{ organisationId: '00000000-0000-4000-8000-000000000000', role: 'gp' }] });
    expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'roles.0.organisationId' })]);
    const used = await create(admin, { ...base, email: 'nurse@example.test' });
    expect(used.statusCode).toBe(409);
    expect((await signIn(t.app, 'x@example.test', strong).catch(() => 'refused'))).toBe('refused');
  });

  it('is refused to anyone who is not an administrator', async () => {
    const res = await create(nurse, { email: 'y@example.test', name: 'Y', password: strong, roles: [{ organisationId: practiceId, role: 'gp' }] });
    expect(res.statusCode).toBe(403);
  });

  it('disabling an account ends its sessions at once and stops it signing in', async () => {
    const id = await createStaff(t.database.db, { email: 'leaver@example.test', role: 'nurse', organisationId: practiceId });
    const leaver = await signIn(t.app, 'leaver@example.test');
    expect((await me(leaver)).statusCode).toBe(200);
    const res = await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/staff/${id}`, headers: admin, payload: { disabled: true } });
    expect(res.statusCode).toBe(204);
    expect((await me(leaver)).statusCode).toBe(401);
    await expect(signIn(t.app, 'leaver@example.test')).rejects.toThrow(/401/);
  });

  it('changing roles ends the sessions, and the next sign-in carries the new roles', async () => {
    const id = await createStaff(t.database.db, { email: 'mover@example.test', role: 'nurse', organisationId: practiceId });
    const before = await signIn(t.app, 'mover@example.test');
    const roles = [{ organisationId: practiceId, role: 'network_lead' }];
    await t.app.inject({ method: 'PATCH', url: `/api/v1/admin/staff/${id}`, headers: admin, payload: { roles } });
    expect((await me(before)).statusCode).toBe(401);
    const after = await signIn(t.app, 'mover@example.test');
    expect((await me(after)).json().staff.roles).toEqual([expect.objectContaining({ role: 'network_lead' })]);
  });

  it('sets a new password that follows the rules', async () => {
    const id = await createStaff(t.database.db, { email: 'forgot@example.test', role: 'gp', organisationId: practiceId });
    const url = `/api/v1/admin/staff/${id}/password`;
    expect((await t.app.inject({ method: 'PUT', url, headers: admin, payload: { password: 'short' } })).statusCode).toBe(400);
    expect((await t.app.inject({ method: 'PUT', url, headers: admin, payload: { password: strong } })).statusCode).toBe(204);
    await expect(signIn(t.app, 'forgot@example.test', strong)).resolves.toBeDefined();
  });
});
